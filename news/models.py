"""News: an index per language and dated news items, with RSS and Atom feeds (see feeds.py)."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock

NEWS_PER_PAGE = 10


class NewsIndexPage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = NewsPage.objects.live().descendant_of(self).order_by("-date", "-pk")
        context["news_items"] = Paginator(items, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    date = models.DateField(default=datetime.date.today, verbose_name=_("date"))
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        ordering = ["-date"]
