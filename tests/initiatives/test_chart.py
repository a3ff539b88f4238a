"""The chart of statements over time on the initiative page (issue 15): drawn by the server,
with the same figures as a table, right with no day, one day and many."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from initiatives.chart import WIDEST_BAR, daily_chart
from initiatives.models import PaperBatch
from tests.factories import InitiativeFactory, InitiativePageFactory, StatementFactory

pytestmark = pytest.mark.django_db


def chart_section(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.find("section", class_="counts-chart")


def test_no_statement_yet_draws_no_chart(client, initiative_page):
    section = chart_section(client, initiative_page)
    assert section.find("svg") is None
    assert "No statement yet." in section.get_text()


def test_one_day_is_one_bar_of_sensible_width_and_its_table(client, initiative_page):
    StatementFactory(initiative=initiative_page.initiative, country="BG")
    StatementFactory(initiative=initiative_page.initiative, country="RO")
    section = chart_section(client, initiative_page)
    svg = section.find("svg")
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    bars = svg.find_all("rect", class_="chart__online")
    assert len(bars) == 1
    assert float(bars[0]["width"]) <= WIDEST_BAR
    rows = section.find("details").find("tbody").find_all("tr")
    assert len(rows) == 1
    cells = [cell.get_text(strip=True) for cell in rows[0].find_all("td")]
    assert cells == ["2", "0", "2"]
    assert rows[0].find("time")["datetime"] == timezone.localdate().isoformat()


def test_paper_batches_are_stacked_on_their_day_and_in_the_table(client, initiative_page):
    StatementFactory(initiative=initiative_page.initiative, country="BG")
    ten_days_ago = timezone.localdate() - datetime.timedelta(days=10)
    PaperBatch.objects.create(
        initiative=initiative_page.initiative, country="BG", collected_on=ten_days_ago, count=30
    )
    section = chart_section(client, initiative_page)
    rows = section.find("details").find("tbody").find_all("tr")
    assert len(rows) == 11  # every day from the paper batch to today
    assert [cell.get_text(strip=True) for cell in rows[0].find_all("td")] == ["0", "30", "30"]
    assert len(section.find_all("rect", class_="chart__paper")) == 1


def test_the_scale_rounds_up_and_bars_stay_inside_the_chart():
    today = datetime.date(2026, 3, 1)
    chart = daily_chart([(today + datetime.timedelta(days=n), n * 7, 3) for n in range(60)])
    assert chart["gridlines"][-1]["value"] >= max(bar.count for bar in chart["bars"])
    for bar in chart["bars"]:
        assert chart["left"] <= bar.x and bar.x + bar.width <= chart["right"]
        assert 0 <= bar.paper_y <= bar.y <= chart["baseline"]


def test_a_lone_days_date_stands_under_its_bar():
    from django.template.loader import render_to_string

    chart = daily_chart([(datetime.date(2026, 12, 7), 12, 0)])
    bar = chart["bars"][0]
    assert chart["first_x"] == bar.x + bar.width / 2
    page = InitiativePageFactory.build(
        initiative=InitiativeFactory.build(registration_number="ECI(2026)000001")
    )
    html = render_to_string("initiatives/chart.html", {"chart": chart, "page": page})
    svg = BeautifulSoup(html, "html.parser").find("svg")
    [label] = [text for text in svg.find_all("text") if "2026" in text.get_text()]
    assert label["text-anchor"] == "middle"
    assert float(label["x"]) == pytest.approx(chart["first_x"], abs=0.1)
