"""Demo Mains questions (from the demo articles' own "Mains Question" lines, approved, two with full
guidance and a model answer) and two reviewed demo answers, written for this project."""

from django.db import transaction
from django.utils import timezone

from articles.models import Article

from . import reviewing, services
from .importing import read_question
from .models import Answer, MainsQuestion

GUIDANCE = {
    "sixteenth-finance-commission-fiscal-federalism": {
        "why_this_question": "The new Commission's terms of reference are out, and the southern States have "
                             "said openly that a formula based on population punishes them for success.",
        "key_demand": "Explain the two kinds of devolution, show where they pull apart, and suggest how the "
                      "Commission can be fair to both the poorer and the better-governed States.",
        "structure_introduction": "What the Finance Commission does under Article 280, in two lines.",
        "structure_body": "Vertical devolution and the cess problem; horizontal devolution and the criteria; "
                          "the southern States' case with figures; what earlier Commissions did.",
        "structure_conclusion": "A balanced formula and a smaller share of cesses: cooperative federalism.",
        "model_answer": (
            "The Finance Commission, set up every five years under Article 280, divides the Union's taxes "
            "between the Union and the States (vertical devolution) and among the States (horizontal "
            "devolution).\n\nVertically, the States' share was raised to 41 per cent, but cesses and "
            "surcharges, which stay outside the divisible pool, have grown to nearly a fifth of gross tax "
            "revenue, so the real share is lower.\n\nHorizontally, population and area reward need, while "
            "income distance sends more to poorer States. The southern States, which slowed population growth "
            "and grew faster, receive less per rupee they contribute, and see this as a penalty for "
            "success.\n\nThe Commission can give weight to demographic performance and tax effort, as the "
            "Fifteenth did, and recommend a cap on cesses. Equity and efficiency then support each other, "
            "which is what cooperative federalism asks."),
    },
    "japan-india-deeper-defence-partnership": {
        "why_this_question": "Tokyo's new security policy and recent joint exercises have moved the "
                             "relationship beyond trade and aid.",
        "key_demand": "Name what drives the defence partnership and what still holds it back, with examples.",
        "structure_introduction": "From aid partner to Special Strategic and Global Partnership.",
        "structure_body": "Drivers: the Indo-Pacific, the Quad, technology, exercises. Hurdles: export rules, "
                          "slow co-production, differing threat views.",
        "structure_conclusion": "Co-development and maritime awareness as the next steps.",
        "model_answer": (
            "India and Japan were long bound by trade and development aid; since 2014 their partnership has "
            "been a Special Strategic and Global one.\n\nDrivers: a shared interest in a free and open "
            "Indo-Pacific, cooperation in the Quad, the 2+2 dialogue, joint exercises on land, sea and in the "
            "air, and an agreement on reciprocal supplies and services.\n\nHurdles: Japan's strict rules on "
            "exporting defence equipment, the stalled talks on amphibious aircraft, India's slow procurement "
            "and the two countries' different priorities on the continent.\n\nCo-developing equipment under "
            "Make in India and sharing maritime information would turn shared views into shared capability."),
    },
}

# (article slug, device, the answer, marks per rubric part, remark, [(passage, comment)])
ANSWERS = [
    ("sixteenth-finance-commission-fiscal-federalism", "demo-device-asha",
     "The Finance Commission divides taxes between the Centre and the States, and among the States.\n\n"
     "The States get 41 per cent of the divisible pool, but cesses are not shared, so they get less in "
     "practice.\n\nThe southern States say that using the 2011 population punishes them for controlling "
     "population. They also pay more taxes than they get back.\n\nThe Commission should balance need and "
     "performance so that all States feel treated fairly.",
     {"introduction": "1.5", "body": "5", "conclusion": "1.5", "presentation": "1.5"},
     "A clear start and the right points; the body needs figures and the criteria by name.",
     [("cesses are not shared", "Say how large cesses and surcharges have grown: about a fifth of gross "
                                "tax revenue."),
      ("balance need and performance", "Name the criteria, e.g. demographic performance and tax effort.")]),
    ("japan-india-deeper-defence-partnership", "demo-device-ravi",
     "India and Japan are old friends. Japan helped build the Delhi Metro.\n\nNow they do exercises "
     "together like JIMEX and Dharma Guardian, and they are in the Quad.\n\nBut Japan has rules on "
     "selling weapons.\n\nIn future they should do more.",
     {"introduction": "1", "body": "3.5", "conclusion": "0.5", "presentation": "1"},
     "The drivers are there but thin; the conclusion needs a concrete way forward.",
     [("In future they should do more.", "Be specific: co-development, maritime domain awareness, supply "
                                         "chains.")]),
]


@transaction.atomic
def load_mains(evaluator):
    """Approve the demo articles' Mains questions (made from their "Mains Question" lines when missing),
    give two their guidance and model answer, and add two answers reviewed by `evaluator`. Idempotent."""
    for article in Article.objects.filter(language=Article.Language.ENGLISH).exclude(mains_questions=""):
        if not MainsQuestion.objects.filter(article=article).exists():
            for position, line in enumerate(article.mains_questions.splitlines()):
                text, marks, words, directive = read_question(line)
                if text:
                    MainsQuestion.objects.create(article=article, text=text, marks=marks, word_limit=words,
                                                 directive=directive, position=position)
    MainsQuestion.objects.filter(article__language=Article.Language.ENGLISH).update(
        status=MainsQuestion.Status.APPROVED)
    for slug, guidance in GUIDANCE.items():
        MainsQuestion.objects.filter(article__slug=slug, article__language=Article.Language.ENGLISH,
                                     model_answer="").update(**guidance)
    for slug, device, text, marks, remark, comments in ANSWERS:
        question = MainsQuestion.objects.filter(article__slug=slug, article__language=Article.Language.ENGLISH).first()
        if question is None or Answer.objects.filter(question=question, device=device).exists():
            continue
        answer = Answer.objects.create(question=question, device=device, text=text, words=services.count_words(text),
                                       evaluator=evaluator, submitted_at=timezone.now())
        reviewing.review(answer, evaluator, marks=marks, remark=remark,
                         anchored=[(text.index(passage), text.index(passage) + len(passage), comment)
                                   for passage, comment in comments])
    return MainsQuestion.objects.count(), Answer.objects.filter(status=Answer.Status.REVIEWED).count()


def demo_answers():
    """The demo's reviewed answers, for load_demo to print their private links on a developer's machine."""
    return Answer.objects.filter(device__in=[device for _, device, *rest in ANSWERS]).order_by("pk")
