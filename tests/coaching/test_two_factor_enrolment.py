"""Turning two-factor sign-in on cannot be taken over by someone who once had the password; the person hears of
every change; backup codes stand in for a lost phone; an administrator can reset it; and the sign-in's
answers tell an attacker nothing about which part was wrong."""

import pytest
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.coaching.test_sign_in import (PASSWORD, a_confirmed_device, a_wrong_code, confirm, current_code,
                                         setting_up, sign_in)
from tests.conftest import sent_mail
from tests.factories import staff_user

pytestmark = pytest.mark.django_db
SETUP = "/admin/two-factor/"


@pytest.fixture
def rohan():
    user = staff_user("rohan", role="Counselling manager", email="rohan@pragati-ias.in")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def mailbox():
    """What the mail worker delivers from one call to the next."""

    def delivered_since_last_look():
        delivered = list(sent_mail())
        mail.outbox.clear()
        return delivered

    return delivered_since_last_look


def secret_shown(page):
    return page.split('class="two-factor__key">')[1].split("<")[0]


def test_every_visit_to_the_set_up_page_shows_a_new_key(client, rohan):
    """Opening the set-up page twice shows two different keys, and only the newest one is kept."""
    client.force_login(rohan)

    first = secret_shown(client.get(SETUP).content.decode())
    second = secret_shown(client.get(SETUP).content.decode())

    assert first != second
    assert TOTPDevice.objects.filter(user=rohan).count() == 1


def test_a_key_seen_by_another_session_never_becomes_the_second_factor(rohan):
    """Someone with the password opens the set-up page first; the manager then enrols in their own session:
    the manager's key is a new one, and the intruder's key neither signs in nor confirms anything."""
    intruder, manager = Client(), Client()
    intruders_key = setting_up(intruder, rohan)
    managers_key = setting_up(manager, rohan)

    enrolled = confirm(manager, managers_key)
    taken = confirm(intruder, intruders_key)

    assert enrolled.status_code == 200 and "shown only this once" in enrolled.content.decode()
    assert "Two-factor sign-in is <strong>on</strong>" in taken.content.decode()
    device = TOTPDevice.objects.get(user=rohan)
    assert device.confirmed and device.key == managers_key.key != intruders_key.key
    assert sign_in(Client(), "rohan", code=current_code(intruders_key, steps_ahead=1)).status_code == 200


def test_a_key_replaced_by_a_later_visit_cannot_be_confirmed(rohan):
    """A set-up page opened elsewhere since makes this session's key useless; the page says so and shows a
    new key."""
    first, second = Client(), Client()
    old_key = setting_up(first, rohan)
    setting_up(second, rohan)

    refused = confirm(first, old_key)

    assert "That key was replaced" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=rohan, confirmed=True).exists()


def test_turning_two_factor_on_asks_for_the_password_again(client, rohan, mailbox):
    """A session that does not know the password (a borrowed, still signed-in computer) cannot enrol."""
    device = setting_up(client, rohan)

    refused = confirm(client, device, password="not my password!")

    assert "That is not your password." in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=rohan, confirmed=True).exists()
    assert mailbox() == []


def test_the_person_is_mailed_when_two_factor_is_turned_on_and_off(client, rohan, settings, mailbox):
    """Turning it on and then off each send the person a mail that says what changed and what to do if it
    was not them."""
    settings.STAFF_2FA = "optional"
    device = setting_up(client, rohan)
    confirm(client, device)
    client.post(SETUP, {"password": PASSWORD, "otp_token": current_code(device, steps_ahead=1)})

    sent = mailbox()
    assert [message.subject for message in sent] == ["Two-factor sign-in was turned on for your account",
                                                      "Two-factor sign-in was turned off for your account"]
    assert all(message.to == ["rohan@pragati-ias.in"] for message in sent)
    assert "If you did not do this, tell an administrator" in sent[0].body
    assert not TOTPDevice.objects.filter(user=rohan).exists()


def test_backup_codes_are_shown_once_and_each_signs_in_once(client, rohan):
    """Ten backup codes are shown at enrolment and never again; one signs in in place of the app's code, once."""
    device = setting_up(client, rohan)
    page = confirm(client, device).content.decode()
    codes = [token.token for token in StaticToken.objects.filter(device__user=rohan)]

    assert len(codes) == 10 and all(f"<code>{code}</code>" in page for code in codes)
    assert not any(code in client.get(SETUP).content.decode() for code in codes)
    assert "10 unused backup codes" in client.get(SETUP).content.decode()
    assert sign_in(Client(), "rohan", code=codes[0]).status_code == 302
    assert sign_in(Client(), "rohan", code=codes[0]).status_code == 200
    assert StaticToken.objects.filter(device__user=rohan).count() == 9


def test_an_administrator_resets_a_lost_phone_and_the_person_is_told(client, rohan, mailbox):
    """The user list's reset action removes the authenticator and backup codes; the person signs in with the
    password alone and is mailed about it."""
    managers_session = Client()
    confirm(managers_session, setting_up(managers_session, rohan))
    admin = staff_user("admin", is_superuser=True)
    client.force_login(admin)
    mailbox()

    response = client.post("/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [rohan.pk]},
                           follow=True)

    assert "Two-factor sign-in reset for 1 account(s)" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=rohan).exists()
    assert not StaticToken.objects.filter(device__user=rohan).exists()
    assert [message.subject for message in mailbox()] == [
        "Two-factor sign-in was reset by an administrator for your account"]
    assert sign_in(Client(), "rohan").status_code == 302


def test_counsellors_must_set_up_two_factor_when_it_is_required(client, settings):
    """Everyone who can see leads is held at the set-up page, counsellors too."""
    settings.STAFF_2FA = "required"
    client.force_login(staff_user("anita", role="Counsellor"))

    held = client.get("/admin/enquiries/enquiry/")

    assert held.status_code == 302 and held["Location"] == SETUP


def test_a_wrong_password_and_a_wrong_code_get_the_same_answer(rohan):
    """The answer to a right password with a missing or wrong code is word for word the one to a wrong
    password, so it does not tell an attacker that the password was right."""
    device = a_confirmed_device(rohan)

    def error_of(response):
        return response.content.decode().split('<p class="errornote">')[1].split("</p>")[0]

    wrong_password = error_of(sign_in(Client(), "rohan", "wrong password!", code=current_code(device)))
    missing_code = error_of(sign_in(Client(), "rohan"))
    wrong_code = error_of(sign_in(Client(), "rohan", code=a_wrong_code(device)))

    assert wrong_password == missing_code == wrong_code


# Lockout


def test_guesses_spread_over_many_addresses_lock_the_account(rohan, settings):
    """Four wrong passwords from each of five addresses lock the account everywhere, even from a new address
    with the right password."""
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 20
    for address in range(5):
        answers = [sign_in(Client(), "rohan", "wrong password!", REMOTE_ADDR=f"203.0.113.{address}").status_code
                   for _ in range(4)]
        assert 429 not in answers[:3]

    from_the_office = sign_in(Client(), "rohan", REMOTE_ADDR="198.51.100.7")

    assert from_the_office.status_code == 429
    assert "Sign-in locked for now" in from_the_office.content.decode()


def test_the_lockout_page_says_how_long_in_words_and_links_back(client, rohan):
    """The lock is said as "15 minutes" (not PT15M) and the page links back to the sign-in."""
    for _ in range(5):
        locked = sign_in(client, "rohan", "wrong password!")

    page = locked.content.decode()
    assert locked.status_code == 429
    assert "Wait 15\xa0minutes" in page or "Wait 15 minutes" in page
    assert "PT15M" not in page and 'href="/admin/login/"' in page


def test_the_sign_in_warns_before_the_last_attempt(client, rohan):
    """The fourth wrong password's answer warns that one more locks the account; earlier ones do not."""
    answers = [sign_in(client, "rohan", "wrong password!").content.decode() for _ in range(4)]

    warning = "One more wrong attempt locks sign-in to this account for 15"
    assert [warning in page for page in answers] == [False, False, False, True]
