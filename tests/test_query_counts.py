"""Index pages and the home page cost the same number of queries however many children they have."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative, InitiativeIndexPage, InitiativePage
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/en/initiatives/", "/en/initiatives/?status=collecting", "/en/news/"]


def grow_tree(initiatives, news_items, start):
    index = InitiativeIndexPage.objects.get(locale__language_code="en")
    news_index = NewsIndexPage.objects.get(locale__language_code="en")
    for number in range(start, start + initiatives):
        record = Initiative.objects.create(
            name=f"Load {number}",
            registration_number=f"LOAD({number})",
            registration_date=datetime.date(2025, 1, 1),
            status=Initiative.Status.COLLECTING,
            collection=Initiative.Collection.ON_SITE if number % 2 else "external",
            external_system_url="https://example.org/",
        )
        index.add_child(
            instance=InitiativePage(
                title=f"Initiative {number}",
                slug=f"initiative-{number}",
                initiative=record,
                subject_matter="Subject",
                objectives="<p>Objectives</p>",
            )
        )
    for number in range(start, start + news_items):
        news_index.add_child(
            instance=NewsPage(title=f"News {number}", slug=f"news-{number}", summary="Summary")
        )


def query_counts(client):
    for url in PAGES:
        client.get(url)  # warm Wagtail's site-root cache
    counts = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_queries_do_not_grow_with_the_number_of_children(client):
    grow_tree(initiatives=10, news_items=10, start=0)
    with_few = query_counts(client)
    grow_tree(initiatives=190, news_items=190, start=10)
    assert InitiativePage.objects.filter(locale__language_code="en").count() >= 200
    assert NewsPage.objects.filter(locale__language_code="en").count() >= 200
    with_many = query_counts(client)
    assert with_many == with_few
    assert max(with_many.values()) <= 40, with_many
