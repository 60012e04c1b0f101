import pytest
from django.core.exceptions import ValidationError

from enquiries.models import CallUsNumber, call_us_links
from enquiries.phones import normalise_indian_phone
from tests.factories import staff_user


@pytest.mark.parametrize(
    "typed",
    ["9606900005", "96069 00005", "+91 96069 00005", "+91-96069-00005", "09606900005", "0091 9606900005",
     "(+91) 9606 900 005"],
)
def test_indian_mobile_typed_any_usual_way_is_stored_in_e164(typed):
    """Spaces, dashes, brackets and +91 / 0 / 0091 prefixes all give the same E.164 number."""
    assert normalise_indian_phone(typed) == "+919606900005"


@pytest.mark.parametrize(
    "typed, message",
    [
        ("+1 415 555 2671", "Only Indian numbers are accepted"),
        ("+91 12345 67890", "This looks like a landline"),
        ("080 4123 4567", "This looks like a landline"),
        ("12345", "does not exist"),
        ("call me maybe", "Enter a 10-digit Indian mobile number"),
        ("", "Enter a 10-digit Indian mobile number"),
    ],
)
def test_foreign_landline_and_garbage_numbers_are_refused_with_what_is_expected(typed, message):
    """A number that is not an Indian mobile is refused with a message saying what to enter."""
    with pytest.raises(ValidationError) as refused:
        normalise_indian_phone(typed)

    assert message in refused.value.messages[0]
    assert "10-digit Indian mobile number" in refused.value.messages[0]


def test_a_landline_may_be_a_call_us_number():
    """The institute's own numbers may be landlines."""
    assert normalise_indian_phone("080 4123 4567", mobile_only=False) == "+918041234567"


def numbers(*e164):
    return [CallUsNumber(number=number) for number in e164]


def test_numbers_sharing_all_but_their_last_digits_print_as_one_run():
    """+919606900005 then +919606900004 print as "+91 9606900005 / 04", each with its own tel: target."""
    links = call_us_links(numbers("+919606900005", "+919606900004"))

    assert [(link.tel, link.text, link.continues_previous) for link in links] == [
        ("+919606900005", "+91 9606900005", False),
        ("+919606900004", "04", True),
    ]


def test_unrelated_numbers_print_in_full():
    """Numbers that differ in more than their last three digits are printed whole."""
    links = call_us_links(numbers("+919606900005", "+918041234567", "+918041234568"))

    assert [link.text for link in links] == ["+91 9606900005", "+91 8041234567", "68"]


@pytest.mark.django_db
def test_admin_stores_a_call_us_number_normalised_and_refuses_a_foreign_one(client):
    """A manager types a number the usual way; it is stored in E.164, and a foreign number is refused."""
    client.force_login(staff_user("manager", role="Counselling manager"))

    saved = client.post("/admin/enquiries/callusnumber/add/",
                        {"label": "Desk", "number": "096069 00005", "position": 1, "is_active": "on"})
    refused = client.post("/admin/enquiries/callusnumber/add/",
                          {"label": "US", "number": "+1 415 555 2671", "position": 2, "is_active": "on"})

    assert saved.status_code == 302
    assert list(CallUsNumber.objects.values_list("number", flat=True)) == ["+919606900005"]
    assert refused.status_code == 200
    assert "Only Indian numbers are accepted" in refused.content.decode()
