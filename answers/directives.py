"""The directive words of UPSC's Mains questions and what each asks a student to do, shown beside the
question (meanings written for this project). The order is the order of the admin's choice list."""

DIRECTIVES = {
    "discuss": ("Discuss", "Write about the issue from several sides — causes, effects, the arguments for and "
                           "against — and end with a reasoned view."),
    "critically-examine": ("Critically examine", "Look into the issue closely, test the claims on each side "
                                                 "against evidence, and judge how far they hold."),
    "examine": ("Examine", "Go into the issue in detail: set out the facts, show how they connect, and draw a "
                           "conclusion from them."),
    "analyse": ("Analyse", "Break the issue into its parts, explain each and how they affect one another, and "
                           "show what follows."),
    "critically-analyse": ("Critically analyse", "Break the issue into its parts, weigh the strengths and "
                                                 "weaknesses of each, and give your judgement."),
    "evaluate": ("Evaluate", "Judge the worth, success or importance of something against clear criteria, "
                             "with evidence."),
    "critically-evaluate": ("Critically evaluate", "Judge it against clear criteria, giving the evidence on "
                                                   "both sides before your verdict."),
    "comment": ("Comment", "Give your opinion on the statement and back it with facts and arguments."),
    "elaborate": ("Elaborate", "Explain at length, adding the facts, examples and background the question "
                               "only hints at."),
    "explain": ("Explain", "Make clear how or why something happens, with reasons."),
    "elucidate": ("Elucidate", "Make a difficult idea clear, with explanation and examples."),
    "describe": ("Describe", "Say what something is like — its features and how it works — without arguing."),
    "illustrate": ("Illustrate", "Explain with examples, cases or data that show the point."),
    "justify": ("Justify", "Give the reasons and evidence that support the statement."),
    "to-what-extent": ("To what extent", "Say how far the statement is true, with evidence for and against."),
    "highlight": ("Highlight", "Bring out the main points clearly and briefly."),
    "enumerate": ("Enumerate", "List the points one by one, each in a line or two."),
}

CHOICES = [(slug, word) for slug, (word, _) in DIRECTIVES.items()]


def meaning(slug):
    return DIRECTIVES[slug][1] if slug in DIRECTIVES else ""
