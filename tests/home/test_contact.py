"""The contact form: CAPTCHA-protected, stored, and emailed only when an address is set."""

import os

import pytest
from captcha.models import CaptchaStore
from django.core import mail
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import ContactPageFactory, translate_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


def message(captcha_answer=None, **overrides):
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    return {
        "your_name": "Ana Petrova",
        "your_email_address": "ana@example.org",
        "your_message": "When does the collection close?",
        "captcha_0": key,
        "captcha_1": answer if captcha_answer is None else captcha_answer,
        **overrides,
    }


def test_wrong_captcha_is_refused_and_nothing_is_stored(client, contact_page):
    response = client.post(contact_page.url, message(captcha_answer="wrong"))
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert FormSubmission.objects.count() == 0


def test_submission_is_stored_without_the_captcha_and_not_emailed_by_default(client, contact_page):
    response = client.post(contact_page.url, message())
    assert response.status_code == 200
    assert "Thank you. We have received your message" in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.form_data["your_message"] == "When does the collection close?"
    assert "captcha" not in submission.form_data
    assert mail.outbox == []


def test_submission_is_emailed_when_an_address_is_set(client, contact_page):
    page = translate_tree(contact_page, "bg")["bg"]
    page.to_address = "team@example.org"
    page.from_address = "site@example.org"
    page.save_revision().publish()
    response = client.post(page.get_url(), message())
    assert response.status_code == 200
    assert mail.outbox == []  # queued, sent after the commit or by send_queued_mail
    call_command("send_queued_mail", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["team@example.org"]
