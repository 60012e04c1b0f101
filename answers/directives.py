"""The directive words of UPSC's Mains questions and what each asks a student to do, shown beside the
question (meanings written for this project; both in Hindi on the Hindi site). The order is the order of the
admin's choice list."""

from django.utils.translation import gettext_lazy as _

DIRECTIVES = {
    "discuss": (_("Discuss"), _("Write about the issue from several sides — causes, effects, the "
                                "arguments for and against — and end with a reasoned view.")),
    "critically-examine": (_("Critically examine"), _("Look into the issue closely, test the claims on "
                                                      "each side against evidence, and judge how far "
                                                      "they hold.")),
    "examine": (_("Examine"), _("Go into the issue in detail: set out the facts, show how they connect, "
                                "and draw a conclusion from them.")),
    "analyse": (_("Analyse"), _("Break the issue into its parts, explain each and how they affect one "
                                "another, and show what follows.")),
    "critically-analyse": (_("Critically analyse"), _("Break the issue into its parts, weigh the "
                                                      "strengths and weaknesses of each, and give your "
                                                      "judgement.")),
    "evaluate": (_("Evaluate"), _("Judge the worth, success or importance of something against clear "
                                  "criteria, with evidence.")),
    "critically-evaluate": (_("Critically evaluate"), _("Judge it against clear criteria, giving the "
                                                        "evidence on both sides before your verdict.")),
    "comment": (_("Comment"), _("Give your opinion on the statement and back it with facts and arguments.")),
    "elaborate": (_("Elaborate"), _("Explain at length, adding the facts, examples and background the "
                                    "question only hints at.")),
    "explain": (_("Explain"), _("Make clear how or why something happens, with reasons.")),
    "elucidate": (_("Elucidate"), _("Make a difficult idea clear, with explanation and examples.")),
    "describe": (_("Describe"), _("Say what something is like — its features and how it works — without "
                                  "arguing.")),
    "illustrate": (_("Illustrate"), _("Explain with examples, cases or data that show the point.")),
    "justify": (_("Justify"), _("Give the reasons and evidence that support the statement.")),
    "to-what-extent": (_("To what extent"), _("Say how far the statement is true, with evidence for and "
                                              "against.")),
    "highlight": (_("Highlight"), _("Bring out the main points clearly and briefly.")),
    "enumerate": (_("Enumerate"), _("List the points one by one, each in a line or two.")),
}

CHOICES = [(slug, word) for slug, (word, _) in DIRECTIVES.items()]


def meaning(slug):
    return DIRECTIVES[slug][1] if slug in DIRECTIVES else ""
