from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import TranslationStateReport


@hooks.register("register_admin_urls")
def translation_state_urls():
    return [
        path(
            "reports/translation-state/",
            TranslationStateReport.as_view(),
            name="translation_state",
        ),
        path(
            "reports/translation-state/results/",
            TranslationStateReport.as_view(results_only=True),
            name="translation_state_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translation_state_menu_item():
    return MenuItem(
        _("Translation state"), reverse("translation_state"), icon_name="globe", order=900
    )
