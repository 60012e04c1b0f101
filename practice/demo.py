"""Demo Prelims questions of every shape beside the demo articles, written for this project."""

from django.db import transaction

from articles.models import Article

from . import keys
from .models import Option, Question, Statement

# (article slug, shape, stem, statements [(text, true?, note)], options [(text, correct?, explanation)],
#  Statement-II explains Statement-I?)
DEMO_QUESTIONS = [
    ("sixteenth-finance-commission-fiscal-federalism", keys.SINGLE,
     "Under which Article of the Constitution is the Finance Commission appointed?", [],
     [("Article 280", True, "Article 280 asks the President to appoint the Commission at least every five years."),
      ("Article 270", False, "Article 270 says how Union taxes are levied and distributed, not who advises on it."),
      ("Article 275", False, "Article 275 provides grants-in-aid to States; the Commission only advises on them."),
      ("Article 293", False, "Article 293 concerns borrowing by States.")], False),
    ("sixteenth-finance-commission-fiscal-federalism", keys.WHICH_CORRECT,
     "Consider the following statements about the divisible pool of taxes:",
     [("Cesses and surcharges are shared with the States like other Union taxes.", False,
       "They stay outside the divisible pool, which is why their growth worries the States."),
      ("The Fifteenth Finance Commission kept the States' share at 41 per cent.", True,
       "It adjusted the earlier 42 per cent for the new Union Territories."),
      ("The Commission also advises on measures to strengthen local bodies.", True,
       "Its terms cover panchayats and municipalities as well.")],
     [("1 only", False, "Statement 1 is wrong: cesses and surcharges are not shared."),
      ("2 and 3 only", True, "Statements 2 and 3 are correct; statement 1 is not."),
      ("1 and 3 only", False, "Statement 1 is wrong."),
      ("1, 2 and 3", False, "Statement 1 is wrong.")], False),
    ("great-indian-bustard-power-lines", keys.HOW_MANY_CORRECT,
     "Consider the following statements about the Great Indian Bustard:",
     [("It is listed as Critically Endangered by the IUCN.", True, "It is among the most threatened birds of India."),
      ("It is protected under Schedule I of the Wild Life (Protection) Act.", True, "It has the highest protection."),
      ("Its main habitat is the mangrove forests of the eastern coast.", False,
       "It lives in the grasslands of Rajasthan and Gujarat.")],
     [("Only one", False, "Two statements are correct."), ("Only two", True, "Statements 1 and 2 are correct."),
      ("All three", False, "Statement 3 is wrong."), ("None", False, "Two statements are correct.")], False),
    ("great-indian-bustard-power-lines", keys.STATEMENT_I_II,
     "Consider the following statements:",
     [("Statement-I: Overhead power lines are a leading cause of death of the Great Indian Bustard.", True,
       "Collisions with wires now kill more birds than anything else."),
      ("Statement-II: The bird's poor frontal vision keeps it from seeing wires in time to turn.", True,
       "Heavy and with limited forward vision, it cannot swerve in time.")],
     [(text, index == 0, explanation) for index, (text, explanation) in enumerate(zip(
         keys.FIXED_OPTIONS[keys.STATEMENT_I_II],
         ["Both are true, and the bird's vision is why the wires kill it.",
          "Statement-II does explain Statement-I.", "Statement-II is also correct.", "Statement-I is also correct."]))],
     True),
    ("upi-goes-global", keys.PAIRS,
     "Consider the following pairs (payment system : what it is):",
     [("UPI : a real-time system for payments between bank accounts", True, "It runs on the NPCI's platform."),
      ("RuPay : India's domestic card network", True, "It was launched by the NPCI."),
      ("SWIFT : a payment app run by the Reserve Bank of India", False,
       "SWIFT is a global messaging network for banks, based in Belgium.")],
     [("Only one pair", False, "Two pairs are right."), ("Only two pairs", True, "The first two pairs are right."),
      ("All three pairs", False, "The SWIFT pair is wrong."), ("None of the pairs", False, "Two pairs are right.")],
     False),
    ("hoysala-temples-world-heritage", keys.MATCH_LIST,
     "Match List-I (temple) with List-II (place):\nList-I: A. Chennakeshava temple  B. Hoysaleswara temple  "
     "C. Keshava temple\nList-II: 1. Somanathapura  2. Belur  3. Halebidu",
     [("A-2", True, "The Chennakeshava temple stands at Belur."),
      ("B-3", True, "The Hoysaleswara temple stands at Halebidu."),
      ("C-1", True, "The Keshava temple stands at Somanathapura.")],
     [("A-2, B-3, C-1", True, "All three matches are right."), ("A-3, B-2, C-1", False, "Belur and Halebidu are swapped."),
      ("A-1, B-3, C-2", False, "Somanathapura and Belur are swapped."), ("A-2, B-1, C-3", False, "Halebidu and Somanathapura are swapped.")],
     False),
    ("japan-india-deeper-defence-partnership", keys.ASSERTION_REASON,
     "Consider the following:",
     [("Assertion (A): India and Japan hold joint naval exercises.", True, "JIMEX is their bilateral naval exercise."),
      ("Reason (R): India and Japan are both members of NATO.", False, "Neither country is a member of NATO.")],
     [(text, index == 2, explanation) for index, (text, explanation) in enumerate(zip(
         keys.FIXED_OPTIONS[keys.ASSERTION_REASON],
         ["R is false.", "R is false.", "A is true and R is false.", "A is true."]))],
     False),
]

# The Hindi of some demo questions, by their English stem: (stem, [(statement, note)], [(option, explanation)]).
# An option left "" is a fixed one whose Hindi is UPSC's (practice/hindi.py).
DEMO_HINDI = {
    "Under which Article of the Constitution is the Finance Commission appointed?": (
        "संविधान के किस अनुच्छेद के तहत वित्त आयोग का गठन किया जाता है?", [],
        [("अनुच्छेद 280", "अनुच्छेद 280 राष्ट्रपति से कम से कम हर पाँच वर्ष में आयोग गठित करने को कहता है।"),
         ("अनुच्छेद 270", "अनुच्छेद 270 संघ के करों के लगाने और बँटवारे की बात करता है, सलाह देने वाले की नहीं।"),
         ("अनुच्छेद 275", "अनुच्छेद 275 राज्यों को सहायता अनुदान देता है; आयोग इस पर केवल सलाह देता है।"),
         ("अनुच्छेद 293", "अनुच्छेद 293 राज्यों के उधार लेने से संबंधित है।")]),
    "Consider the following statements about the divisible pool of taxes:": (
        "करों के विभाज्य पूल के बारे में निम्नलिखित कथनों पर विचार कीजिए:",
        [("उपकर और अधिभार अन्य संघीय करों की तरह राज्यों के साथ बाँटे जाते हैं।",
          "ये विभाज्य पूल से बाहर रहते हैं, इसीलिए इनकी बढ़ोतरी राज्यों की चिंता है।"),
         ("पंद्रहवें वित्त आयोग ने राज्यों का हिस्सा 41 प्रतिशत रखा।",
          "नए केंद्रशासित प्रदेशों के कारण उसने पहले के 42 प्रतिशत को समायोजित किया।"),
         ("आयोग स्थानीय निकायों को सशक्त करने के उपायों पर भी सलाह देता है।",
          "इसके विचारार्थ विषयों में पंचायतें और नगरपालिकाएँ भी आती हैं।")],
        [("केवल 1", "कथन 1 गलत है: उपकर और अधिभार बाँटे नहीं जाते।"),
         ("केवल 2 और 3", "कथन 2 और 3 सही हैं; कथन 1 नहीं।"),
         ("केवल 1 और 3", "कथन 1 गलत है।"), ("1, 2 और 3", "कथन 1 गलत है।")]),
    "Consider the following:": (
        "निम्नलिखित पर विचार कीजिए:",
        [("अभिकथन (A): भारत और जापान संयुक्त नौसैनिक अभ्यास करते हैं।", "JIMEX दोनों देशों का द्विपक्षीय नौसैनिक अभ्यास है।"),
         ("कारण (R): भारत और जापान दोनों नाटो के सदस्य हैं।", "दोनों में से कोई भी देश नाटो का सदस्य नहीं है।")],
        [("", "R गलत है।"), ("", "R गलत है।"), ("", "A सही है और R गलत है।"), ("", "A सही है।")]),
}


def _write_in_hindi(question):
    """Fill the Hindi of a demo question that has it (and has none yet)."""
    hindi = DEMO_HINDI.get(question.stem)
    if hindi is None or question.stem_hi:
        return
    question.stem_hi = hindi[0]
    question.save(update_fields=["stem_hi"])
    for statement, (text, note) in zip(question.statements.all(), hindi[1], strict=True):
        statement.text_hi, statement.note_hi = text, note
        statement.save(update_fields=["text_hi", "note_hi"])
    for option, (text, explanation) in zip(question.options.all(), hindi[2], strict=True):
        option.text_hi, option.explanation_hi = text, explanation
        option.save(update_fields=["text_hi", "explanation_hi"])


@transaction.atomic
def load_questions():
    """Create the demo questions that are not there yet (approved, so the articles offer practice)."""
    for position, (slug, shape, stem, statements, options, explains) in enumerate(DEMO_QUESTIONS):
        article = Article.objects.filter(slug=slug, language=Article.Language.ENGLISH).first()
        if article is None:
            continue
        existing = Question.objects.filter(article=article, stem=stem).first()
        if existing is not None:
            _write_in_hindi(existing)
            continue
        question = Question.objects.create(article=article, shape=shape, stem=stem, second_explains_first=explains,
                                           position=position, status=Question.Status.APPROVED)
        Statement.objects.bulk_create([Statement(question=question, position=number, text=text, is_true=flag, note=note)
                                       for number, (text, flag, note) in enumerate(statements, start=1)])
        Option.objects.bulk_create([Option(question=question, position=index, text=text, is_correct=correct,
                                           explanation=explanation)
                                    for index, (text, correct, explanation) in enumerate(options)])
        problems = keys.problems(question.as_key(), approving=True)
        if problems:
            raise ValueError(f"Demo question “{stem}” has a bad key: {problems}")
        _write_in_hindi(question)
    return Question.objects.count()
