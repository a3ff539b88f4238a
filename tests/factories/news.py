"""News index and items."""

import datetime

import factory

from news.models import NewsIndexPage, NewsPage

from .core import PublishedPageFactory, section_index_factory

NewsIndexPageFactory = section_index_factory(NewsIndexPage, "News", "news")


class NewsPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    summary = "What happened."

    class Meta:
        model = NewsPage
