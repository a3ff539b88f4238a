from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .state import translation_state


class TranslationStateView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Translation state: every page against every content language."""

    page_title = _("Translation state")
    header_icon = "globe"
    template_name = "translators/translation_state.html"

    def get_context_data(self, **kwargs):
        rows = translation_state()
        languages = sorted(rows[0].cells) if rows else []
        return super().get_context_data(rows=rows, languages=languages, **kwargs)


@hooks.register("register_admin_urls")
def translation_state_urls():
    return [
        path(
            "reports/translation-state/",
            TranslationStateView.as_view(),
            name="translation_state",
        )
    ]


@hooks.register("register_reports_menu_item")
def translation_state_menu_item():
    return MenuItem(
        _("Translation state"), reverse("translation_state"), icon_name="globe", order=900
    )
