"""The abstract page types the content apps build on: a section's index, and a page of prose."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyBlock


class IndexPage(Page):
    """A section's front page, directly under a home page: an introduction, then what `listing`
    returns, `per_page` items at a time where it pages (`paginate`)."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    per_page = 10

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request))
        return context

    def listing(self, request):
        """The section's pages, as template context."""
        raise NotImplementedError

    def paginate(self, request, items):
        """The page of `items` the request asks for (?page=); any other value gives the first."""
        return Paginator(items, self.per_page).get_page(request.GET.get("page"))


class ArticlePage(Page):
    """A page of prose: a summary (for listings and search results) above the body."""

    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        abstract = True
