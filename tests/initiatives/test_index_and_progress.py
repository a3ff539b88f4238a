"""The initiative index filters by status and topic; an initiative page shows its progress
against the minimums of the table in force on its registration date."""

import datetime
import re

import pytest

from tests.factories import (
    ExternalCountFactory,
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    TopicFactory,
    translate,
    translate_tree,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return InitiativeIndexPageFactory(parent=home_page)


def test_initiative_index_filters_by_status_and_topic(client, index):
    digital, environment = TopicFactory(name="Digital", slug="digital"), TopicFactory()
    clean_air = InitiativePageFactory(parent=index, title="Clean air around every school",
                                      topics=[environment])  # fmt: skip
    InitiativePageFactory(parent=index, title="Safe cross-border commuting",
                          initiative=InitiativeFactory(closed=True))  # fmt: skip
    open_data = InitiativePageFactory(parent=index, title="Public data open by default",
                                      topics=[digital])  # fmt: skip
    html = client.get(index.url, {"status": "closed"}).content.decode()
    assert "Safe cross-border commuting" in html
    assert "Clean air around every school" not in html
    assert re.search(r'<p role="status">\s*1 initiative\s*</p>', html)
    assert re.search(r'<p role="status">\s*3 initiatives\s*</p>', client.get(index.url).text)
    # In Bulgarian, through the Bulgarian topics.
    translate_tree(index, "bg")
    for topic in (digital, environment):
        translate(topic, "bg")
    bulgarian = translate(open_data, "bg", title="Отворени по подразбиране публични данни")
    translate(clean_air, "bg", title="Чист въздух около всяко училище")
    url = bulgarian.get_parent().url
    assert "Чист въздух" in client.get(url).content.decode()  # unfiltered: both
    html = client.get(url, {"topic": "digital"}).content.decode()
    assert "Отворени по подразбиране публични данни" in html
    assert "Чист въздух" not in html


def test_initiative_page_shows_progress_against_the_dated_minimums(client, index):
    # Registered in 2025: the 2024-2029 table applies; Romania: 33 seats x 720 = 23,760.
    initiative = InitiativeFactory(external=True, registration_date=datetime.date(2025, 3, 1))
    ExternalCountFactory(initiative=initiative, country="RO", count=100_000)
    ExternalCountFactory(initiative=initiative, country="BG", count=81_486)
    page = InitiativePageFactory(parent=index, initiative=initiative)
    html = client.get(page.url).content.decode()
    assert "23,760" in html
    assert "seats in the European Parliament 2024–2029 × 720" in html
    assert "181,486 of 1,000,000 statements of support" in html
    assert '<progress id="progress-total" max="1000000" value="181486">' in html
    bulgarian = translate_tree(page, "bg")["bg"]
    assert "181\xa0486" in client.get(bulgarian.url).content.decode()
