"""The UPSC Mains syllabus as first seeded (DESIGN §2). After seeding, papers and topics are data
that editors change in the admin; this module is only read by the data migration."""

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
