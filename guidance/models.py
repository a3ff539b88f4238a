"""Guidance for organisers: "Organise an initiative"."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock


class GuidanceIndexPage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = _("guidance index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidancePage.objects.live().child_of(self)
        return context


class GuidancePage(Page):
    summary = models.TextField(blank=True, verbose_name=_("summary"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["guidance.GuidanceIndexPage", "guidance.GuidancePage"]
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = _("guidance page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subguides"] = GuidancePage.objects.live().child_of(self)
        return context
