"""Index pages and the home page cost the same number of queries however many children they have."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative, InitiativePage
from news.models import NewsPage
from tests.factories import (
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexes(home_page):
    return InitiativeIndexPageFactory(parent=home_page), NewsIndexPageFactory(parent=home_page)


def grow_tree(indexes, initiatives, news_items):
    index, news_index = indexes
    for number in range(initiatives):
        record = InitiativeFactory(
            external=not number % 2, status=Initiative.Status.COLLECTING, organisers=None
        )
        # Added without a revision, as the original bulk did: the queries are the subject here.
        InitiativePageFactory(parent=index, initiative=record, publish=False)
    for _number in range(news_items):
        NewsPageFactory(parent=news_index, publish=False)


def pages(home_page, indexes):
    index, news_index = indexes
    return [home_page.url, index.url, index.url + "?status=collecting", news_index.url]


def query_counts(client, urls):
    for url in urls:
        client.get(url)  # warm Wagtail's site-root cache
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_queries_do_not_grow_with_the_number_of_children(client, home_page, indexes):
    urls = pages(home_page, indexes)
    grow_tree(indexes, initiatives=10, news_items=10)
    with_few = query_counts(client, urls)
    grow_tree(indexes, initiatives=190, news_items=190)
    assert InitiativePage.objects.filter(locale__language_code="en").count() >= 200
    assert NewsPage.objects.filter(locale__language_code="en").count() >= 200
    with_many = query_counts(client, urls)
    assert with_many == with_few
    assert max(with_many.values()) <= 40, with_many
