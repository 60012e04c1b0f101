from dataclasses import FrozenInstanceError

import pytest

from enquiries.models import CallUsNumber
from enquiries.phones import call_us_links
from tests.factories import staff_user


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


def test_up_to_three_differing_last_digits_are_joined_and_four_are_not():
    """A number differing in its last three digits from the printed one shows them; in its last four, or in
    its first digit only, it is printed whole."""
    links = call_us_links(numbers("+919606900005", "+919606900123", "+919606901234", "+918606901234"))

    assert [link.text for link in links] == ["+91 9606900005", "123", "+91 9606901234", "+91 8606901234"]


def test_the_same_number_twice_and_numbers_of_other_lengths_are_printed_whole():
    """A number listed twice is not shortened to nothing, and a shorter number is never joined to a longer
    one that begins with it."""
    links = call_us_links(numbers("+919606900005", "+919606900005", "+9196069000"))

    assert [link.text for link in links] == ["+91 9606900005", "+91 9606900005", "+91 96069000"]


def test_a_printed_link_cannot_be_changed():
    """The header's links are cached and shared by every request, so none can be altered in place."""
    link = call_us_links(numbers("+919606900005"))[0]

    with pytest.raises(FrozenInstanceError):
        link.text = "+91 0000000000"


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
