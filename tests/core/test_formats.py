"""Numbers and dates the way each official language writes them (core/formats fills the gaps)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.translators.test_catalogues import EU_LANGUAGES

SPACED = "1\xa0000\xa0000"  # grouped with no-break spaces


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

    with translation.override("mt"):
        rendered = Template('{{ d|date:"DATE_FORMAT" }}').render(
            Context({"d": datetime.date(2026, 3, 10)})
        )
    assert rendered == "10/03/2026"
