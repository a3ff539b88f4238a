from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .panels import TranslationStatePanel
from .sync import PublishWhereAllowedUpdateTranslationsView, machine_translate_or_say_why
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
        # Ahead of wagtail-localize's own view at the same address (this app's hooks are
        # registered first): "Sync translated pages" publishes only where the user may.
        path(
            "localize/update/<int:translation_source_id>/",
            PublishWhereAllowedUpdateTranslationsView.as_view(),
            name="update_translations_where_allowed",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translate_or_say_why,
            name="machine_translate_or_say_why",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translation_state_menu_item():
    return MenuItem(
        _("Translation state"), reverse("translation_state"), icon_name="globe", order=900
    )


@hooks.register("construct_homepage_panels")
def translation_state_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationStatePanel())
