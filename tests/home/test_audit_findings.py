"""The audit's findings (issue 12) about the contact form: its CSRF failure page (finding 5) and
its mail with SMTP down (finding 4).

Each test was run once against the unfixed code and failed there (moved from tests/on_demo/).
"""

import pytest

from outbox import sending
from outbox.models import QueuedMessage
from tests.factories import ContactPageFactory, translate_tree

from .test_contact import message

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_pages(home_page):
    """The contact page in English and in Bulgarian, {language code: page}."""
    english = ContactPageFactory(parent=home_page)
    return {"en": english, **translate_tree(english, "bg")}


# --- Finding 5: Django's CSRF page ---------------------------------------------------------------


@pytest.mark.parametrize(("lang", "words"), [("en", "could not be sent"), ("bg", "не можа")])
def test_finding_5_the_csrf_failure_page_is_the_sites_own_and_translated(
    contact_pages, lang, words
):
    from django.test import Client

    client = Client(SERVER_NAME="localhost", enforce_csrf_checks=True)
    path = contact_pages[lang].get_url()
    assert path.startswith(f"/{lang}/")
    response = client.post(path, message())
    text = response.content.decode()
    assert response.status_code == 403
    assert "DEBUG" not in text and "CSRF" not in text
    assert f'<html lang="{lang}"' in text
    assert words in text
    assert "css/site.css" in text  # the site's own chrome and styles
    assert f'href="{path}"' in text  # the way back to the form
    assert "no-store" in response["Cache-Control"]
    from wagtail.contrib.forms.models import FormSubmission

    assert FormSubmission.objects.count() == 0


# --- Finding 4: with a recipient and SMTP down the contact form answered 500, though it stored --


@pytest.fixture
def smtp_down(settings):
    """The SMTP backend pointed at a loopback port where nothing listens."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    return port


@pytest.fixture
def contact_with_recipient(contact_pages):
    page = contact_pages["en"]
    page.to_address = "team@example.org"
    page.from_address = "site@example.org"
    page.save_revision().publish()
    return page


def test_finding_4_contact_form_with_smtp_down_stores_once_and_says_it_will_send(
    client, smtp_down, contact_with_recipient, django_capture_on_commit_callbacks, monkeypatch
):
    import datetime

    from django.core import mail
    from django.test import override_settings
    from django.utils import timezone
    from wagtail.contrib.forms.models import FormSubmission

    # The after-commit send runs here in the request's thread, to see what it would do.
    monkeypatch.setattr(sending, "send_soon", sending.send_due)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact_with_recipient.get_url(), message())
    assert response.status_code == 200
    assert "stored and will be sent" in response.content.decode()
    assert FormSubmission.objects.count() == 1
    queued = QueuedMessage.objects.get()
    assert queued.sent_at is None and queued.attempts == 1
    assert queued.last_error == "ConnectionRefusedError"
    assert queued.next_attempt_at > timezone.now()
    # Cron before the retry is due sends nothing; after it, still down: a longer wait.
    assert sending.send_due() == (0, 0)
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert sending.send_due(now=later) == (0, 1)
    queued.refresh_from_db()
    assert queued.attempts == 2
    assert queued.next_attempt_at - later >= datetime.timedelta(seconds=119)
    # The mail system is back: sent once, and the stored copy of the message emptied.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert sending.send_due(now=later + datetime.timedelta(hours=1)) == (1, 0)
        assert sending.send_due(now=later + datetime.timedelta(days=1)) == (0, 0)
    assert len(mail.outbox) == 1
    assert "When does the collection close?" in mail.outbox[0].body
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.body == ""
    assert FormSubmission.objects.count() == 1


def test_finding_4_no_mail_is_sent_in_the_citizens_request(
    client, contact_with_recipient, monkeypatch
):
    from django.core.mail.backends.locmem import EmailBackend

    def no_sending(*args, **kwargs):
        raise AssertionError("mail sent while the citizen waits")

    monkeypatch.setattr(EmailBackend, "send_messages", no_sending)

    response = client.post(contact_with_recipient.get_url(), message())
    assert response.status_code == 200
