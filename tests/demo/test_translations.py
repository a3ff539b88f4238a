"""Smoke test of the demo content: every demo page is fully translated in every content language."""

import pytest

from translators.state import COMPLETE, translation_state

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def test_the_demo_is_fully_translated():
    rows = translation_state()
    assert rows and all(
        cell.state == COMPLETE for row in rows for cell in row.cells.values()
    ), [(row.page.title, code, cell.state) for row in rows for code, cell in row.cells.items()
        if cell.state != COMPLETE]  # fmt: skip
