"""The page route cache and the content version: cached routes, chrome and pages follow every
change (core/route_cache.py, core/content_version.py)."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from core.content_version import current_version
from home.models import SiteIdentity
from initiatives.models import Initiative
from tests.factories import (
    StandardPageFactory,
    online_collection_guide,
    translate,
)
from tests.signing.helpers import bulgarian, form_url, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home_page):
    """home → Organise an initiative → Prepare your online collection system → Certifying."""
    index, prepare, certification = online_collection_guide(
        home_page, "Certifying the online collection system", "certification"
    )
    return {"index": index, "prepare": prepare, "certification": certification}


def test_cached_route_follows_unpublishing_and_slug_changes(client, guides):
    page = guides["certification"]
    url = page.url
    assert url == "/en/organise/prepare-online-collection-system/certification/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # served from the cached route
    page.unpublish()
    assert client.get(url).status_code == 404
    page.save_revision().publish()
    assert client.get(url).status_code == 200
    page.slug = "certifying"
    page.save_revision().publish()
    assert client.get(url).status_code == 404
    assert client.get(url.replace("certification", "certifying")).status_code == 200


def test_cached_route_keeps_the_language(client, guides):
    english = guides["index"]
    translate(english.get_parent().specific, "bg")
    bulgarian = translate(english, "bg", title="Организиране на инициатива")
    assert (english.url, bulgarian.url) == ("/en/organise/", "/bg/organise/")
    assert '<html lang="en"' in client.get(english.url).content.decode()
    assert '<html lang="bg"' in client.get(bulgarian.url).content.decode()
    assert "Организиране на инициатива" in client.get(bulgarian.url).content.decode()


def test_cached_chrome_follows_the_site_identity_and_page_titles(client, guides):
    about = StandardPageFactory(parent=guides["index"].get_parent(), title="About", slug="about",
                                show_in_menus=True)  # fmt: skip
    url = guides["index"].url
    assert "Citizens&#x27; Initiatives" in client.get(url).content.decode()
    identity = SiteIdentity.objects.get(locale__language_code="en")
    identity.site_name = "Initiatives Europe"
    identity.save()
    assert "Initiatives Europe" in client.get(url).content.decode()
    about.title = "About citizens' initiatives"
    about.save_revision().publish()
    menu = client.get(url).content.decode().split('class="main-menu"')[1]
    assert "About citizens&#x27; initiatives" in menu.split("</nav>")[0]


def test_a_view_restriction_added_later_still_applies_to_the_signing_page(client, signing_page):
    url = signing_page.url
    assert client.get(url).status_code == 200  # "no restriction" is now cached
    initiative_page = signing_page.get_parent()
    PageViewRestriction.objects.create(
        page=initiative_page, restriction_type=PageViewRestriction.PASSWORD, password="hidden"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()  # Wagtail's password form, not ours


def test_cached_breadcrumbs_follow_a_renamed_parent(client, guides):
    url = guides["certification"].url
    assert "Prepare your online collection system" in client.get(url).content.decode()
    parent = guides["prepare"]
    parent.title = "Getting the collection system ready"
    parent.save_revision().publish()
    trail = client.get(url).content.decode().split('class="breadcrumbs')[1].split("</nav>")[0]
    assert "Getting the collection system ready" in trail


def test_the_registered_information_follows_the_initiative(client, initiative, signing_page):
    url = form_url(signing_page, "BG")
    assert "Maria Ivanova" in client.get(url).content.decode()
    organiser = initiative.organisers.get(name="Maria Ivanova")
    organiser.name = "Maria Petrova"
    organiser.save()
    initiative.save()
    assert "Maria Petrova" in client.get(url).content.decode()


def test_a_change_sets_a_new_version_again_once_committed(
    django_capture_on_commit_callbacks, guides
):

    page = guides["certification"]
    before = current_version()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        during = current_version()
    assert before != during != current_version()


def test_the_initiative_page_follows_its_initiative_and_counts_every_statement(
    client, initiative, signing_page
):
    url = signing_page.get_parent().url
    html = client.get(url).content.decode()
    assert "Collecting signatures" in html and "Maria Ivanova" in html
    assert 'id="progress-total" max="1000000" value="0"' in html
    assert sign(client, signing_page, "BG", **bulgarian()).status_code == 302
    cache.clear()  # the public counts are a snapshot: it expires (PUBLIC_COUNTS_SECONDS)
    assert 'id="progress-total" max="1000000" value="1"' in client.get(url).content.decode()
    initiative.organisers.filter(name="Maria Ivanova").update(name="Maria Petrova")
    initiative.status = Initiative.Status.CLOSED
    initiative.save()
    html = client.get(url).content.decode()
    assert "Collection closed" in html and "Maria Petrova" in html
