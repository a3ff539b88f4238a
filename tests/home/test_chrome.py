"""The site chrome in each language: skip link, menu, language switcher, alternates, breadcrumbs."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from tests.factories import (
    StandardPageFactory,
    online_collection_guide,
    translate,
    translate_tree,
)

pytestmark = pytest.mark.django_db
CONTENT_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@pytest.fixture
def guides(home_page):
    """home → Organise an initiative → Prepare your online collection system → Hosting, the
    first two in en, bg and ro."""
    index, prepare, hosting = online_collection_guide(
        home_page, "Hosting by the Commission", "hosting-by-the-commission"
    )
    homes = translate_tree(home_page, "bg", "ro")
    translations = {
        "bg": translate(index, "bg", title="Организиране на инициатива"),
        "ro": translate(index, "ro", title="Organizați o inițiativă"),
    }
    for code in ("bg", "ro"):
        translate(prepare, code)
    return {"index": index, "prepare": prepare, "hosting": hosting, "homes": homes,
            "index_translations": translations}  # fmt: skip


def test_chrome_is_translated(client, home_page, guides):
    english = client.get(home_page.url).content.decode()
    bulgarian = client.get(guides["homes"]["bg"].url).content.decode()
    romanian = client.get(guides["homes"]["ro"].url).content.decode()
    assert "Skip to main content" in english
    assert "Към основното съдържание" in bulgarian
    assert "Salt la conținutul principal" in romanian
    assert "Organizați o inițiativă" in romanian  # the menu comes from the Romanian tree
    assert "Organise an initiative" not in romanian.split('class="main-menu"')[1]


def test_switcher_links_to_the_same_pages_translation(client, guides):
    guide = guides["hosting"]
    bulgarian, romanian = translate(guide, "bg"), translate(guide, "ro")
    html = client.get(bulgarian.url).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert f'href="{guide.url}" hreflang="en"' in switcher
    assert f'href="{romanian.url}" hreflang="ro"' in switcher


def test_switcher_falls_back_to_the_translated_home_page(client, home_page, guides):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    untranslated = StandardPageFactory(parent=about, title="Only in English")
    html = client.get(untranslated.url).content.decode()
    assert f'href="{guides["homes"]["bg"].url}" hreflang="bg"' in html
    # Not announced as an alternate: there is no Bulgarian version of this page.
    assert 'rel="alternate" hreflang="bg"' not in html


def test_a_mirror_is_linked_but_not_announced_as_a_translation(client, guides):
    """A new language's pages start as mirrors of the English ones (aliases, English text): the
    switcher leads there, search engines are not told it is the Bulgarian version."""
    guide = guides["hosting"]
    mirror = guide.copy_for_translation(Locale.objects.get(language_code="bg"), alias=True)
    html = client.get(guide.url).content.decode()
    assert f'href="{mirror.url}" hreflang="bg"' in html[html.index('class="language-switcher"') :]
    assert 'rel="alternate" hreflang="bg"' not in html
    assert 'rel="alternate" hreflang="en"' in html


def test_hreflang_alternates_with_x_default(client, guides):
    html = client.get(guides["index_translations"]["ro"].url).content.decode()
    alternates = dict(re.findall(r'rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert set(alternates) == {*CONTENT_LANGUAGES, "x-default"}
    assert alternates["x-default"] == alternates["en"] == guides["index"].full_url
    assert alternates["en"] == "http://localhost/en/organise/"


def test_breadcrumbs_show_the_navigation_path(client, home_page):
    _index, _prepare, certification = online_collection_guide(
        home_page, "Certifying the online collection system", "certification"
    )
    html = client.get(certification.url).content.decode()
    crumbs = html[html.index('aria-label="Navigation path"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert re.findall(r">([^<]+)</a>", crumbs) == [
        "Home",
        "Organise an initiative",
        "Prepare your online collection system",
    ]
    assert 'aria-current="page">Certifying the online collection system<' in crumbs
