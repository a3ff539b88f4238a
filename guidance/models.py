"""Guidance for organisers: "Organise an initiative"."""

from django.utils.translation import gettext_lazy as _

from core.pages import ArticlePage, IndexPage


class GuidanceIndexPage(IndexPage):
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = _("guidance index")

    def listing(self, request):
        return {"guides": GuidancePage.objects.live().child_of(self)}


class GuidancePage(ArticlePage):
    """A guide; guides nest (a stage of the process, then its steps)."""

    parent_page_types = ["guidance.GuidanceIndexPage", "guidance.GuidancePage"]
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = _("guidance page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subguides"] = GuidancePage.objects.live().child_of(self)
        return context
