"""News index and items."""

import datetime

import factory

from news.models import NewsIndexPage, NewsPage

from .core import PublishedPageFactory


class NewsIndexPageFactory(PublishedPageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    summary = "What happened."

    class Meta:
        model = NewsPage
