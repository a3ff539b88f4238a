"""A content language started in the admin: its whole tree at once, every page marked as not
translated until a translator translates it, and "Translate this page" opening a draft
(issue 24)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translators.state import NOT_TRANSLATED, translation_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_romanian(signing_page, django_capture_on_commit_callbacks):
    """Romanian started anew, as from Settings → Locales → Add a locale, over an English tree."""
    Locale.objects.filter(language_code="ro").delete()
    with django_capture_on_commit_callbacks(execute=True):
        return Locale.objects.create(language_code="ro")


def test_a_new_language_gets_every_page_at_once(new_romanian, signing_page):
    english = Page.objects.filter(locale__language_code="en", depth__gt=1)
    romanian = Page.objects.filter(locale=new_romanian)
    assert set(romanian.values_list("translation_key", flat=True)) == set(
        english.values_list("translation_key", flat=True)
    )
    initiative_page = signing_page.get_parent().get_translation(new_romanian)
    response = Client().get(initiative_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    # Shown in English, said so, and marked for screen readers and translation tools.
    assert initiative_page.url.startswith("/ro/")
    assert 'lang="en"' in html
    assert "notice--language" in html
    # Its signing page is found and linked in Romanian.
    assert signing_page.get_translation(new_romanian).url in html


def test_the_state_report_counts_mirror_pages_as_not_translated(new_romanian, signing_page):
    row = next(row for row in translation_state() if row.page.pk == signing_page.pk)
    assert row.cells["ro"].state == NOT_TRANSLATED


def test_translate_this_page_opens_a_draft_the_public_never_sees(new_romanian, signing_page):
    editor = get_user_model().objects.create_superuser("t", "", "correct horse battery")
    client = Client()
    client.force_login(editor)
    source = signing_page.get_parent()
    mirror = source.get_translation(new_romanian)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[source.pk]),
        {"locales": [new_romanian.pk]},
    )
    assert response.status_code == 302
    page = Page.objects.get(pk=mirror.pk)
    assert page.alias_of_id is None  # a translation of its own now
    assert page.get_latest_revision().approved_go_live_at is None
    assert page.live_revision_id != page.latest_revision_id  # the translation is a draft
    # A translator's words saved as a draft stay off the public page.
    translation = Translation.objects.get(
        target_locale=new_romanian, source__object_id=source.translation_key
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string, locale=new_romanian, context=title.context, data="Aer curat"
    )
    translation.save_target(user=editor, publish=False)
    assert "Aer curat" not in Client().get(page.url).content.decode()
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Aer curat"
