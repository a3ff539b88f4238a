"""The translators' report: each page's state per content language."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import StandardPageFactory, translate, translate_tree
from translators.state import COMPLETE, IN_PROGRESS, MISSING, OUT_OF_DATE, translation_state

pytestmark = pytest.mark.django_db


def states(page):
    row = next(row for row in translation_state() if row.page.pk == page.pk)
    return {code: cell.state for code, cell in row.cells.items()}


@pytest.fixture
def about(home_page):
    """A standard page and the home page, both translated into bg and ro."""
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    translate_tree(page, "bg", "ro")
    return page


def test_pages_translated_through_wagtail_localize_are_complete(about):
    assert states(about) == {"bg": COMPLETE, "ro": COMPLETE}
    assert states(about.get_parent()) == {"bg": COMPLETE, "ro": COMPLETE}


def test_a_new_page_is_missing_in_every_other_language(about):
    page = StandardPageFactory(parent=about.get_parent(), title="Fresh page")
    assert states(page) == {"bg": MISSING, "ro": MISSING}


def test_publishing_the_source_again_makes_its_translations_out_of_date(about):
    page = about
    page.title = "About the European citizens' initiative"
    page.save_revision().publish()
    assert states(page) == {"bg": OUT_OF_DATE, "ro": OUT_OF_DATE}
    # wagtail-localize's "Sync translated pages" brings the source up to date again.
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    source.update_from_db()
    assert states(page)["bg"] in (IN_PROGRESS, COMPLETE)


def test_a_translation_missing_strings_is_in_progress(about):
    page = about
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    bulgarian = Locale.objects.get(language_code="bg")
    assert Translation.objects.filter(source=source, target_locale=bulgarian).exists()
    StringTranslation.objects.filter(
        locale=bulgarian, translation_of__segments__source=source
    ).first().delete()
    assert states(page)["bg"] == IN_PROGRESS


def test_the_report_command_and_admin_view(client, capsys, about):
    translate(StandardPageFactory(parent=about, title="Only partly"), "bg")  # ro: to do
    call_command("translation_report", "--language", "bg")
    out = capsys.readouterr().out
    assert "bg: complete" in out and "3 page(s); 0 translation(s) to do." in out
    call_command("translation_report")
    assert "3 page(s); 1 translation(s) to do." in capsys.readouterr().out  # "Only partly" in ro
    client.force_login(get_user_model().objects.create_superuser("t", "", "z" * 20))
    html = client.get(reverse("translation_state")).content.decode()
    assert "Translation state" in html and "Complete" in html


def test_the_report_exports_csv_and_xlsx_with_wagtails_own_export(client, about):
    client.force_login(get_user_model().objects.create_superuser("t", "", "z" * 20))
    csv = client.get(reverse("translation_state"), {"export": "csv"})
    assert csv["Content-Disposition"] == 'attachment; filename="translation-state.csv"'
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[0] == "Page,bg,ro"
    assert "About,Complete,Complete" in lines[1:]
    xlsx = client.get(reverse("translation_state"), {"export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(xlsx.streaming_content).startswith(b"PK")  # a zip: an xlsx workbook


def test_the_report_is_for_editors_only(client, about):
    client.force_login(get_user_model().objects.create_user("reader", "", "z" * 20, is_staff=False))
    assert client.get(reverse("translation_state")).status_code in (302, 403)
