import pytest
from django.core.exceptions import ValidationError

from enquiries.phones import normalise_indian_phone


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
