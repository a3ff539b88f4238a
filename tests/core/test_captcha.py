"""The single-use CAPTCHA check."""

import datetime
import itertools

import pytest
from captcha.models import CaptchaStore
from django import forms
from django.urls import reverse
from django.utils import timezone

from core.captcha import SingleUseCaptchaField, new_challenge, noise_dots

WHITE = (255, 255, 255)

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


def test_a_new_challenge_is_the_librarys_and_passes_once():
    """new_challenge stores what CaptchaStore.generate_key stores (a challenge, its answer in
    lower case, an expiry CAPTCHA_TIMEOUT ahead), under an unguessable key the form reads."""
    key = new_challenge()
    store = CaptchaStore.objects.get(hashkey=key)
    assert len(key) == 40 and int(key, 16) >= 0
    assert store.response == store.challenge.lower() and len(store.response) == 5
    ahead = store.expiration - timezone.now()
    assert datetime.timedelta(minutes=9) < ahead <= datetime.timedelta(minutes=10)
    assert len({new_challenge() for _ in range(50)}) == 50
    assert CaptchaForm({"captcha_0": key, "captcha_1": store.response}).is_valid()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": store.response}).is_valid()


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


def test_an_expired_challenge_says_so_where_the_field_has_a_message_for_it():
    class SigningLikeForm(forms.Form):
        captcha = SingleUseCaptchaField(error_messages={"expired": "Expired."})

    key, answer = challenge()
    CaptchaStore.objects.filter(hashkey=key).update(
        expiration=timezone.now() - datetime.timedelta(seconds=1)
    )
    form = SigningLikeForm({"captcha_0": key, "captcha_1": answer})
    assert form.errors["captcha"] == ["Expired."]
    assert not CaptchaStore.objects.filter(hashkey=key).exists()


def test_the_pictures_dots_are_as_dense_as_the_librarys():
    """About one pixel in ten, as captcha.helpers.noise_dots draws them (896 dots on 160 × 56),
    in the foreground colour, spread over the whole picture."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (160, 56), "#ffffff")
    noise_dots(ImageDraw.Draw(image), image)
    dots = [xy for xy in itertools.product(range(160), range(56)) if image.getpixel(xy) != WHITE]
    assert 700 < len(dots) < 1100
    assert {x // 40 for x, _y in dots} == {0, 1, 2, 3}
    assert {y // 14 for _x, y in dots} == {0, 1, 2, 3}


def test_the_picture_is_served(client):
    key, _answer = challenge()
    response = client.get(reverse("captcha-image", args=[key]))
    assert response.status_code == 200
    assert response.content.startswith(b"\x89PNG")


def test_the_picture_is_the_librarys_pixel_for_pixel(client):
    """core.captcha_picture draws what captcha.views draws for the same key: same letters,
    angles, centring and noise, at both scales (the 2x picture's letters overflow it)."""
    import io
    import random

    from captcha.views import _captcha_image
    from PIL import Image, ImageChops

    def pixels(png):
        return Image.open(io.BytesIO(png)).convert("RGB")

    for number in range(20):
        key, _answer = challenge()
        store = CaptchaStore.objects.get(hashkey=key)
        store.challenge = ("WMWMW", "IJIJI", store.challenge)[number % 3]
        store.save()
        for scale, name in ((1, "captcha-image"), (2, "captcha-image-2x")):
            random.seed(key)
            expected = pixels(_captcha_image(store, scale).content)
            random.seed()
            served = pixels(client.get(reverse(name, args=[key])).content)
            assert served.size == expected.size
            assert ImageChops.difference(served, expected).getbbox() is None


def test_an_unknown_challenge_has_no_picture(client):
    assert client.get(reverse("captcha-image", args=["0" * 40])).status_code == 410
