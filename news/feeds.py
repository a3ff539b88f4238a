"""RSS and Atom feeds of the news, one per language.

The feed views are cached with `cache_page`, whose key holds the full URL (and so the language
prefix) and, with USE_I18N, the active language: one language's feed is never served for another.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import NewsPage

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self):
        return _("News about citizens' initiatives")

    def description(self):
        return _("The latest news from the citizens' initiatives site.")

    def link(self):
        return reverse("wagtail_serve", args=[""])

    def feed_url(self):
        return reverse("news-atom" if self.feed_type is Atom1Feed else "news-rss")

    def items(self):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return f"{item.translation_key}:{get_language()}"

    item_guid_is_permalink = False


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
