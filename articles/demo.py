"""Demo articles for `manage.py load_demo`, written for this project in the institute's format:
context, relevance, mains question, Dimensions (the section headings), sections with bold lead-ins,
Way Forward, tags and the month."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from .models import Article, Edition, Paper, Relevance, Section, Topic, Transition

IST = ZoneInfo("Asia/Kolkata")


def p(label, text):
    return f"<p><strong>{label}:</strong> {text}</p>"


DEMO_ARTICLES = [
    {
        "slug": "japan-india-deeper-defence-partnership",
        "title": "Japan Seeks a Deeper Defence Partnership With India",
        "context": (
            "Japan's Prime Minister Fumio Kishida has described India as an indispensable partner for a free "
            "and open Indo-Pacific, and Tokyo now wants the two countries' defence cooperation to grow so that "
            "the sea lanes of the region stay secure."
        ),
        "relevances": [("gs2", "International Relations", True)],
        "mains_questions": (
            "India and Japan have moved from an economic relationship to a strategic one. Examine the drivers "
            "of their defence cooperation and the hurdles it still faces. (15 marks)"
        ),
        "edition": (2024, 3),
        "published": (2024, 3, 11),
        "tags": ["India-Japan", "Defence", "Indo-Pacific"],
        "sections": [
            ("India-Japan ties", "".join([
                p("Economic ties", "Japan earned a reputation as a dependable friend in 1991, when it was one of "
                  "very few countries to lend India money during the balance-of-payments crisis. Trade has grown "
                  "steadily since; by 2020 Japan was India's twelfth-largest trading partner, and in FY2020 it was "
                  "the fourth-largest source of foreign direct investment."),
                p("Health care", "The two governments have been looking for projects where Japan's Asia Health "
                  "and Wellbeing Initiative (AHWIN) and India's Ayushman Bharat can support each other."),
                p("Development assistance", "For decades India has received more Japanese ODA loans than any other "
                  "country. The Delhi Metro is the best-known result; a concessional JICA loan under the STEP terms "
                  "also funds the Western Dedicated Freight Corridor, and the Mumbai–Ahmedabad high-speed line is "
                  "being built on Shinkansen technology."),
            ])),
            ("Recent activities in India-Japan defence ties", "".join([
                p("Civil nuclear agreement (2016)", "The agreement opens the way for six reactors in southern India "
                  "and is part of India's plan to multiply its nuclear power capacity roughly ten times by 2032."),
                "<p>India holds a 2+2 dialogue of foreign and defence ministers with only a handful of countries, "
                "and Japan is one of them. The armed forces train together regularly:</p>",
                "<ul><li><strong>JIMEX</strong> and <strong>Malabar</strong> at sea;</li>"
                "<li><strong>Veer Guardian</strong> and <strong>Shinyuu Maitri</strong> in the air;</li>"
                "<li><strong>Dharma Guardian</strong> on land.</li></ul>",
                p("7th Defence Policy Dialogue", "Held in New Delhi and co-chaired by India's Defence Secretary and "
                  "Japan's Vice-Minister of Defense for International Affairs, the dialogue reviewed exercises "
                  "between the services, the regional security outlook and cooperation on defence equipment and "
                  "technology. Japan briefed India on its new National Security Strategy and National Defense "
                  "Strategy, and both sides noted that the first fighter exercise, Veer Guardian, had taken place "
                  "in Japan in January 2023."),
                p("Industry and new domains", "India asked Japanese defence firms to manufacture in India under "
                  "Make in India, and the two sides agreed to work together in space and cyber security as well."),
                p("Institutional links", "All three services now hold regular staff talks, and the coast guards "
                  "have met every year since 2006. Japan-India Vision 2025 frames the relationship as a Special "
                  "Strategic and Global Partnership for a peaceful and prosperous Indo-Pacific."),
            ])),
            ("Way Forward", "".join([
                p("Digital partnership", "Joint projects in 5G and Open RAN, telecom network security, undersea "
                  "cables and quantum communication would give both countries trusted digital infrastructure."),
                p("Disaster risk reduction", "Japan's long experience of earthquakes and tsunamis can inform "
                  "Indian policies for hazard-prone districts."),
                p("A multipolar Asia", "By coordinating their strategies, the two democracies can rise together as "
                  "global powers and keep the Indo-Pacific open and secure."),
            ])),
        ],
    },
    {
        "slug": "sixteenth-finance-commission-fiscal-federalism",
        "title": "The Sixteenth Finance Commission and the Future of Fiscal Federalism",
        "context": (
            "The Union Government has notified the terms of reference of the Sixteenth Finance Commission, which "
            "will recommend how tax revenue is shared between the Centre and the States for 2026–31."
        ),
        "relevances": [("gs2", "Federalism", True), ("gs3", "Government Budgeting", False)],
        "mains_questions": (
            "Vertical and horizontal devolution pull the Finance Commission in opposite directions. Discuss with "
            "reference to the concerns of the southern States. (15 marks)"
        ),
        "edition": (2024, 3),
        "published": (2024, 3, 18),
        "tags": ["Finance Commission", "Federalism", "Centre-State Relations"],
        "sections": [
            ("About the Finance Commission", "".join([
                p("Constitutional basis", "Article 280 requires the President to appoint a Finance Commission every "
                  "five years or earlier. Its advice covers the States' share of divisible taxes, grants-in-aid and "
                  "measures to strengthen local bodies."),
                p("Vertical devolution", "The Fifteenth Commission kept the States' share at 41 per cent of the "
                  "divisible pool, after adjusting for the new Union Territories of Jammu and Kashmir and Ladakh."),
            ])),
            ("Issues before the Commission", "".join([
                p("Cesses and surcharges", "Their growing share of gross tax revenue sits outside the divisible "
                  "pool, so States receive less than the headline 41 per cent."),
                p("Population versus performance", "States that controlled population growth fear losing share "
                  "when the 2011 census is used, while poorer States need more help to catch up."),
                p("Debt and off-budget borrowing", "Rising State debt and guarantees call for a credible fiscal "
                  "path that does not starve capital spending."),
            ])),
            ("Way Forward", "".join([
                p("Bring cesses into the pool", "A cap on cesses and surcharges, or their partial sharing, would "
                  "restore the spirit of cooperative federalism."),
                p("Reward efficiency", "Criteria for tax effort and demographic performance can balance equity "
                  "with incentives."),
                p("Empower local bodies", "Performance-linked grants to panchayats and municipalities should grow "
                  "with their own revenue collection."),
            ])),
        ],
    },
    {
        "slug": "ayushman-bharat-digital-mission-health-records",
        "title": "Ayushman Bharat Digital Mission: Building India's Health Data Backbone",
        "context": (
            "More than fifty crore Ayushman Bharat Health Accounts have now been created, and the Government wants "
            "every hospital and laboratory in the country to share records through the mission's network."
        ),
        "relevances": [("gs2", "Health", True), ("gs3", "IT and Cyber", False)],
        "mains_questions": (
            "Digital health records promise continuity of care but raise questions of privacy and exclusion. "
            "Critically analyse the Ayushman Bharat Digital Mission in this light. (10 marks)"
        ),
        "edition": (2024, 3),
        "published": (2024, 3, 25),
        "tags": ["Health", "Digital India", "Data Protection"],
        "sections": [
            ("What the mission builds", "".join([
                p("Health account (ABHA)", "A fourteen-digit identity that links a person's prescriptions, test "
                  "reports and discharge summaries across providers, with the patient's consent."),
                p("Registries", "Verified lists of health professionals and health facilities let patients and "
                  "insurers check who is treating them."),
            ])),
            ("Concerns", "".join([
                p("Privacy", "Health data is sensitive personal data; consent managers and the Digital Personal "
                  "Data Protection Act, 2023 must be applied strictly."),
                p("Digital divide", "Patients without smartphones or connectivity must not be turned away."),
                p("Adoption by private providers", "Small clinics see little reason to spend on new software."),
            ])),
            ("Way Forward", "".join([
                p("Incentives", "Linking insurance claims and scheme payments to digital records would speed up "
                  "adoption by private hospitals."),
                p("Assisted access", "ASHA workers and common service centres can create and use accounts on "
                  "behalf of those who cannot."),
            ])),
        ],
    },
    {
        "slug": "upi-goes-global",
        "title": "UPI Goes Global: India's Digital Payments Diplomacy",
        "context": (
            "India's Unified Payments Interface has been launched in Sri Lanka and Mauritius, adding to a growing "
            "list of countries where Indian travellers and businesses can pay using UPI."
        ),
        "relevances": [("gs3", "Indian Economy", True), ("gs2", "Bilateral, Regional and Global Groupings", False)],
        "mains_questions": "",
        "edition": (2024, 2),
        "published": (2024, 2, 14),
        "tags": ["UPI", "Digital Payments", "Neighbourhood First"],
        "sections": [
            ("Why UPI matters abroad", "".join([
                p("Remittances", "India receives more remittances than any other country; cheaper cross-border "
                  "transfers leave more money with migrant families."),
                p("Soft power", "Offering public digital infrastructure to partners shows an alternative to "
                  "closed, privately owned payment networks."),
            ])),
            ("Challenges", "".join([
                p("Regulation", "Each country has its own rules on foreign exchange, data and consumer protection."),
                p("Competition", "Card networks and other fast-payment systems are well established in many "
                  "markets."),
            ])),
            ("Way Forward", p("Interlinking fast-payment systems", "Agreements such as the UPI–PayNow link with "
                "Singapore can be a template for linking with the G20's other payment systems.")),
        ],
    },
    {
        "slug": "hoysala-temples-world-heritage",
        "title": "The Sacred Ensembles of the Hoysalas on the World Heritage List",
        "context": (
            "The Hoysala temples at Belur, Halebidu and Somanathapura in Karnataka have been inscribed on UNESCO's "
            "World Heritage List, taking India's total number of World Heritage Sites to 42."
        ),
        "relevances": [("gs1", "Art and Culture", True)],
        "mains_questions": (
            "What distinguishes Hoysala temple architecture from the Nagara and Dravida styles? (10 marks)"
        ),
        "edition": (2024, 2),
        "published": (2024, 2, 6),
        "tags": ["Heritage", "UNESCO", "Temple Architecture"],
        "sections": [
            ("The Hoysala style", "".join([
                p("Plan", "Star-shaped (stellate) platforms called jagati raise the shrine and create a play of light "
                  "and shade on the walls."),
                p("Material", "Soft soapstone (chloritic schist) allowed sculptors to carve jewellery-like detail "
                  "that hardens with exposure."),
                p("Friezes", "Bands of elephants, horsemen, scrolls and scenes from the epics run around the base."),
            ])),
            ("Significance of the listing", "".join([
                p("Conservation", "Inscription brings international standards of protection and management."),
                p("Tourism", "Better-known sites draw visitors to less famous temples of the region."),
            ])),
            ("Way Forward", p("Community stewardship", "Local residents, guides and temple committees should share "
                "in the income from tourism so that they have a stake in conservation.")),
        ],
    },
    {
        "slug": "heatwaves-india-preparedness",
        "title": "Heatwaves in India: Why They Are Rising and How to Prepare",
        "context": (
            "The India Meteorological Department has forecast more heatwave days than normal for this summer, "
            "after a February that was among the warmest on record."
        ),
        "relevances": [("gs1", "Geophysical Phenomena", True), ("gs3", "Disaster Management", False)],
        "mains_questions": (
            "Heat action plans have saved lives in some Indian cities but remain weak in most. Examine. (15 marks)"
        ),
        "edition": (2024, 2),
        "published": (2024, 2, 27),
        "tags": ["Heatwave", "Climate Change", "Disaster Management"],
        "sections": [
            ("When is it a heatwave?", p("IMD criteria", "A heatwave is declared when the maximum temperature is at "
                "least 40 °C in the plains and 4.5 °C or more above normal, or when it crosses 45 °C whatever the "
                "normal.")),
            ("Causes", "".join([
                p("Climate change", "Warmer baselines make extreme days more frequent and longer."),
                p("Urban heat islands", "Concrete, traffic and the loss of trees keep cities hot through the night."),
                p("Dry pre-monsoon winds", "Hot, dry air from the north-west raises temperatures over the plains."),
            ])),
            ("Way Forward", "".join([
                p("Heat action plans", "Every district needs an early warning system, cooling shelters and "
                  "changed working hours for outdoor labour, as Ahmedabad first showed in 2013."),
                p("Cool roofs and green cover", "Reflective roofing and shade trees lower indoor temperatures for "
                  "the poorest households."),
            ])),
        ],
    },
    {
        "slug": "great-indian-bustard-power-lines",
        "title": "Saving the Great Indian Bustard From Power Lines",
        "context": (
            "The Supreme Court has revisited its order on undergrounding power lines in the bustard's habitat, "
            "asking an expert committee to balance the bird's survival with India's solar energy targets."
        ),
        "relevances": [("gs3", "Biodiversity", True), ("gs3", "Environment and Conservation", False)],
        "mains_questions": "",
        "edition": (2024, 3),
        "published": (2024, 3, 4),
        "tags": ["Biodiversity", "Renewable Energy", "Supreme Court"],
        "sections": [
            ("About the bird", "".join([
                p("Status", "Critically Endangered on the IUCN Red List and listed in Schedule I of the Wild Life "
                  "(Protection) Act; fewer than 150 birds are believed to survive."),
                p("Habitat", "Grasslands of Rajasthan and Gujarat, which are also prime land for solar and wind "
                  "farms."),
            ])),
            ("The conflict", p("Collisions", "Heavy birds with poor frontal vision cannot swerve in time to avoid "
                "overhead wires, and collisions are now the main cause of death.")),
            ("Way Forward", "".join([
                p("Priority areas", "Underground lines or bird diverters in the core breeding areas, with "
                  "flexibility outside them."),
                p("Captive breeding", "The conservation breeding centres at Sam and Ramdevra should release birds "
                  "into protected, wire-free enclosures."),
            ])),
        ],
    },
    {
        "slug": "ethics-of-ai-in-public-administration",
        "title": "The Ethics of Artificial Intelligence in Public Administration",
        "context": (
            "Several State governments now use algorithms to detect welfare fraud and to prioritise grievances, "
            "raising questions about accountability when a machine gets it wrong."
        ),
        "relevances": [("gs4", "Probity in Governance", True)],
        "mains_questions": (
            "\"An algorithm cannot be held accountable, but its users can.\" Discuss the ethical responsibilities "
            "of civil servants who rely on automated decisions. (10 marks)"
        ),
        "edition": (2024, 2),
        "published": (2024, 2, 20),
        "tags": ["Ethics", "Artificial Intelligence", "Accountability"],
        "sections": [
            ("Ethical concerns", "".join([
                p("Bias", "Models trained on past decisions can repeat old prejudices against caste, gender or "
                  "region."),
                p("Opacity", "Citizens cannot contest a decision whose reasons nobody can explain."),
                p("Diffused responsibility", "Officials may hide behind the system instead of owning the outcome."),
            ])),
            ("Values at stake", "<ul><li>Fairness and non-discrimination</li><li>Transparency and the right to "
                "reasons</li><li>Compassion towards the most vulnerable</li></ul>"),
            ("Way Forward", "".join([
                p("Human in the loop", "No welfare benefit should be denied by a machine alone."),
                p("Algorithmic audits", "Independent audits and public registers of government algorithms build "
                  "trust."),
            ])),
        ],
    },
    {
        "slug": "india-semiconductor-mission-draft",
        "title": "India Semiconductor Mission: Can India Make Its Own Chips?",
        "context": (
            "The Cabinet has approved three new semiconductor units, including India's first commercial "
            "fabrication plant."
        ),
        "relevances": [("gs3", "Science and Technology", True)],
        "mains_questions": "",
        "edition": (2024, 4),
        "published": None,
        "state": "draft",
        "changes_requested": "Add a section on the talent pipeline and cite the approved project costs.",
        "tags": ["Semiconductors", "Make in India"],
        "sections": [
            ("The plan", p("Incentives", "The Centre will bear half the project cost of approved fabs and "
                "packaging units.")),
            ("Way Forward", p("Talent", "Chip design courses in engineering colleges must expand quickly.")),
        ],
    },
    {
        "slug": "civil-services-day-integrity",
        "title": "Civil Services Day: Integrity as the Core of Public Service",
        "context": (
            "On Civil Services Day the Prime Minister's awards for excellence in public administration were given "
            "to districts that delivered schemes with speed and honesty."
        ),
        "relevances": [("gs4", "Civil Service Values", True), ("gs2", "Civil Services", False)],
        "mains_questions": "What does integrity demand of a district collector beyond avoiding corruption? (10 marks)",
        "edition": (2024, 4),
        "published": None,
        "state": "approved",
        "tags": ["Ethics", "Civil Services"],
        "sections": [
            ("Values in practice", "".join([
                p("Integrity", "Consistency between what an officer says, decides and does, even when nobody watches."),
                p("Objectivity", "Decisions based on evidence and rules, not on pressure from the powerful."),
            ])),
            ("Way Forward", p("Mission Karmayogi", "Competency-based training should weigh conduct and empathy as "
                              "much as technical skills.")),
        ],
    },
    {
        "slug": "womens-reservation-act-delimitation",
        "title": "The Women's Reservation Act and the Wait for Delimitation",
        "context": (
            "One-third of seats in the Lok Sabha and State Assemblies will be reserved for women, but only after "
            "the next census and delimitation are complete."
        ),
        "relevances": [("gs1", "Social Issues", True), ("gs2", "Parliament and State Legislatures", False)],
        "mains_questions": "",
        "edition": (2024, 4),
        "published": None,
        "state": "in_review",
        "tags": ["Women Empowerment", "Parliament"],
        "sections": [
            ("Key provisions", p("Rotation", "Reserved seats rotate after each delimitation, and the reservation "
                                 "lasts fifteen years unless Parliament extends it.")),
            ("Way Forward", p("Party tickets", "Parties need not wait: they can field more women candidates now.")),
        ],
    },
]

# Editions already out; April 2024 is being prepared and is not public yet.
RELEASED_EDITIONS = {(2024, 2): datetime(2024, 2, 1, 6, 0, tzinfo=IST), (2024, 3): datetime(2024, 3, 1, 6, 0, tzinfo=IST)}


@transaction.atomic
def load_articles(author, reviewer):
    """Create or refresh every demo article; running it twice leaves the same rows."""
    papers = {paper.code: paper for paper in Paper.objects.all()}
    for item in DEMO_ARTICLES:
        edition, _ = Edition.objects.update_or_create(
            year=item["edition"][0], month=item["edition"][1],
            defaults={"release_at": RELEASED_EDITIONS.get(item["edition"]),
                      "released_by": reviewer if item["edition"] in RELEASED_EDITIONS else None},
        )
        published = item["published"]
        article, _ = Article.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "title": item["title"],
                "context": item["context"],
                "mains_questions": item["mains_questions"],
                "edition": edition,
                "status": item.get("state", Article.Status.PUBLISHED),
                "published_at": datetime(*published, 9, 0, tzinfo=IST) if published else None,
                "author": author,
            },
        )
        article.relevances.all().delete()
        for position, (code, topic_name, primary) in enumerate(item["relevances"]):
            Relevance.objects.create(
                article=article, paper=papers[code], topic=Topic.objects.get(paper__code=code, name=topic_name),
                is_primary=primary, position=position,
            )
        article.sections.all().delete()
        for position, (heading, body) in enumerate(item["sections"], start=1):
            Section.objects.create(article=article, position=position, heading=heading, body=body)
        article.tags.set(item["tags"])
        article.transitions.all().delete()
        if "changes_requested" in item:
            Transition.objects.create(
                article=article, actor=reviewer, name="request_changes", from_status=Article.Status.IN_REVIEW,
                to_status=Article.Status.DRAFT, comment=item["changes_requested"],
            )
    return len(DEMO_ARTICLES)
