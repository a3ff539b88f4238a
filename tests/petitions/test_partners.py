"""A petition's partners: their links and frames carry their code to the signature, which counts
for them once confirmed; only their sites may frame the signing steps."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client

from outbox.sending import send_due
from petitions import figures
from petitions.models import Signature
from tests.factories.petitions import PetitionPartnerFactory
from tests.signing.helpers import solve_captcha

from .test_journey import follow, links, sign

EMBEDDED = "?embed=1&partner=friends-of-air"


@pytest.fixture
def partner(petition_page):
    return PetitionPartnerFactory(
        petition=petition_page.petition,
        name="Friends of the Air",
        code="friends-of-air",
        origin="https://partner.example",
    )


def sign_url(page, query=""):
    return page.url + page.reverse_subpage("sign") + query


def frame_ancestors(response):
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    return next(part for part in directives if part.startswith("frame-ancestors"))


def sign_through(client, page, query, **fields):
    """Sign through the form at `sign/<query>`, as a partner's frame or link shows it."""
    form = client.get(sign_url(page, query))
    return form, client.post(
        sign_url(page, query),
        {"given_names": "Ilinka", "family_names": "Dragomirova", "country": "BG",
         "email": "ilinka@example.org", "privacy": "on", **solve_captcha(form.content.decode()),
         **fields},
    )  # fmt: skip


def counts(client, page):
    cache.clear()
    return client.get(page.url + page.reverse_subpage("counts_json")).json()


def test_a_signature_in_a_partners_frame_counts_for_the_partner_once_confirmed(
    client, inbox, petition_page, partner
):
    PetitionPartnerFactory(petition=partner.petition, name="Quiet partner", code="quiet")
    form, sent = sign_through(client, petition_page, EMBEDDED)
    assert 'class="embedded"' in form.content.decode()
    assert sent.status_code == 302 and sent["Location"].endswith("/sent/" + EMBEDDED)
    assert Signature.objects.get().partner == "friends-of-air"
    before = counts(client, petition_page)["partners"]
    assert [row["signatures"] for row in before] == [0, 0]  # not yet confirmed
    send_due()
    # The mailed link opens in a window of its own, without the frame's parameters, and works.
    tokens = links(inbox()[-1].body)
    _asked, done = follow(client, petition_page, "confirm", tokens["confirm"])
    assert done.status_code == 200 and 'class="embedded"' not in done.content.decode()
    assert counts(client, petition_page)["partners"] == [
        {"code": "friends-of-air", "name": "Friends of the Air", "signatures": 1},
        {"code": "quiet", "name": "Quiet partner", "signatures": 0},
    ]


def test_a_partners_link_to_the_page_leads_on_to_the_form_with_its_code(
    client, petition_page, partner
):
    page = client.get(petition_page.url + "?partner=friends-of-air").content.decode()
    button = BeautifulSoup(page, "html.parser").find("a", string="Sign this petition")
    assert button["href"] == sign_url(petition_page, "?partner=friends-of-air")
    form, _sent = sign_through(client, petition_page, "?partner=friends-of-air")
    assert f'href="{petition_page.url}?partner=friends-of-air"' in form.content.decode()
    assert Signature.objects.get().partner == "friends-of-air"


def test_a_code_that_is_not_the_petitions_partner_is_ignored(client, petition_page, partner):
    other = PetitionPartnerFactory(code="someone-elses")  # a partner of another petition
    form, sent = sign_through(client, petition_page, f"?embed=1&partner={other.code}")
    assert sent["Location"].endswith("/sent/?embed=1")
    assert Signature.objects.get().partner == ""
    assert "someone-elses" not in form.content.decode()
    assert [row["code"] for row in counts(client, petition_page)["partners"]] == ["friends-of-air"]


def test_only_the_partners_sites_may_frame_the_signing_steps(client, petition_page, partner):
    PetitionPartnerFactory(code="elsewhere", origin="https://not-a-partner.example")
    PetitionPartnerFactory(petition=partner.petition, code="no-site", origin="")
    embedded = client.get(sign_url(petition_page, "?embed=1"))
    assert frame_ancestors(embedded) == "frame-ancestors 'self' https://partner.example"
    assert "X-Frame-Options" not in embedded
    # The same step outside a frame, and the petition page, stay unframable.
    for response in (client.get(sign_url(petition_page)), client.get(petition_page.url)):
        assert frame_ancestors(response) == "frame-ancestors 'none'"
        assert response["X-Frame-Options"] == "DENY"


def test_a_new_signature_before_confirmation_takes_the_newest_partner(
    client, petition_page, partner
):
    sign(client, petition_page)
    assert Signature.objects.get().partner == ""
    sign_through(client, petition_page, EMBEDDED)
    assert Signature.objects.get().partner == "friends-of-air"


def test_a_csrf_failure_in_a_partners_frame_is_framed_and_keeps_what_was_typed(
    petition_page, partner
):
    client = Client(enforce_csrf_checks=True)
    url = sign_url(petition_page, EMBEDDED)
    typed = {"given_names": "Ilinka", "family_names": "Dragomirova", "country": "BG",
             "email": "ilinka@example.org", "privacy": "on", "captcha_0": "x",
             "captcha_1": "ANSWER"}  # fmt: skip
    sent = client.post(url, typed)
    assert sent.status_code == 403
    assert frame_ancestors(sent) == "frame-ancestors 'self' https://partner.example"
    body = sent.content.decode()
    assert 'class="embedded"' in body and "Nothing you sent has been stored." in body
    soup = BeautifulSoup(body, "html.parser")
    assert soup.find("input", {"name": "given_names"})["value"] == "Ilinka"
    assert soup.find("input", {"name": "email"})["value"] == "ilinka@example.org"
    assert not soup.find("input", {"name": "captcha_1"}).get("value")
    assert not Signature.objects.exists()
    token = soup.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    again = client.post(url, typed | solve_captcha(body) | {"csrfmiddlewaretoken": token})
    assert again.status_code == 302
    assert Signature.objects.get().partner == "friends-of-air"


def test_a_partners_link_never_sets_off_a_count_per_view(
    client, petition_page, partner, monkeypatch
):
    """A query string skips the page cache: the figures themselves are counted once per third
    of PUBLIC_COUNTS_SECONDS, however many visitors follow a partner's link (or add ?x=)."""
    made, count = [], figures.counted
    monkeypatch.setattr(figures, "counted", lambda petition: made.append(1) or count(petition))
    cache.clear()
    for query in (f"?partner={partner.code}", "?x=1", "?x=2"):
        assert client.get(petition_page.url + query).status_code == 200
    json_url = petition_page.url + petition_page.reverse_subpage("counts_json")
    assert client.get(json_url).json()["total"] == 0
    assert len(made) == 1
