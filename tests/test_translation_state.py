"""The translators' report: each page's state per content language."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import StandardPage
from translators.state import COMPLETE, IN_PROGRESS, MISSING, OUT_OF_DATE, translation_state

pytestmark = pytest.mark.django_db


def states(page):
    row = next(row for row in translation_state() if row.page.pk == page.pk)
    return {code: cell.state for code, cell in row.cells.items()}


def about_page():
    return Page.objects.get(slug="about", locale__language_code="en").specific


def test_the_demo_is_fully_translated():
    rows = translation_state()
    assert rows and all(
        cell.state == COMPLETE for row in rows for cell in row.cells.values()
    ), [(row.page.title, code, cell.state) for row in rows for code, cell in row.cells.items()
        if cell.state != COMPLETE]  # fmt: skip


def test_a_new_page_is_missing_in_every_other_language():
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = home.add_child(instance=StandardPage(title="Fresh page", slug="fresh-page"))
    page.save_revision().publish()
    assert states(page) == {"bg": MISSING, "ro": MISSING}


def test_publishing_the_source_again_makes_its_translations_out_of_date():
    page = about_page()
    page.title = "About the European citizens' initiative"
    page.save_revision().publish()
    assert states(page) == {"bg": OUT_OF_DATE, "ro": OUT_OF_DATE}
    # wagtail-localize's "Sync translated pages" brings the source up to date again.
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    source.update_from_db()
    assert states(page)["bg"] in (IN_PROGRESS, COMPLETE)


def test_a_translation_missing_strings_is_in_progress():
    page = about_page()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    bulgarian = Locale.objects.get(language_code="bg")
    assert Translation.objects.filter(source=source, target_locale=bulgarian).exists()
    StringTranslation.objects.filter(
        locale=bulgarian, translation_of__segments__source=source
    ).first().delete()
    assert states(page)["bg"] == IN_PROGRESS


def test_the_report_command_and_admin_view(client, capsys):
    call_command("translation_report", "--language", "bg")
    out = capsys.readouterr().out
    assert "bg: complete" in out and "translation(s) to do" in out
    client.force_login(get_user_model().objects.create_superuser("t", "", "z" * 20))
    html = client.get(reverse("translation_state")).content.decode()
    assert "Translation state" in html and "Complete" in html


def test_the_report_exports_csv_and_xlsx_with_wagtails_own_export(client):
    client.force_login(get_user_model().objects.create_superuser("t", "", "z" * 20))
    csv = client.get(reverse("translation_state"), {"export": "csv"})
    assert csv["Content-Disposition"] == 'attachment; filename="translation-state.csv"'
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[0] == "Page,bg,ro"
    assert "Find an initiative,Complete,Complete" in lines[1:]
    xlsx = client.get(reverse("translation_state"), {"export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(xlsx.streaming_content).startswith(b"PK")  # a zip: an xlsx workbook


def test_the_report_is_for_editors_only(client):
    client.force_login(get_user_model().objects.create_user("reader", "", "z" * 20, is_staff=False))
    assert client.get(reverse("translation_state")).status_code in (302, 403)
