"""The export's files: readable by their owner only, and naming the initiative at the site's
public address (issue 24)."""

import stat

import pytest
from django.test import override_settings

from organisers.records import initiative_record

from .test_export import export_with

pytestmark = pytest.mark.django_db


@override_settings(WAGTAILADMIN_BASE_URL="https://initiatives.example.org")
def test_the_export_names_the_initiative_at_the_public_address(initiative_page):
    record = initiative_record(initiative_page.initiative)
    assert record["url"] == "https://initiatives.example.org" + initiative_page.url
    assert "localhost" not in record["url"]


def test_exported_files_are_readable_by_their_owner_only(tmp_path, key_file, signed, initiative):
    output = export_with(tmp_path, "--initiative", initiative.registration_number, key=key_file,
                         csv_files=True)  # fmt: skip
    files = list(output.iterdir())
    assert {path.suffix for path in files} >= {".xml", ".csv", ".txt"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(output.stat().st_mode) == 0o700
