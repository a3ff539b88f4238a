"""The Annex I minimums, chosen by registration date, and progress built from counts."""

import datetime

from initiatives.countries import MEMBER_STATES, THRESHOLD_TABLES, threshold_table_for
from initiatives.progress import build_progress


def test_every_table_covers_every_member_state():
    for table in THRESHOLD_TABLES:
        assert set(table.seats) == set(MEMBER_STATES)
        assert sum(table.seats.values()) == table.total_seats


def test_table_is_chosen_by_registration_date():
    before = threshold_table_for(datetime.date(2023, 5, 1))
    after = threshold_table_for(datetime.date(2024, 9, 1))
    assert before.minimum("DE") == 67_680 and before.minimum("MT") == 4_230
    assert after.minimum("DE") == 69_120 and after.minimum("MT") == 4_320
    assert after.minimum("FR") == 58_320 and before.minimum("FR") == 55_695


def test_progress_counts_countries_over_their_minimum():
    counts = {"BG": 12_240, "RO": 23_759, "DE": 70_000, "MT": 5_000}
    progress = build_progress(counts, datetime.date(2025, 1, 1))
    assert progress.total == 110_999
    assert progress.countries_reached == 3  # BG exactly at its minimum, RO one short
    reached = {country.code for country in progress.countries if country.reached}
    assert reached == {"BG", "DE", "MT"}
    assert progress.countries[0].code == "DE"  # most support first
    assert progress.percent == 11
    assert [c.code for c in progress.countries_with_support] == ["DE", "RO", "BG", "MT"]
