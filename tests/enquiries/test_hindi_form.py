"""The "For Enquiry" form under /hi/: labels, the notice, errors and the thank-you page in Hindi, the same
rules and the same lead as the English form."""

import pytest

from enquiries.models import Enquiry

pytestmark = pytest.mark.django_db
URL = "/hi/enquiry/"


def test_the_hindi_form_asks_in_hindi(client, course):
    """Labels, the consent box, the notice's headings and the button are Hindi; the page says lang="hi"."""
    page = client.get(URL).content.decode()

    assert '<html lang="hi">' in page
    for words in ["आपका नाम", "मोबाइल नंबर", "आप किस कोर्स में रुचि रखते हैं", "पसंदीदा माध्यम", "कक्षा",
                  "ऑनलाइन", "हम आपके विवरण का उपयोग कैसे करते हैं", "<strong>हम क्या रखते हैं:</strong>",
                  "पूछताछ भेजें", "आपकी अंतिम पूछताछ के बाद 2 वर्ष तक"]:
        assert words in page, words
    assert "Your name" not in page and "Send enquiry" not in page


@pytest.mark.parametrize("phone, error", [
    ("98765 4321O", "केवल अंक लिखें (“O” अंक नहीं है): 10 अंकों का भारतीय मोबाइल नंबर, जैसे 98765 43210 लिखें।"),
    ("+1 415 555 2671", "केवल भारतीय नंबर स्वीकार किए जाते हैं"),
    ("011 2338 6000", "यह लैंडलाइन नंबर लगता है"),
])
def test_a_wrong_number_is_refused_in_hindi_and_nothing_is_stored(client, form_data, phone, error):
    """Each refusal of the phone rule reads in Hindi on the Hindi form; no lead is written."""
    response = client.post(URL, form_data(phone=phone))

    page = response.content.decode()
    assert response.status_code == 200 and error in page
    assert "कृपया नीचे चिह्नित 1 फ़ील्ड ठीक करें।" in page
    assert not Enquiry.objects.exists()


def test_an_unticked_box_is_asked_for_in_hindi(client, form_data):
    """The consent refusal is Hindi too."""
    page = client.post(URL, form_data(consent=None)).content.decode()

    assert "सहमति के लिए बॉक्स पर टिक करें, ताकि हम आपको वापस कॉल कर सकें।" in page
    assert not Enquiry.objects.exists()


def test_a_hindi_enquiry_is_stored_like_any_other_and_thanked_in_hindi(client, form_data):
    """The same lead as the English form, then the Hindi thank-you page at /hi/enquiry/thanks/."""
    response = client.post(URL, form_data(), follow=True)

    assert Enquiry.objects.get().phone == "+919876543210"
    assert response.redirect_chain[-1][0].startswith("/hi/")
    assert "धन्यवाद — हम आपको वापस कॉल करेंगे" in response.content.decode()


def test_the_english_form_stays_english_for_a_browser_preferring_hindi(client, form_data):
    """Accept-Language never changes the language: /enquiry/ refuses in English."""
    page = client.post("/enquiry/", form_data(phone="98765 4321O"), HTTP_ACCEPT_LANGUAGE="hi").content.decode()

    assert "Use digits only" in page and "केवल अंक" not in page
