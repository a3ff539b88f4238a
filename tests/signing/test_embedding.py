"""Partners: the signing flow in a partner's frame, the widget, the embed page, partner codes."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from signing.models import Statement
from tests.factories import PartnerFactory

from .helpers import bulgarian, form_url, sign, solve_captcha, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(signing_page):
    return PartnerFactory(
        initiative=signing_page.initiative_page().initiative,
        code="friends-of-air",
        origin="https://partner.example",
    )


def frame_ancestors(response):
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    return next(part for part in directives if part.startswith("frame-ancestors"))


def test_an_embedded_step_may_be_framed_by_the_partners_sites_only(client, signing_page, partner):
    PartnerFactory(initiative=partner.initiative, code="no-site", origin="")
    embedded = client.get(form_url(signing_page, "BG") + "?embed=1")
    assert frame_ancestors(embedded) == "frame-ancestors 'self' https://partner.example"
    assert "X-Frame-Options" not in embedded
    # The same step outside a frame, and every other page, stay unframable.
    for response in (client.get(form_url(signing_page, "BG")), client.get(signing_page.url)):
        assert frame_ancestors(response) == "frame-ancestors 'none'"
        assert response["X-Frame-Options"] == "DENY"


def test_without_partners_an_embedded_step_is_framable_by_the_site_itself_only(
    client, signing_page
):
    embedded = client.get(signing_page.url + "?embed=1")
    assert frame_ancestors(embedded) == "frame-ancestors 'self'"
    assert embedded["X-Frame-Options"] == "SAMEORIGIN"


def test_the_embedded_form_sets_a_partitioned_cross_site_csrf_cookie(signing_page, partner):
    embedded = Client().get(form_url(signing_page, "BG") + "?embed=1")
    cookie = embedded.cookies["csrftoken"].OutputString()
    assert "SameSite=None; Partitioned" in cookie
    assert "Secure" in cookie
    # The site's own cookie is unchanged: same-site only, in the site's own jar.
    own = Client().get(form_url(signing_page, "BG")).cookies["csrftoken"].OutputString()
    assert "SameSite=Lax" in own
    assert "Partitioned" not in own


def test_the_embedded_flow_has_no_site_chrome_and_keeps_the_blank_form_cache_apart(
    client, signing_page, partner
):
    page = client.get(form_url(signing_page, "BG")).content.decode()
    embedded = client.get(form_url(signing_page, "BG") + "?embed=1").content.decode()
    assert 'class="embedded"' in embedded and 'class="embedded"' not in page
    assert 'target="_self"' in embedded
    again = client.get(form_url(signing_page, "BG")).content.decode()
    assert 'class="embedded"' not in again


def test_the_partner_code_is_carried_to_the_form_and_stored(client, signing_page, partner):
    chosen = client.get(
        signing_page.url,
        {"country": "BG", "step": "country", "embed": "1", "partner": "friends-of-air"},
    )
    assert chosen.status_code == 302
    assert chosen["Location"] == form_url(signing_page, "BG") + "?embed=1&partner=friends-of-air"
    url = chosen["Location"]
    page = client.get(url)
    response = client.post(
        url, {"declaration": "on", "privacy": "on", **solve_captcha(page.content.decode()),
              **bulgarian()},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].endswith("/?embed=1#receipt")  # the receipt, still framed
    assert Statement.objects.get().partner == "friends-of-air"
    receipt = client.get(response["Location"])
    assert "frame-ancestors 'self' https://partner.example" in receipt["Content-Security-Policy"]
    assert 'class="embedded"' in receipt.content.decode()
    assert f'action="{step_url(signing_page, "updates")}?embed=1"' in receipt.content.decode()
    # The receipt's page is built once per layout: the site's own receipt keeps its chrome.
    own = client.get(response["Location"].replace("?embed=1", ""))
    assert 'class="embedded"' not in own.content.decode() and own["X-Frame-Options"] == "DENY"


def test_an_unknown_partner_code_is_ignored(client, signing_page, partner):
    url = form_url(signing_page, "BG") + "?partner=somebody-else"
    page = client.get(url)
    response = client.post(
        url, {"declaration": "on", "privacy": "on", **solve_captcha(page.content.decode()),
              **bulgarian()},
    )  # fmt: skip
    assert response.status_code == 302
    assert Statement.objects.get().partner == ""


def test_a_statement_without_a_partner_has_none(client, signing_page, partner):
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    assert Statement.objects.get().partner == ""


def test_the_widget_is_a_public_counts_page_framable_by_the_partners(client, signing_page, partner):
    url = step_url(signing_page, "widget")
    first = client.get(url, HTTP_ORIGIN="https://partner.example")
    second = client.get(url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert "Set-Cookie" not in first and not first.cookies
    # What a shared cache keeps does not depend on who asked.
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert frame_ancestors(first) == "frame-ancestors 'self' https://partner.example"
    body = first.content.decode()
    assert "<progress" in body
    assert f'href="{signing_page.url}"' in body


def test_the_partners_widget_carries_its_code_and_an_unknown_one_is_dropped(
    client, signing_page, partner
):
    widget = client.get(
        signing_page.url + signing_page.reverse_subpage("widget", args=["friends-of-air"])
    )
    assert f'href="{signing_page.url}?partner=friends-of-air"' in widget.content.decode()
    unknown = client.get(signing_page.url + signing_page.reverse_subpage("widget", args=["nobody"]))
    assert unknown.status_code == 302
    assert unknown["Location"] == step_url(signing_page, "widget")


def test_the_embed_page_gives_both_snippets_with_a_link_as_fallback(client, signing_page, partner):
    page = client.get(step_url(signing_page, "embed"), {"partner": "friends-of-air"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "widget/friends-of-air/" in body
    assert (
        "?embed=1&amp;amp;partner=friends-of-air" in body
    )  # escaped once in the snippet, once on the page
    assert "&lt;iframe" in body and "&lt;a href=" in body
    unknown = client.get(step_url(signing_page, "embed"), {"partner": "nobody"}).content.decode()
    assert "This is not a partner code of this initiative." in unknown
    assert "partner=nobody" not in unknown.replace('value="nobody"', "")


def test_the_initiative_page_links_to_the_embed_page(client, signing_page):
    body = client.get(signing_page.initiative_page().url).content.decode()
    assert step_url(signing_page, "embed") in body


def links_of(html):
    """{text: href} of the page's links, as a browser reads them (entities decoded)."""
    soup = BeautifulSoup(html, "html.parser")
    return {link.get_text(" ", strip=True): link["href"] for link in soup.find_all("a")}


def test_choosing_the_nationality_again_in_a_frame_keeps_the_partner_and_the_frame(
    client, signing_page, partner
):
    """Review finding 7: "Choose again" dropped the partner code, so the statement no longer
    counted for the partner; the blank form is built once, so each request fills in its own."""
    for _ in range(2):  # built, then from the cache
        framed = client.get(form_url(signing_page, "BG"), {"embed": "1", "partner": partner.code})
        links = links_of(framed.content.decode())
        again = links["Another nationality? Choose again"]
        assert again == f"{signing_page.url}?embed=1&partner=friends-of-air"
        # The footer's new window is no frame, but the statement still counts for the partner.
        window = links["Open this form in a new window"]
        assert window == form_url(signing_page, "BG") + "?partner=friends-of-air"
    chosen = client.get(again + "&country=BG&step=country")
    assert chosen["Location"] == form_url(signing_page, "BG") + "?embed=1&partner=friends-of-air"
    # The same cached page for a signer without a partner (or another one) carries none.
    plain = links_of(client.get(form_url(signing_page, "BG"), {"embed": "1"}).content.decode())
    assert plain["Another nationality? Choose again"] == f"{signing_page.url}?embed=1"
    alone = links_of(client.get(form_url(signing_page, "BG"), {"partner": "x"}).content.decode())
    assert alone["Another nationality? Choose again"] == signing_page.url


def test_a_form_sent_back_with_errors_in_a_frame_keeps_the_partner_in_its_links(
    client, signing_page, partner
):
    url = form_url(signing_page, "BG") + "?embed=1&partner=friends-of-air"
    sent_back = client.post(url, {"first_names": "Мария"})
    assert sent_back.status_code == 200
    links = links_of(sent_back.content.decode())
    assert links["Another nationality? Choose again"].endswith("?embed=1&partner=friends-of-air")


def test_a_csrf_failure_in_a_partners_frame_is_framed_and_keeps_what_was_typed(
    signing_page, partner
):
    """Review finding 4: Django answers a failed CSRF check before the step's view, and its page
    was unframable (`frame-ancestors 'none'`): the partner's visitor saw an empty frame."""
    client = Client(enforce_csrf_checks=True)
    url = form_url(signing_page, "BG") + "?embed=1&partner=friends-of-air"
    sent = client.post(url, {"declaration": "on", "captcha_0": "x", "captcha_1": "ANSWER",
                             **bulgarian()})  # fmt: skip
    assert sent.status_code == 403
    assert frame_ancestors(sent) == "frame-ancestors 'self' https://partner.example"
    assert "X-Frame-Options" not in sent
    assert "no-store" in sent["Cache-Control"]
    body = sent.content.decode()
    assert 'class="embedded"' in body and "Nothing you sent has been stored." in body
    soup = BeautifulSoup(body, "html.parser")
    assert soup.find("input", {"name": "first_names"})["value"] == "Мария Иванова"
    assert soup.find("input", {"name": "document_number"})["value"] == "7501020018"
    assert soup.find("input", {"name": "declaration"}).has_attr("checked")
    assert not soup.find("input", {"name": "privacy"}).has_attr("checked")
    assert not soup.find("input", {"name": "captcha_1"}).get("value")
    assert links_of(body)["Another nationality? Choose again"].endswith("partner=friends-of-air")
    # A new token, kept by the browser in the partner's jar: sent again, the form goes through.
    assert "Partitioned" in sent.cookies["csrftoken"].OutputString()
    token = soup.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    again = client.post(url, {"csrfmiddlewaretoken": token, "declaration": "on", "privacy": "on",
                              **solve_captcha(body), **bulgarian()})  # fmt: skip
    assert again.status_code == 302
    assert Statement.objects.get().partner == "friends-of-air"


def test_a_csrf_failure_outside_a_frame_stays_unframable_and_keeps_what_was_typed(
    signing_page, partner
):
    client = Client(enforce_csrf_checks=True)
    for url in (form_url(signing_page, "BG"), step_url(signing_page, "updates") + "?embed=0"):
        sent = client.post(url, bulgarian())
        assert sent.status_code == 403
        assert frame_ancestors(sent) == "frame-ancestors 'none'"
        assert sent["X-Frame-Options"] == "DENY"
        body = sent.content.decode()
        assert 'class="embedded"' not in body and "Nothing you sent has been stored." in body
    # The site's own statement form, as the framed one: nothing the signer typed is lost.
    sent = client.post(form_url(signing_page, "BG"), {"declaration": "on", **bulgarian()})
    soup = BeautifulSoup(sent.content.decode(), "html.parser")
    assert soup.find("input", {"name": "first_names"})["value"] == "Мария Иванова"
    assert soup.find("input", {"name": "declaration"}).has_attr("checked")


def test_a_csrf_failure_of_the_framed_opt_in_for_updates_is_framed(signing_page, partner):
    client = Client(enforce_csrf_checks=True)
    url = step_url(signing_page, "updates") + "?embed=1"
    sent = client.post(url, {"email": "quxzol@example.org", "consent": "on"})
    assert sent.status_code == 403
    assert frame_ancestors(sent) == "frame-ancestors 'self' https://partner.example"
    body = sent.content.decode()
    assert 'class="embedded"' in body and "Nothing you sent has been stored." in body
    assert "quxzol@example.org" not in body
    assert links_of(body)["Open the page again"] == url
