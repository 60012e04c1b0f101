"""The UPSC Mains syllabus as first seeded (DESIGN §2). After seeding, papers and topics are data that
editors change in the admin. The list is frozen here, in the migration, so that changing live code can never
change what a fresh `migrate` creates."""

from django.db import migrations
from django.utils.text import slugify

SYLLABUS = [
    ("gs1", "GS1", "Indian Heritage and Culture, History and Geography of the World and Society", [
        "Art and Culture", "Modern Indian History", "Post-independence India", "World History",
        "Indian Society", "Social Issues", "Physical Geography", "Resources and Industry Location",
        "Geophysical Phenomena",
    ]),
    ("gs2", "GS2", "Governance, Constitution, Polity, Social Justice and International Relations", [
        "Constitution", "Parliament and State Legislatures", "Executive and Judiciary", "Federalism",
        "Constitutional and Statutory Bodies", "Governance", "Government Policies and Interventions",
        "Welfare Schemes", "Health", "Education", "Poverty and Hunger", "Civil Services",
        "International Relations", "India and its Neighbourhood", "Bilateral, Regional and Global Groupings",
        "Indian Diaspora", "International Institutions",
    ]),
    ("gs3", "GS3", "Technology, Economic Development, Biodiversity, Environment, Security and Disaster Management", [
        "Indian Economy", "Inclusive Growth", "Government Budgeting", "Agriculture", "Food Processing",
        "Land Reforms", "Infrastructure", "Investment Models", "Science and Technology", "Space",
        "IT and Cyber", "Biotechnology", "IPR", "Environment and Conservation", "Biodiversity",
        "Disaster Management", "Internal Security", "Border Management", "Security Forces",
    ]),
    ("gs4", "GS4", "Ethics, Integrity and Aptitude", [
        "Ethics and Human Interface", "Attitude", "Emotional Intelligence", "Moral Thinkers",
        "Civil Service Values", "Probity in Governance", "Case Studies",
    ]),
    ("essay", "Essay", "The Essay paper", []),
    ("prelims", "Prelims", "Items that serve the Preliminary examination only", []),
]


def seed_syllabus(apps, schema_editor=None):
    """Create the papers and topics that do not exist yet; existing rows are left as editors made them."""
    Paper = apps.get_model("articles", "Paper")
    Topic = apps.get_model("articles", "Topic")
    for paper_position, (code, short_name, title, topics) in enumerate(SYLLABUS, start=1):
        paper, _ = Paper.objects.get_or_create(
            code=code, defaults={"short_name": short_name, "title": title, "position": paper_position}
        )
        for topic_position, name in enumerate(topics, start=1):
            Topic.objects.get_or_create(
                paper=paper, slug=slugify(name), defaults={"name": name, "position": topic_position}
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunPython(seed_syllabus, migrations.RunPython.noop)]
