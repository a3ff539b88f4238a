"""A signing page under an initiative the law routes to the Commission's central system serves
no form: it explains, in the reader's language, and links to the central system."""

import pytest
from django.utils import translation

from signing.models import Statement
from tests.factories import signing_tree

from .helpers import bulgarian, form_url, step_url

pytestmark = pytest.mark.django_db
CENTRAL = "https://eci.ec.europa.eu/045/public/"


@pytest.mark.parametrize(
    "fields",
    [
        {"real": True},  # set to collect on this site, registered this year: refused by law
        {"central": True, "external_system_url": CENTRAL},
    ],
    ids=["on-site-refused", "central"],
)
def test_a_central_system_initiative_serves_no_form(client, fields):
    signing_page = signing_tree(**fields)
    for url in (step_url(signing_page, "choose_country"), form_url(signing_page, "BG")):
        html = client.get(url).content.decode()
        assert 'name="captcha_0"' not in html and "<form" not in html.split("<main", 1)[1]
        assert "central online collection system" in html
    posted = client.post(form_url(signing_page, "BG"), bulgarian())
    assert posted.status_code == 200 and not Statement.objects.exists()


def test_the_signing_page_links_to_the_central_system_in_the_readers_language(client):
    signing_page = signing_tree(central=True, external_system_url=CENTRAL)
    with translation.override("de"):  # an interface language: the page keeps its prefix
        url = step_url(signing_page, "choose_country")
        counted = step_url(signing_page, "to_central_system")
    assert url.startswith("/de/")
    assert f'href="{counted}"' in client.get(url).content.decode()
    assert client.get(counted)["Location"] == "https://eci.ec.europa.eu/045/public/?lg=de"
