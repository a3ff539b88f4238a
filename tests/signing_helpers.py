"""Shared steps for the signing tests: open a form, solve its CAPTCHA, sign, read the key."""

import re
from pathlib import Path

from captcha.models import CaptchaStore
from django.conf import settings
from django.utils.text import slugify

from core.crypto import PrivateKey
from demo.content import DEMO_KEY_PASSPHRASE

SIGN_URL = "/{lang}/initiatives/clean-air-around-every-school/sign/"


def form_url(country, lang="en"):
    return SIGN_URL.format(lang=lang) + country.lower() + "/"


def solve_captcha(html):
    key = re.search(r'name="captcha_0" value="(\w+)"', html).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def sign(client, country, lang="en", **fields):
    url = form_url(country, lang)
    page = client.get(url)
    assert page.status_code == 200
    data = {"declaration": "on", "privacy": "on", **solve_captcha(page.content.decode()), **fields}
    return client.post(url, data)


def bulgarian(**overrides):
    return {
        "first_names": "Мария Иванова",
        "family_names": "Петрова",
        "document_type": "personal.number",
        "document_number": "7501020018",
        **overrides,
    }


def german(**overrides):
    return {"first_names": "Jürgen", "family_names": "Müller", "street": "Hauptstraße",
            "street_number": "12a", "postal_code": "10115", "city": "Berlin",
            "residence_country": "DE", "date_of_birth": "1990-12-31", **overrides}  # fmt: skip


def demo_private_key(initiative):
    path = Path(settings.DEMO_KEY_DIR) / f"{slugify(initiative.registration_number)}.key.json"
    return PrivateKey.from_file_json(path.read_text(encoding="utf-8"), DEMO_KEY_PASSPHRASE)
