"""The Annex I minimums, chosen by registration date, and progress built from counts."""

import datetime

import pytest

from initiatives.countries import MEMBER_STATES, THRESHOLD_TABLES, threshold_table_for
from initiatives.progress import build_progress

# The parliament's size for each table, and its multiplier: 750 under Regulation 211/2011, the
# total number of members under 2019/788 (written out, not computed from the tables).
SIZES = {
    datetime.date(2011, 4, 1): (736, 750),
    datetime.date(2012, 3, 28): (754, 750),
    datetime.date(2013, 7, 1): (766, 750),
    datetime.date(2014, 7, 1): (751, 750),
    datetime.date(2020, 1, 1): (751, 751),
    datetime.date(2020, 2, 1): (705, 705),
    datetime.date(2024, 7, 16): (720, 720),
}


def test_each_table_has_the_parliaments_size_and_multiplier_of_its_time():
    assert {t.in_force_from: (t.total_seats, t.multiplier) for t in THRESHOLD_TABLES} == SIZES
    for table in THRESHOLD_TABLES:
        assert table.source
        members = set(table.seats) - {"UK"}
        if table.in_force_from < datetime.date(2013, 7, 1):
            assert members == set(MEMBER_STATES) - {"HR"}
        else:
            assert members == set(MEMBER_STATES)
        assert ("UK" in table.seats) is (table.in_force_from < datetime.date(2020, 2, 1))


def test_table_is_chosen_by_registration_date():
    before = threshold_table_for(datetime.date(2023, 5, 1))
    after = threshold_table_for(datetime.date(2024, 9, 1))
    assert before.minimum("DE") == 67_680 and before.minimum("MT") == 4_230
    assert after.minimum("DE") == 69_120 and after.minimum("MT") == 4_320
    assert after.minimum("FR") == 58_320 and before.minimum("FR") == 55_695


@pytest.mark.parametrize(
    ("registered", "country", "minimum"),
    [
        # Regulation 211/2011, Annex I as replaced by Delegated Regulation 268/2012
        (datetime.date(2012, 5, 9), "DE", 74_250),
        (datetime.date(2012, 5, 9), "ES", 40_500),
        (datetime.date(2012, 5, 9), "IT", 54_750),
        (datetime.date(2012, 5, 9), "LV", 6_750),
        # ... by Delegated Regulation 531/2014, from 1 July 2014 (2014–2019 × 750)
        (datetime.date(2014, 6, 30), "DE", 74_250),
        (datetime.date(2014, 7, 1), "DE", 72_000),
        (datetime.date(2017, 3, 1), "MT", 4_500),
        (datetime.date(2019, 12, 31), "HR", 8_250),
        # Regulation 2019/788 with the United Kingdom still a member (× 751)
        (datetime.date(2020, 1, 15), "DE", 72_096),
        # after the withdrawal (× 705), the case the old code got right
        (datetime.date(2020, 2, 1), "DE", 67_680),
        (datetime.date(2024, 7, 16), "DE", 69_120),
    ],
)
def test_older_registrations_use_the_table_of_their_time(registered, country, minimum):
    assert threshold_table_for(registered).minimum(country) == minimum


def test_croatia_is_not_counted_before_it_joined():
    progress = build_progress({"HR": 10}, datetime.date(2012, 6, 1))
    assert "HR" not in {country.code for country in progress.countries}
    assert len(progress.countries) == 26
    assert progress.total == 10


def test_the_description_names_the_term_and_multiplier():
    assert threshold_table_for(datetime.date(2013, 1, 1)).description == (
        "seats in the European Parliament 2009–2014 × 750"
    )
    assert threshold_table_for(datetime.date(2025, 1, 1)).description == (
        "seats in the European Parliament 2024–2029 × 720"
    )


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
