"""The citizen's side in every official language: the signing flow, fallbacks, formats.

The demo keeps en, bg and ro as content languages; the other 21 are interface languages, so the
initiative's own text is shown in English there, marked with lang="en" and announced.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from .signing_helpers import bulgarian, german, sign
from .test_translations_complete import EU_LANGUAGES, LOCALE_DIR, TRANSLATED

pytestmark = pytest.mark.django_db
SIGN = "/{lang}/initiatives/clean-air-around-every-school/sign/"
CONTENT_LANGUAGES = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
VISIBLE_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
SPACED = "1\xa0000\xa0000"  # grouped with no-break spaces


class InterfaceText(HTMLParser):
    """The text of <body> a reader meets in the interface language: text nodes and the
    attributes screen readers announce, leaving out whatever is marked as another language
    (content shown in its own language, each language's name in the switcher) or translate="no"
    (names, identifiers)."""

    SKIPPED = {"script", "style", "title"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}  # fmt: skip

    def __init__(self, language):
        super().__init__()
        self.language, self.stack, self.texts, self.html_lang = language, [], set(), None

    def skipping(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        lang = attrs.get("lang")
        skip = (
            tag in self.SKIPPED
            or (lang is not None and lang != self.language)
            or attrs.get("translate") == "no"
        )
        if not self.skipping() and not skip:
            for name in VISIBLE_ATTRIBUTES:
                self.add(attrs.get(name))
        if tag not in self.VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skipping():
            self.add(data)

    def add(self, text):
        text = " ".join((text or "").split())
        if LETTER.search(text):
            self.texts.add(text)


def interface_text(html, language):
    parser = InterfaceText(language)
    parser.feed(html)
    return parser.html_lang, parser.texts


def flow_pages(client, language, signer_name):
    """Country choice, a form sent with errors, and a receipt, in one language."""
    base = SIGN.format(lang=language)
    choice = client.get(base)
    error = client.post(base + "bg/", {"first_names": "Мария"})
    assert error.status_code == 200 and b"error" in error.content
    receipt = sign(client, "DE", lang=language, **german(family_names=signer_name))
    assert receipt.status_code == 302, receipt.content.decode()[:500]
    done = client.get(receipt["Location"])
    pages = [choice, error, done]
    assert all(page.status_code == 200 for page in pages)
    return [page.content.decode() for page in pages]


def same_in_both(code):
    """Strings whose translation is, rightly, the English word (RSS, Malta, Portugal…)."""
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    return {entry.msgid for entry in po if entry.msgstr == entry.msgid}


@pytest.fixture
def english_texts(client):
    """The interface text of the same three steps in English (rolled back with the test)."""
    texts = set()
    for html in flow_pages(client, "en", "Englishman"):
        texts |= interface_text(html, "en")[1]
    return texts


@pytest.mark.parametrize("code", TRANSLATED)
def test_signing_flow_has_no_english_left(client, code, english_texts):
    leftovers = set()
    for html in flow_pages(client, code, "Müller" + code.capitalize()):
        html_lang, texts = interface_text(html, code)
        assert html_lang == code
        leftovers |= (texts & english_texts) - same_in_both(code)
    assert leftovers == set()


@pytest.mark.parametrize("code", sorted(set(EU_LANGUAGES) - CONTENT_LANGUAGES))
def test_untranslated_initiative_is_shown_in_english_and_labelled(client, code):
    html = client.get(SIGN.format(lang=code) + "bg/").content.decode()
    assert f'<html lang="{code}"' in html
    assert 'class="notice notice--language"' in html
    assert '<dd lang="en">Clean air around every school' in html
    assert 'class="signing__initiative" lang="en"' in html


def test_translated_initiative_needs_no_label(client):
    html = client.get(SIGN.format(lang="bg") + "bg/").content.decode()
    assert "notice--language" not in html
    assert 'lang="en">Clean air' not in html


def test_interface_languages_lead_to_the_same_page(client):
    html = client.get("/sk/initiatives/clean-air-around-every-school/").content.decode()
    assert 'href="/mt/initiatives/clean-air-around-every-school/"' in html
    assert 'href="/bg/initiatives/clean-air-around-every-school/"' in html
    # Only the languages the page is written in are announced as alternates.
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html))
    assert alternates == {*CONTENT_LANGUAGES, "x-default"}


def test_accept_language_picks_an_interface_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ga-IE,ga;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"].startswith("/ga/")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "1,000,000"), ("de", "1.000.000"), ("fr", SPACED), ("bg", SPACED), ("et", SPACED),
     ("ga", "1,000,000"), ("mt", "1,000,000"), ("pl", SPACED)],
)  # fmt: skip
def test_counts_are_grouped_the_way_each_language_writes_them(code, expected):
    with translation.override(code):
        assert Template("{% load humanize %}{{ n|intcomma }}").render(Context({"n": 1000000})) == (
            expected
        )


@pytest.mark.parametrize("code", EU_LANGUAGES)
def test_every_language_groups_thousands(code):
    with translation.override(code):
        rendered = Template("{% load humanize %}{{ n|intcomma }}").render(Context({"n": 1000000}))
    assert (
        rendered != "1000000"
        and rendered.replace("\xa0", "").replace(".", "").replace(",", "").replace(" ", "")
        == "1000000"
    )


def test_maltese_dates_are_day_first():
    import datetime

    with translation.override("mt"):
        rendered = Template('{{ d|date:"DATE_FORMAT" }}').render(
            Context({"d": datetime.date(2026, 3, 10)})
        )
    assert rendered == "10/03/2026"


def test_bulgarian_signer_still_signs_in_bulgarian(client):
    assert sign(client, "BG", lang="bg", **bulgarian()).status_code == 302
