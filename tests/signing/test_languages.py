"""The citizen's side in every official language: the signing flow, fallbacks, formats.

The demo keeps en, bg and ro as content languages; the other 21 are interface languages, so the
initiative's own text is shown in English there, marked with lang="en" and announced.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.factories import signing_tree, translate_tree
from tests.translators.test_catalogues import EU_LANGUAGES, LOCALE_DIR, TRANSLATED

from .helpers import bulgarian, form_url, german, sign

pytestmark = pytest.mark.django_db
CONTENT_LANGUAGES = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
VISIBLE_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


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


@pytest.fixture(scope="module")
def signing_pages(module_db):
    """{language: the signing page shown at /language/…}: its translations in the content
    languages, the English page for every interface-only language. Built once: the tests only
    read it and sign (each test's statements roll back)."""
    with module_db.unblock():
        signing_page = signing_tree()
        translations = translate_tree(signing_page, *(CONTENT_LANGUAGES - {"en"}))
    return {"en": signing_page, **translations}


def in_language(signing_pages, language):
    """The signing page that answers under /language/, and the language its links keep."""
    return signing_pages.get(language, signing_pages["en"])


def flow_pages(client, signing_pages, language, signer_name):
    """Country choice, a form sent with errors, and a receipt, in one language."""
    page = in_language(signing_pages, language)
    with translation.override(language):  # interface-only languages keep their prefix
        choice = client.get(page.url)
        error = client.post(form_url(page, "BG"), {"first_names": "Мария"})
        assert error.status_code == 200 and b"error" in error.content
        receipt = sign(client, page, "DE", **german(family_names=signer_name))
    assert receipt.status_code == 302, receipt.content.decode()[:500]
    done = client.get(receipt["Location"])
    pages = [choice, error, done]
    assert all(page.status_code == 200 for page in pages)
    return [page.content.decode() for page in pages]


def same_in_both(code):
    """Strings whose translation is, rightly, the English word (RSS, Malta, Portugal…)."""
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    return {entry.msgid for entry in po if entry.msgstr == entry.msgid}


@pytest.fixture(scope="module")
def english_texts(module_db, signing_pages):
    """The interface text of the same three steps in English (rolled back with the module)."""
    texts = set()
    with module_db.unblock():
        pages = flow_pages(Client(SERVER_NAME="localhost"), signing_pages, "en", "Englishman")
    for html in pages:
        texts |= interface_text(html, "en")[1]
    return texts


@pytest.mark.parametrize("code", TRANSLATED)
def test_signing_flow_has_no_english_left(client, signing_pages, code, english_texts):
    leftovers = set()
    for html in flow_pages(client, signing_pages, code, "Müller" + code.capitalize()):
        html_lang, texts = interface_text(html, code)
        assert html_lang == code
        leftovers |= (texts & english_texts) - same_in_both(code)
    # An address shown as a link (the privacy statement's) is no language's text.
    assert {text for text in leftovers if not text.startswith(("http://", "https://"))} == set()


@pytest.mark.parametrize("code", sorted(set(EU_LANGUAGES) - CONTENT_LANGUAGES))
def test_untranslated_initiative_is_shown_in_english_and_labelled(client, signing_pages, code):
    with translation.override(code):
        url = form_url(in_language(signing_pages, code), "BG")
    assert url.startswith(f"/{code}/")
    html = client.get(url).content.decode()
    assert f'<html lang="{code}"' in html
    assert 'class="notice notice--language"' in html
    assert '<dd lang="en">Clean air' in html
    assert 'class="signing__initiative" lang="en"' in html


def test_translated_initiative_needs_no_label(client, signing_pages):
    html = client.get(form_url(signing_pages["bg"], "BG")).content.decode()
    assert "Clean air [bg]" in html  # the Bulgarian translation's title
    assert "notice--language" not in html
    assert 'lang="en">Clean air' not in html


def test_bulgarian_signer_still_signs_in_bulgarian(client, signing_pages):
    assert sign(client, signing_pages["bg"], "BG", **bulgarian()).status_code == 302
