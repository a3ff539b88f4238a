"""Templates of the signing steps: the outcomes (already signed, rate limited, closed) and the
lookup link, on the factories' signing tree (moved from tests/on_demo/test_templates.py)."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import signing_tree

from .helpers import bulgarian, form_url, sign

pytestmark = pytest.mark.django_db

ALREADY_SIGNED = "A statement of support with these details has already been received"
RATE_LIMITED = "Too many statements have been sent from your connection"
CLOSED = "The collection of statements of support is closed."


def h1(html):
    return re.search(r"<h1>\s*(.*?)\s*</h1>", html, re.S).group(1)


def template_names(response):
    return [template.name for template in response.templates]


def test_already_signed_is_the_outcome_template_with_its_own_text(client, signing_page):
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    response = sign(client, signing_page, "BG", **bulgarian())
    html = response.content.decode()
    assert response.status_code == 200
    assert "signing/outcome.html" in template_names(response)
    assert h1(html) == "You have already supported this initiative"
    assert re.search(r"<title>\s*You have already supported this initiative", html)
    assert ALREADY_SIGNED in html and RATE_LIMITED not in html and CLOSED not in html


def test_rate_limited_is_the_outcome_template_with_429(client, signing_page, settings):
    settings.SIGNING_RATE_LIMIT = "1/60"
    cache.clear()
    client.post(form_url(signing_page, "BG"), {})
    response = client.post(form_url(signing_page, "BG"), {})
    html = response.content.decode()
    assert response.status_code == 429
    assert "signing/outcome.html" in template_names(response)
    assert h1(html) == "Too many attempts"
    assert RATE_LIMITED in html and ALREADY_SIGNED not in html and CLOSED not in html


@pytest.mark.parametrize("country", [None, "bg"])
def test_not_collecting_is_the_outcome_template(client, country):
    closed = signing_tree(closed=True)
    url = closed.url if country is None else form_url(closed, country)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "signing/outcome.html" in template_names(response)
    assert h1(html) == "Support this initiative"
    assert CLOSED in html and ALREADY_SIGNED not in html and RATE_LIMITED not in html


@pytest.mark.parametrize("lang", ["en", "sk"])  # sk: an interface-only language
def test_the_lookup_link_is_the_signing_pages_route(client, signing_page, lang):
    with translation.override(lang):  # interface-only languages keep their prefix
        url = signing_page.url
        assert url.startswith(f"/{lang}/")
        html = client.get(url).content.decode()
        lookup = url + signing_page.reverse_subpage("lookup")
        assert f'href="{lookup}"' in html
        assert client.get(lookup).status_code == 200


def current_step(html):
    """The step the steps indicator marks as current, or None without an indicator."""
    steps = re.search(r'<ol class="signing-steps".*?</ol>', html, re.S)
    if steps is None:
        return None
    (current,) = re.findall(r'<li aria-current="step">(.*?)</li>', steps.group(0))
    return current


def test_the_three_steps_of_signing_mark_where_the_signer_is(client, signing_page):
    assert current_step(client.get(signing_page.url).content.decode()) == "Nationality"
    form = form_url(signing_page, "BG")
    assert current_step(client.get(form).content.decode()) == "Your details"
    assert current_step(client.post(form, {}).content.decode()) == "Your details"  # its errors
    signed = sign(client, signing_page, "BG", **bulgarian())
    receipt = client.get(signed["Location"].split("#")[0]).content.decode()
    assert current_step(receipt) == "Receipt"
    # An outcome and the receipt lookup are not steps.
    assert current_step(sign(client, signing_page, "BG", **bulgarian()).content.decode()) is None
    lookup = signing_page.url + signing_page.reverse_subpage("lookup")
    assert current_step(client.get(lookup).content.decode()) is None
