"""The dashboard's "time left" before a deadline, in the site's own plural forms: Django's
`timeuntil` ("in 3 Tage", English in Croatian, Lithuanian, Maltese and Irish) is not used."""

import datetime

import pytest
from django.utils import translation

from organisers.templatetags.listing_tags import time_left

TODAY = datetime.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("en", 1, "1 day left"), ("en", 3, "3 days left"), ("en", 300, "9 months left"),
        ("de", 3, "noch 3 Tage"), ("fi", 3, "3 päivää jäljellä"), ("hr", 3, "još 3 dana"),
        ("hr", 5, "još 5 dana"), ("lt", 21, "liko 21 diena"), ("mt", 12, "fadal 12-il jum"),
        ("pl", 22, "zostały 22 dni"), ("ga", 3, "3 lá fágtha"), ("sl", 2, "še 2 dneva"),
    ],
)  # fmt: skip
def test_time_left_takes_each_language_s_plural(language, days, expected):
    with translation.override(language):
        assert time_left(TODAY + datetime.timedelta(days=days), TODAY) == expected
