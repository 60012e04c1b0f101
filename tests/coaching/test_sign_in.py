"""Signing in to the admin that holds every student's phone number: lockout, password length, two-factor
sign-in, session limits, and the site's own sign-in and form-expired pages."""

import importlib

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import clear_url_caches
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from coaching.middleware import LAST_SEEN, SIGNED_IN_AT
from tests.factories import staff_user

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "correct horse battery"


def sign_in(client, username, password=PASSWORD, code="", **meta):
    return client.post(LOGIN, {"username": username, "password": password, "otp_token": code, "next": "/admin/"},
                       **meta)


@pytest.fixture
def meera():
    user = staff_user("meera", role="Editor")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def rohan():
    user = staff_user("rohan", role="Counselling manager")
    user.set_password(PASSWORD)
    user.save()
    return user


def current_code(device, steps_ahead=0):
    """The code the person's app shows now (or a later one: each code is accepted once)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead):06d}"


def a_wrong_code(device):
    return next(code for code in ("000000", "111111") if code != current_code(device))


def setting_up(client, user):
    """The person signs in with a password and opens the set-up page, which makes a key for this session."""
    client.force_login(user)
    client.get("/admin/two-factor/")
    return TOTPDevice.objects.get(user=user, pk=client.session["two_factor_pending_device"])


def confirm(client, device, password=PASSWORD, steps_ahead=0):
    return client.post("/admin/two-factor/", {"password": password, "otp_token": current_code(device, steps_ahead)})


def a_confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


# Lockout


def test_five_wrong_passwords_lock_the_username_at_that_address(client, meera):
    """The fifth wrong password locks the account, and then even the right one gets the lockout page (429)."""
    answers = [sign_in(client, "meera", "wrong password!").status_code for _ in range(5)]

    locked = sign_in(client, "meera")

    assert answers == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "Sign-in locked for now" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_username_and_address(client, meera):
    """The locked username still signs in from another address, and others sign in from the locked address."""
    other = staff_user("ravi", role="Writer")
    other.set_password(PASSWORD)
    other.save()
    for _ in range(5):
        sign_in(client, "meera", "wrong password!")

    from_elsewhere = sign_in(Client(), "meera", REMOTE_ADDR="198.51.100.20")
    someone_else = sign_in(Client(), "ravi")

    assert from_elsewhere.status_code == 302
    assert someone_else.status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, meera):
    """Once the cool-off period has passed, the right password works again."""
    from axes.models import AccessAttempt

    for _ in range(5):
        sign_in(client, "meera", "wrong password!")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timezone.timedelta(minutes=16))

    assert sign_in(client, "meera").status_code == 302


def test_behind_the_trusted_proxy_the_lock_follows_the_forwarded_client(client, meera, settings):
    """With nginx as a trusted proxy, each forwarded client has its own count; a spoofed header from
    elsewhere is ignored."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        sign_in(client, "meera", "wrong password!", **attacker)

    attacker_again = sign_in(Client(), "meera", **attacker)
    real_editor = sign_in(Client(), "meera", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")

    assert attacker_again.status_code == 429
    assert real_editor.status_code == 302


def test_passwords_need_twelve_characters():
    """An 11-character password is refused by the validators, 12 characters pass."""
    with pytest.raises(ValidationError) as refused:
        validate_password("Kharif-2024")

    assert "at least 12 characters" in " ".join(refused.value.messages)
    validate_password("Kharif-2024!")


# Two-factor sign-in


def test_when_required_a_manager_must_set_up_two_factor_before_the_admin_opens(client, rohan, settings):
    """A manager signed in with a password alone is sent to the set-up page, which shows a QR code and key."""
    settings.STAFF_2FA = "required"
    client.force_login(rohan)

    held = client.get("/admin/enquiries/enquiry/")
    setup = client.get("/admin/two-factor/")

    assert held.status_code == 302 and held["Location"] == "/admin/two-factor/"
    page = setup.content.decode()
    assert "turn on two-factor sign-in to open the back office" in page and 'name="password"' in page
    assert "<svg" in page and TOTPDevice.objects.get(user=rohan, confirmed=False)


def test_when_required_an_editor_is_not_held_back(client, meera, settings):
    """Roles that cannot export or erase leads may use two-factor sign-in but are not made to."""
    settings.STAFF_2FA = "required"
    client.force_login(meera)

    assert client.get("/admin/").status_code == 200


def test_confirming_a_code_turns_two_factor_on_and_opens_the_admin(client, rohan, settings):
    """The password and the right code confirm the device, show the backup codes and open the admin."""
    settings.STAFF_2FA = "required"
    device = setting_up(client, rohan)

    right = confirm(client, device)

    assert right.status_code == 200 and "shown only this once" in right.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/enquiries/enquiry/").status_code == 200


def test_a_wrong_code_leaves_two_factor_off_and_says_why(client, rohan, settings):
    """A wrong code is refused with a message and the admin stays closed; repeated wrong codes are slowed down."""
    settings.STAFF_2FA = "required"
    device = setting_up(client, rohan)

    wrong = client.post("/admin/two-factor/", {"password": PASSWORD, "otp_token": a_wrong_code(device)})
    hurried = confirm(client, device)

    assert "That code does not match" in wrong.content.decode()
    assert "Too many wrong codes in a row" in hurried.content.decode()
    assert not TOTPDevice.objects.get(user=rohan).confirmed
    assert client.get("/admin/").status_code == 302


def test_with_two_factor_on_the_sign_in_asks_for_the_code(client, rohan):
    """A password alone is refused; password and current code sign in."""
    device = a_confirmed_device(rohan)

    without_code = sign_in(client, "rohan")
    with_code = sign_in(client, "rohan", code=current_code(device))

    assert without_code.status_code == 200
    assert "the current code from your authenticator app" in without_code.content.decode()
    assert with_code.status_code == 302
    assert client.get("/admin/enquiries/enquiry/").status_code == 200


def test_wrong_codes_count_towards_the_lockout(client, rohan):
    """Five wrong codes with the right password lock the account like wrong passwords."""
    device = a_confirmed_device(rohan)
    for _ in range(5):
        sign_in(client, "rohan", code=a_wrong_code(device))

    assert sign_in(client, "rohan", code=current_code(device)).status_code == 429


def test_optional_two_factor_lets_a_manager_in_and_can_be_turned_off(client, meera, settings):
    """In optional mode nobody is held back; someone who turned it on can turn it off with a current code."""
    settings.STAFF_2FA = "optional"
    device = a_confirmed_device(meera)
    sign_in(client, "meera", code=current_code(device))

    page = client.get("/admin/two-factor/").content.decode()
    turned_off = client.post("/admin/two-factor/", {"password": PASSWORD,
                                                    "otp_token": current_code(device, steps_ahead=1)})

    assert "Two-factor sign-in is <strong>on</strong>" in page and "Turn two-factor sign-in off" in page
    assert turned_off.status_code == 302
    assert not TOTPDevice.objects.filter(user=meera).exists()


def test_a_session_without_the_code_is_signed_out_once_a_device_exists(client, meera):
    """A session that never entered a code (say, from before the device was added) must sign in again."""
    client.force_login(meera)
    a_confirmed_device(meera)

    response = client.get("/admin/")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_the_admin_links_to_two_factor_sign_in(client, meera):
    """Every admin page offers the two-factor page beside the password link."""
    client.force_login(meera)

    assert '<a href="/admin/two-factor/">Two-factor sign-in</a>' in client.get("/admin/").content.decode()


# Sessions


def test_an_hour_without_activity_signs_staff_out(client, meera):
    """After more than an hour idle, the next admin request is signed out and sent to sign in."""
    client.force_login(meera)
    client.get("/admin/")
    session = client.session
    session[LAST_SEEN] -= 3601
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_session_lasts_at_most_twelve_hours_even_when_active(client, meera, settings):
    """Twelve hours after signing in the session ends, however recent the last request; the cookie says so too."""
    client.force_login(meera)
    client.get("/admin/")
    session = client.session
    session[SIGNED_IN_AT] -= 12 * 3600 + 1
    session.save()

    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert client.get("/admin/").status_code == 302


def test_an_active_session_carries_on(client, meera):
    """Within the hour the admin stays open."""
    client.force_login(meera)
    client.get("/admin/")
    session = client.session
    session[LAST_SEEN] -= 3000
    session.save()

    assert client.get("/admin/").status_code == 200


# The site's own pages


def test_pages_that_need_signing_in_send_people_to_the_admin_sign_in(client):
    """The two-factor page, like every staff page, redirects to the admin's own sign-in."""
    response = client.get("/admin/two-factor/")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/?next=")


@pytest.mark.django_db
def test_a_form_without_its_security_token_gets_the_sites_own_expired_page():
    """A POST without a valid CSRF token answers 403 with the site's page explaining what to do."""
    response = Client(enforce_csrf_checks=True).post("/enquiry/", {"name": "Aditi"})

    page = response.content.decode()
    assert response.status_code == 403
    assert "This form has expired" in page and "Nothing you typed was saved" in page
    assert 'class="site-header' in page or "<header" in page


def test_the_admin_path_comes_from_the_environment(client, meera, settings):
    """With DJANGO_ADMIN_PATH set, the admin answers there and not at /admin/."""
    import coaching.urls

    settings.ADMIN_PATH = "backoffice-7f3k/"
    try:
        importlib.reload(coaching.urls)
        clear_url_caches()
        client.force_login(meera)
        moved = client.get("/backoffice-7f3k/")
        old = client.get("/admin/")
    finally:
        settings.ADMIN_PATH = "admin/"
        importlib.reload(coaching.urls)
        clear_url_caches()

    assert moved.status_code == 200
    assert old.status_code == 404
