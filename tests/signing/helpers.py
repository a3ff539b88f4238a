"""Signing through the site, as a citizen does: open a country's form, solve its CAPTCHA, sign.

Every address comes from the signing page (`page.url` + `reverse_subpage()`), never a literal.
"""

import csv
import re
from pathlib import Path
from urllib.parse import urlsplit

from captcha.models import CaptchaStore

from signing import updates_token

CASES = Path(__file__).parent / "cases"


def cases(name):
    """The rows of cases/<name>.csv (test vectors kept as data, with a column saying why), as
    dicts; each row's values joined make its test id."""
    with (CASES / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def case_id(row):
    return "-".join(value for value in row.values() if value)[:60]


def step_url(signing_page, route, **kwargs):
    return signing_page.url + signing_page.reverse_subpage(route, kwargs=kwargs or None)


def form_url(signing_page, country):
    return step_url(signing_page, "statement_form", country=country.lower())


def receipt_url(signing_page, identifier):
    return step_url(signing_page, "receipt", identifier=str(identifier))


def lookup_url(signing_page):
    return step_url(signing_page, "lookup")


def solve_captcha(html):
    key = re.search(r'name="captcha_0" value="(\w+)"', html).group(1)
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def sign(client, signing_page, country, **fields):
    url = form_url(signing_page, country)
    page = client.get(url)
    assert page.status_code == 200
    data = {"declaration": "on", "privacy": "on", **solve_captcha(page.content.decode()), **fields}
    return client.post(url, data)


def opt_in(client, signing_page, address):
    """Ask for updates as a signer does, with the single-use token a signature gives."""
    initiative_id = signing_page.initiative().pk
    token = updates_token.new_token(initiative_id)
    client.cookies[updates_token.cookie_name(initiative_id)] = token
    return client.post(step_url(signing_page, "updates"), {"email": address, "consent": "on"})


def identifier_of(response):
    """The statement's identifier, from the redirect to its receipt."""
    return urlsplit(response["Location"]).path.rstrip("/").rsplit("/", 1)[-1]


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
            "residence_country": "DE", "date_of_birth": "31/12/1990", **overrides}  # fmt: skip
