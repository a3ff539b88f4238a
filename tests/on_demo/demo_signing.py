"""Signing the demo initiative, for the suites in this package."""

from ..signing.helpers import solve_captcha

SIGN_URL = "/{lang}/initiatives/clean-air-around-every-school/sign/"


def form_url(country, lang="en"):
    return SIGN_URL.format(lang=lang) + country.lower() + "/"


def sign(client, country, lang="en", **fields):
    url = form_url(country, lang)
    page = client.get(url)
    assert page.status_code == 200
    data = {"declaration": "on", "privacy": "on", **solve_captcha(page.content.decode()), **fields}
    return client.post(url, data)
