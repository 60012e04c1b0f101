import pytest
from django.core.exceptions import ValidationError

from enquiries.phones import normalise_indian_phone


@pytest.mark.parametrize(
    "typed",
    ["9606900005", "96069 00005", "+91 96069 00005", "+91-96069-00005", "09606900005", "0091 9606900005",
     "(+91) 9606 900 005", "( +91 ) 96069 00005"],
)
def test_indian_mobile_typed_any_usual_way_is_stored_in_e164(typed):
    """Spaces, dashes, brackets and +91 / 0 / 0091 prefixes all give the same E.164 number."""
    assert normalise_indian_phone(typed) == "+919606900005"


MOBILE = "a 10-digit Indian mobile number, e.g. 98765 43210"


@pytest.mark.parametrize(
    "typed, message, code",
    [
        ("+1 415 555 2671", f"Only Indian numbers are accepted: enter {MOBILE}.", "foreign_phone"),
        ("+91 12345 67890", f"This looks like a landline: enter {MOBILE}.", "landline_phone"),
        ("080 4123 4567", f"This looks like a landline: enter {MOBILE}.", "landline_phone"),
        ("12345", f"This number does not exist: enter {MOBILE}.", "invalid_phone"),
        ("call me maybe", f"Use digits only (“c” is not a digit): enter {MOBILE}.", "not_digits"),
        ("+", f"Enter {MOBILE}.", "invalid_phone"),
        ("", f"Enter {MOBILE}.", "invalid_phone"),
        (None, f"Enter {MOBILE}.", "invalid_phone"),
    ],
)
def test_foreign_landline_and_garbage_numbers_are_refused_with_what_is_expected(typed, message, code):
    """A number that is not an Indian mobile is refused with a message saying what to enter, and a code
    that says why."""
    with pytest.raises(ValidationError) as refused:
        normalise_indian_phone(typed)

    assert refused.value.messages == [message]
    assert refused.value.code == code


@pytest.mark.parametrize("typed, message", [
    ("+44 20 7946 0000", "Only Indian numbers are accepted: enter an Indian phone number."),
    ("not a number", "Use digits only (“n” is not a digit): enter an Indian phone number."),
])
def test_a_call_us_number_that_is_not_indian_says_an_indian_phone_number_is_expected(typed, message):
    """For the institute's own numbers the message asks for any Indian phone number, not a mobile."""
    with pytest.raises(ValidationError) as refused:
        normalise_indian_phone(typed, mobile_only=False)

    assert refused.value.messages == [message]


def test_a_mobile_that_libphonenumber_cannot_tell_from_a_landline_is_accepted():
    """Numbers of the "fixed line or mobile" type (e.g. some 76075… series) are accepted as mobiles."""
    import phonenumbers

    number = "+917607512345"
    assert phonenumbers.number_type(phonenumbers.parse(number)) == phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE

    assert normalise_indian_phone("76075 12345") == number


def test_a_landline_may_be_a_call_us_number():
    """The institute's own numbers may be landlines."""
    assert normalise_indian_phone("080 4123 4567", mobile_only=False) == "+918041234567"


@pytest.mark.parametrize("typed, letter", [
    ("96O69 00005", "O"),            # a capital O typed for a zero
    ("9606900OO5", "O"),
    ("l606900005", "l"),             # a lower-case L for a one
    ("9606900005 ext", "e"),
    ("9606-900-005#", "#"),
    ("+91 9606900005*", "*"),
    ("96+06900005", "+"),            # a plus only counts in front
    ("96069X00005", "X"),
])
def test_letters_and_symbols_in_a_number_are_refused_never_read_as_keypad_digits(typed, letter):
    """A letter or symbol that is not a separator is refused by name, instead of being turned into another
    person's number by the phone keypad mapping."""
    with pytest.raises(ValidationError) as refused:
        normalise_indian_phone(typed)

    assert refused.value.code == "not_digits"
    assert refused.value.messages == [f"Use digits only (“{letter}” is not a digit): enter {MOBILE}."]


@pytest.mark.parametrize("typed", [
    "९६०६९ ००००५",                      # Devanagari digits
    "９６０６９００００５",               # full-width digits
    "\u200b9606900005\u200b",            # zero-width spaces from a chat app
    "\u202a+91 96069 00005\u202c",       # direction marks around a pasted number
    "96069\u00a000005",                  # a no-break space
    "96069\u201300005",                  # an en dash
    "\ufeff9606900005",                  # a byte-order mark
])
def test_digits_of_any_script_and_invisible_copy_paste_marks_are_accepted(typed):
    """Unicode digits are read as digits and invisible marks are dropped, so a pasted number is kept."""
    assert normalise_indian_phone(typed) == "+919606900005"
