"""The one place that decides what an Indian phone number is and how it is written."""

import functools
import unicodedata
from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

INDIA = "IN"
INDIA_COUNTRY_CODE = 91
MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
SEPARATORS = set(" \t.-()/")


def _only_digits_and_separators(raw: str, expected: str) -> str:
    """The number with every digit in ASCII and separators as spaces; any other character is refused.

    libphonenumber reads letters as a phone keypad would ("O" becomes 6), which would store somebody
    else's number, so letters never reach it. Digits of any script (Devanagari, full-width) count, and
    invisible marks that copy-paste brings along (zero-width spaces, direction marks) are dropped.
    """
    kept = []
    for character in raw.strip():
        category = unicodedata.category(character)
        if character.isdecimal():
            kept.append(str(unicodedata.decimal(character)))
        elif category == "Cf":
            continue
        elif character in SEPARATORS or category in ("Zs", "Pd"):
            kept.append(" ")
        elif character == "+" and all(part == " " for part in kept):  # a plus only counts in front
            kept.append(character)
        else:
            raise ValidationError(
                _("Use digits only (“%(character)s” is not a digit): enter %(expected)s.")
                % {"character": character, "expected": expected}, code="not_digits"
            )
    return "".join(kept)


# The form, the rate limit and the service each ask about the same number. (Its size changes only speed.)
@functools.lru_cache(maxsize=4096)  # pragma: no mutate
def normalise_indian_phone(raw: str, *, mobile_only: bool = True) -> str:
    """Return the number in E.164 (+919876543210), or raise ValidationError saying what is expected.

    libphonenumber calls many Indian landlines "valid" and happily parses foreign numbers, so the
    country code and, for mobiles, the number type are checked explicitly.
    """
    expected = _("a 10-digit Indian mobile number, e.g. 98765 43210") if mobile_only else _("an Indian phone number")
    digits = _only_digits_and_separators(raw or "", expected)
    try:
        number = phonenumbers.parse(digits, INDIA)  # pragma: no mutate (any non-number fails alike)
    except phonenumbers.NumberParseException:
        raise ValidationError(_("Enter %(expected)s.") % {"expected": expected}, code="invalid_phone") from None
    if number.country_code != INDIA_COUNTRY_CODE:
        raise ValidationError(_("Only Indian numbers are accepted: enter %(expected)s.") % {"expected": expected},
                              code="foreign_phone")
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This number does not exist: enter %(expected)s.") % {"expected": expected},
                              code="invalid_phone")
    if mobile_only and phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise ValidationError(_("This looks like a landline: enter %(expected)s.") % {"expected": expected},
                              code="landline_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_digits(e164: str) -> str:
    """The digits after +91, as Indians print a number next to the country code."""
    return e164.removeprefix("+91")


@dataclass(frozen=True)
class PhoneLink:
    """A number as it is printed in the header: its tel: target and the text shown. Frozen: the header's
    links are cached and shared by every page and request (and kept for the outage page)."""

    tel: str
    text: str
    continues_previous: bool


# Numbers that share all but at most this many trailing digits print as "+91 9606900005 / 04".
SHARED_TAIL_MAX = 3
SHORT_TAIL = 2


def call_us_links(numbers):
    """Print a run of numbers (anything with `.number` in E.164) the way the institute writes them:
    "+91 9606900005 / 04".

    A number that differs from the previous printed one only in its last few digits shows just those
    digits (at least two), yet keeps its own full tel: link.
    """
    links = []
    previous = ""  # pragma: no mutate (nothing before the first number: any text of another length reads the same)
    for number in numbers:
        digits = national_digits(number.number)
        tail = _differing_tail(previous, digits)
        if tail is not None:
            links.append(PhoneLink(number.number, digits[-max(tail, SHORT_TAIL):], True))
        else:
            links.append(PhoneLink(number.number, f"+91 {digits}", False))
            previous = digits
    return links


def _differing_tail(first, other):
    """In how many of its last digits `other` differs from `first`, when those are all it differs in and
    there are at most SHARED_TAIL_MAX of them; else None (a number of another length, the same number, or
    one that differs earlier)."""
    if len(first) != len(other):
        return None
    shared = next((index for index, (mine, theirs) in enumerate(zip(first, other)) if mine != theirs), len(other))
    tail = len(other) - shared
    return tail if 0 < tail <= SHARED_TAIL_MAX else None
