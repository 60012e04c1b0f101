"""The Hindi twins of three demo articles, written for this project in Hindi (not machine-translated), for
`manage.py load_demo`: each is started with "Translate into Hindi", filled in and published like any
article; the third is left behind a later correction of its English original, to show the drift queue."""

from dataclasses import dataclass

import reversion

from . import twins, workflow
from .models import Article


@dataclass(frozen=True)
class HindiTwin:
    english_slug: str
    title: str
    context: str
    mains_questions: str
    sections: tuple  # (heading, body HTML) in the English order
    behind: bool = False  # the English is corrected after the twin is published


HINDI_TWINS = [
    HindiTwin(
        "japan-india-deeper-defence-partnership",
        "भारत के साथ गहरी रक्षा साझेदारी चाहता है जापान",
        "जापान के प्रधानमंत्री ने स्वतंत्र और खुले हिंद-प्रशांत के लिए भारत को अपरिहार्य साझेदार बताया है, और टोक्यो "
        "अब दोनों देशों के रक्षा संबंधों को अभ्यासों से आगे ले जाकर उपकरणों और प्रौद्योगिकी तक पहुँचाना चाहता है।",
        "भारत और जापान के संबंध आर्थिक से सामरिक बन गए हैं। उनके रक्षा सहयोग के प्रेरक तत्वों और बाधाओं का परीक्षण "
        "कीजिए। (15 अंक)",
        (
            ("भारत-जापान संबंध",
             "<p><strong>आर्थिक संबंध:</strong> 1991 के भुगतान संतुलन संकट में ऋण देने वाले गिने-चुने देशों में जापान "
             "था, तभी से वह भरोसेमंद मित्र माना जाता है।</p><p><strong>विकास सहायता:</strong> दशकों से भारत जापान की "
             "आधिकारिक विकास सहायता का सबसे बड़ा प्राप्तकर्ता है; दिल्ली मेट्रो इसका सबसे जाना-पहचाना उदाहरण है।</p>"),
            ("रक्षा संबंधों में हाल की गतिविधियाँ",
             "<p>भारत विदेश और रक्षा मंत्रियों की 2+2 वार्ता कुछ ही देशों से करता है, और जापान उनमें से एक है। "
             "तीनों सेनाएँ नियमित रूप से साथ अभ्यास करती हैं:</p><ul><li>समुद्र में जिमेक्स और मालाबार;</li>"
             "<li>आकाश में वीर गार्जियन और शिन्यू मैत्री;</li><li>ज़मीन पर धर्म गार्जियन।</li></ul>"),
            ("आगे की राह",
             "<p><strong>डिजिटल साझेदारी:</strong> 5G, समुद्र के नीचे केबल और क्वांटम संचार की संयुक्त परियोजनाएँ दोनों "
             "देशों को भरोसेमंद तकनीक देंगी।</p><p><strong>बहुध्रुवीय एशिया:</strong> रणनीतियों के तालमेल से दोनों "
             "लोकतंत्र हिंद-प्रशांत को खुला और सुरक्षित रख सकते हैं।</p>"),
        ),
    ),
    HindiTwin(
        "sixteenth-finance-commission-fiscal-federalism",
        "सोलहवाँ वित्त आयोग और राजकोषीय संघवाद का भविष्य",
        "केंद्र सरकार ने सोलहवें वित्त आयोग के विचारार्थ विषय अधिसूचित कर दिए हैं; आयोग बताएगा कि कर राजस्व केंद्र "
        "और राज्यों के बीच तथा राज्यों के आपस में कैसे बँटे।",
        "ऊर्ध्वाधर और क्षैतिज हस्तांतरण वित्त आयोग को विपरीत दिशाओं में खींचते हैं। दक्षिणी राज्यों की चिंताओं के "
        "संदर्भ में चर्चा कीजिए। (15 अंक)",
        (
            ("वित्त आयोग के बारे में",
             "<p><strong>संवैधानिक आधार:</strong> अनुच्छेद 280 के अनुसार राष्ट्रपति हर पाँच वर्ष या उससे पहले वित्त "
             "आयोग गठित करते हैं।</p><p><strong>ऊर्ध्वाधर हस्तांतरण:</strong> पंद्रहवें आयोग ने विभाज्य पूल में राज्यों "
             "का हिस्सा 41 प्रतिशत रखा।</p>"),
            ("आयोग के सामने मुद्दे",
             "<p><strong>उपकर और अधिभार:</strong> ये विभाज्य पूल से बाहर रहते हैं, इसलिए राज्यों को 41 प्रतिशत से कम "
             "मिलता है।</p><p><strong>जनसंख्या बनाम प्रदर्शन:</strong> जनसंख्या नियंत्रित करने वाले राज्यों को हिस्सा "
             "घटने का डर है।</p>"),
            ("आगे की राह",
             "<p><strong>उपकरों को पूल में लाना:</strong> उपकरों की सीमा तय करने से सहकारी संघवाद की भावना लौटेगी।</p>"
             "<p><strong>स्थानीय निकायों को सशक्त करना:</strong> पंचायतों और नगरपालिकाओं को प्रदर्शन से जुड़े अनुदान "
             "मिलने चाहिए।</p>"),
        ),
    ),
    HindiTwin(
        "ayushman-bharat-digital-mission-health-records",
        "आयुष्मान भारत डिजिटल मिशन: स्वास्थ्य आँकड़ों की रीढ़",
        "पचास करोड़ से अधिक आयुष्मान भारत स्वास्थ्य खाते बन चुके हैं, और सरकार चाहती है कि देश का हर अस्पताल और "
        "प्रयोगशाला रिकॉर्ड एक ही डिजिटल ढाँचे से साझा करे।",
        "डिजिटल स्वास्थ्य रिकॉर्ड देखभाल की निरंतरता का वादा करते हैं, पर निजता और बहिष्करण के प्रश्न भी उठाते हैं। "
        "समालोचनात्मक विश्लेषण कीजिए। (15 अंक)",
        (
            ("मिशन क्या बना रहा है",
             "<p><strong>स्वास्थ्य खाता (आभा):</strong> चौदह अंकों की पहचान, जो मरीज़ की सहमति से उसके पर्चे और जाँच "
             "रिपोर्ट अलग-अलग अस्पतालों में जोड़ती है।</p><p><strong>रजिस्ट्री:</strong> स्वास्थ्यकर्मियों और "
             "संस्थानों की सत्यापित सूचियाँ।</p>"),
            ("चिंताएँ",
             "<p><strong>निजता:</strong> स्वास्थ्य आँकड़े संवेदनशील हैं; डिजिटल व्यक्तिगत डेटा संरक्षण अधिनियम, 2023 "
             "कड़ाई से लागू होना चाहिए।</p><p><strong>डिजिटल विभाजन:</strong> बिना स्मार्टफ़ोन वाले मरीज़ लौटाए न "
             "जाएँ।</p>"),
            ("आगे की राह",
             "<p><strong>सहायता से पहुँच:</strong> आशा कार्यकर्ता और सामान्य सेवा केंद्र उन लोगों के खाते बना सकते "
             "हैं जो स्वयं नहीं बना पाते।</p>"),
        ),
        behind=True,
    ),
]

# The correction made to the third English original after its twin was published (the demo's drift).
ENGLISH_CORRECTION = ("Incentives: Linking insurance claims and scheme payments to digital records, as the "
                      "National Health Authority proposed, would speed up adoption by private hospitals.")


def load_twins(translator, reviewer):
    """Start, write and publish each demo twin whose English article is there and has none yet."""
    for demo in HINDI_TWINS:
        english = Article.objects.filter(slug=demo.english_slug, language=Article.Language.ENGLISH).first()
        if english is None or Article.objects.filter(english_original=english).exists():
            continue
        twin = twins.translate(english, translator)
        twin.title, twin.context, twin.mains_questions = demo.title, demo.context, demo.mains_questions
        twin.save()
        for section, (heading, body) in zip(twin.sections.all(), demo.sections):
            section.heading, section.body = heading, body
            section.save()
        for move in ("submit", "approve", "publish"):
            workflow.apply(twin, move, translator if move == "submit" else reviewer)
        Article.objects.filter(pk=twin.pk).update(published_at=english.published_at)
        if demo.behind:
            _correct_the_english(english, reviewer)


def _correct_the_english(english, editor):
    way_forward = english.sections.get(heading__iexact="Way Forward")
    way_forward.body = f"<p>{ENGLISH_CORRECTION}</p>" + way_forward.body.split("</p>", 1)[1]
    with reversion.create_revision():
        way_forward.save()
        english.save()
        reversion.set_user(editor)
        reversion.set_comment("Corrected the Way Forward")
