"""The single-use CAPTCHA check."""

import datetime

import pytest
from captcha.models import CaptchaStore
from django import forms
from django.utils import timezone

from core.captcha import SingleUseCaptchaField

pytestmark = pytest.mark.django_db


class CaptchaForm(forms.Form):
    captcha = SingleUseCaptchaField()


def challenge():
    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def test_a_challenge_passes_once():
    key, answer = challenge()
    assert CaptchaForm({"captcha_0": key, "captcha_1": answer.upper()}).is_valid()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": answer}).is_valid()


def test_a_wrong_answer_uses_up_the_challenge():
    key, answer = challenge()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": "wrong"}).is_valid()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": answer}).is_valid()


def test_an_expired_challenge_fails():
    key, answer = challenge()
    CaptchaStore.objects.filter(hashkey=key).update(
        expiration=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert not CaptchaForm({"captcha_0": key, "captcha_1": answer}).is_valid()
