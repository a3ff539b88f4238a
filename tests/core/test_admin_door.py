"""The admin's door (core/admin_door.py, outbox/password_reset.py, settings AXES_*): failed logins
throttled per address and per account, a password reset that never waits on SMTP, passwords of
12 characters and more that are not common, a second factor for whoever reaches statements or
publishes, sessions of a working day. These tests log in through the login form, as people do."""

import socket
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from outbox.models import QueuedMessage

pytestmark = pytest.mark.django_db

PASSWORD = "a long and uncommon passphrase"  # noqa: S105
LOCKED = "Too many failed logins"


def account(username="editor", *codenames):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    group = Group.objects.create(name=f"Group of {username}")
    for codename in ("access_admin", *codenames):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def log_in(client, username, password=PASSWORD, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_ten_wrong_passwords_then_the_right_one_is_refused(client):
    account("editor")
    for attempt in range(10):
        response = log_in(client, "editor", f"wrong {attempt}")
        # The tenth failure is answered with the lock already.
        assert response.status_code == (200 if attempt < 9 else 429)
        assert not logged_in(client)
    response = log_in(client, "editor")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not logged_in(client)


def test_the_lock_holds_per_account_and_per_address(client):
    """Ten failures from one address lock that address (for every account) and that account
    (from every address); an account and an address with no failures are unaffected."""
    account("editor")
    account("other")
    for attempt in range(10):
        log_in(client, "editor", f"wrong {attempt}", address="203.0.113.7")
    # The account, from another address.
    assert log_in(client, "editor", address="198.51.100.1").status_code == 429
    # The address, for another account.
    assert log_in(client, "other", address="203.0.113.7").status_code == 429
    # Another account from another address logs in.
    assert log_in(client, "other", address="198.51.100.2").status_code == 302
    assert logged_in(client)


def test_nine_failures_and_the_right_password_log_in_and_start_afresh(client):
    account("editor")
    for attempt in range(9):
        log_in(client, "editor", f"wrong {attempt}")
    assert log_in(client, "editor").status_code == 302
    client.logout()
    for attempt in range(9):
        log_in(client, "editor", f"wrong again {attempt}")
    assert log_in(client, "editor").status_code == 302


@pytest.fixture
def silent_smtp_server():
    """A mail server on 127.0.0.1 that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted = []
    stop = threading.Event()

    def serve():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except TimeoutError:
                continue
            accepted.append(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield {"port": server.getsockname()[1], "accepted": accepted}
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def test_a_password_reset_answers_at_once_with_an_smtp_server_that_never_answers(
    client, settings, silent_smtp_server
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = silent_smtp_server["port"]
    settings.EMAIL_TIMEOUT = 2  # a request that waited on the server would fail after it
    account("editor")
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "editor@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    # Queued in the outbox, to be sent after the request (and by send_queued_mail), not in it.
    message = QueuedMessage.objects.get()
    assert message.to == ["editor@example.org"] and message.sent_at is None
    assert "/admin/password_reset/confirm/" in message.body
    assert silent_smtp_server["accepted"] == []


@pytest.mark.parametrize("password", ["short but o", "internazionale", "migrationschool"])
def test_a_password_has_12_characters_and_is_not_a_common_one(password):
    with pytest.raises(ValidationError):
        validate_password(password)
    validate_password(PASSWORD)


@pytest.mark.parametrize(
    ("codenames", "needs"),
    [
        ((), False),  # an editor who can neither publish nor reach statements
        (("follow_collection",), True),  # an organiser
        (("key_in_paper_statements",), True),
        (("publish_siteidentity",), True),  # publishes a snippet
    ],
)
def test_a_second_factor_for_whoever_reaches_statements_or_publishes(client, codenames, needs):
    account("someone", *codenames)
    assert log_in(client, "someone").status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    if needs:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtail_2fa_device_new"))
    else:
        assert response.status_code == 200


def test_a_superuser_gives_the_code_of_their_device(client):
    user = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert log_in(client, "root").status_code == 302
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("wagtail_2fa_auth"))
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    client.post(reverse("wagtail_2fa_auth"), {"otp_token": f"{token:06d}"})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_admin_session_lasts_a_working_day_and_ends_with_the_browser(client):
    account("editor")
    log_in(client, "editor")
    assert client.session.get_expiry_age() == 8 * 3600
    assert client.session.get_expire_at_browser_close()
