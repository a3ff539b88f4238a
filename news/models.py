"""News: an index per language and dated news items, with RSS and Atom feeds (see feeds.py)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.pages import ArticlePage, IndexPage


class NewsIndexPage(IndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def listing(self, request):
        items = NewsPage.objects.live().descendant_of(self).order_by("-date", "-pk")
        return {"news_items": self.paginate(request, items)}


class NewsPage(ArticlePage):
    date = models.DateField(default=datetime.date.today, verbose_name=_("date"))

    content_panels = [*Page.content_panels, FieldPanel("date"), *ArticlePage.content_panels[1:]]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        ordering = ["-date"]
