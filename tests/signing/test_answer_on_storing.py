"""The signing form's CAPTCHA answer, checked by the statement that stores the signature.

A valid form leaves its challenge to that statement (one round trip and one commit for a
signature, not two); every outcome still uses the challenge up, so that a solved picture is
never good for a second try, nor for asking whether someone has signed.
"""

import datetime

import pytest
from captcha.models import CaptchaStore
from django.db import connection
from django.utils import timezone

from signing.models import Statement

from .helpers import bulgarian, form_url, sign, solve_captcha

pytestmark = pytest.mark.django_db

WRONG_ANSWER = "The characters do not match the picture."
ALREADY_SIGNED = "You have already supported this initiative"


def a_form(client, signing_page):
    """The data of a signature on a freshly fetched form, with its challenge solved."""
    page = client.get(form_url(signing_page, "BG")).content.decode()
    return {"declaration": "on", "privacy": "on", **solve_captcha(page), **bulgarian()}


def post(client, signing_page, data):
    return client.post(form_url(signing_page, "BG"), data)


def test_a_wrong_answer_stores_nothing_and_uses_up_the_challenge(client, signing_page):
    data = a_form(client, signing_page)
    right = data["captcha_1"]
    response = post(client, signing_page, {**data, "captcha_1": "wrong"})
    assert response.status_code == 200
    content = response.content.decode()
    assert WRONG_ANSWER in content
    assert "Петрова" in content  # what was typed comes back
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()
    assert WRONG_ANSWER in post(client, signing_page, {**data, "captcha_1": right}).content.decode()
    assert Statement.objects.count() == 0


def test_a_right_answer_on_a_form_with_a_mistake_is_used_up(client, signing_page):
    data = a_form(client, signing_page)
    response = post(client, signing_page, {**data, "document_number": "7501020019"})
    assert "This number is not valid" in response.content.decode()
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()
    assert WRONG_ANSWER in post(client, signing_page, data).content.decode()
    assert Statement.objects.count() == 0


def test_a_repeated_signature_uses_up_its_challenge(client, signing_page):
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    data = a_form(client, signing_page)
    assert ALREADY_SIGNED in post(client, signing_page, data).content.decode()
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()
    assert Statement.objects.count() == 1


def test_a_wrong_answer_does_not_tell_whether_someone_has_signed(client, signing_page):
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    data = a_form(client, signing_page)
    content = post(client, signing_page, {**data, "captcha_1": "wrong"}).content.decode()
    assert WRONG_ANSWER in content
    assert ALREADY_SIGNED not in content


@pytest.mark.postgres
def test_on_postgresql_one_prepared_statement_takes_the_challenge_and_stores(client, signing_page):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (make test-postgres)")
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any(
        'DELETE FROM "captcha_captchastore"' in text and 'INSERT INTO "signing_statement"' in text
        for text in prepared
    )


def test_a_wrong_answer_after_a_change_the_cache_missed_is_not_tried_again(client, signing_page):
    """The signing state changed behind the cache: a right answer is stored on the second try
    (test_flow), a wrong one is refused at once, with nothing stored."""
    from initiatives.models import Initiative

    data = a_form(client, signing_page)
    Initiative.objects.filter(pk=signing_page.initiative().pk).update(
        registration_number="TEST(2026)999999"
    )
    response = post(client, signing_page, {**data, "captcha_1": "wrong"})
    assert WRONG_ANSWER in response.content.decode()
    assert Statement.objects.count() == 0


EXPIRED = "The picture expired: it is valid for 10 minutes."


def expire(key):
    CaptchaStore.objects.filter(hashkey=key).update(
        expiration=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_an_expired_picture_typed_right_says_it_expired(client, signing_page):
    """After CAPTCHA_TIMEOUT the right characters are refused as expired, not as a mismatch,
    by the storing statement (a valid form) and by the form itself (a form with a mistake)."""
    data = a_form(client, signing_page)
    expire(data["captcha_0"])
    content = post(client, signing_page, data).content.decode()
    assert EXPIRED in content and WRONG_ANSWER not in content
    assert Statement.objects.count() == 0
    data = a_form(client, signing_page)
    expire(data["captcha_0"])
    content = post(client, signing_page, {**data, "family_names": ""}).content.decode()
    assert EXPIRED in content and WRONG_ANSWER not in content
