from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import locale_permission_policy
from wagtail_localize.locales.wagtail_hooks import register_locales_menu_item

from .panels import TranslationStatePanel
from .review import (
    convert_to_alias_for_publishers_only,
    convert_to_alias_if_may_publish,
    submit_from_translation_editor,
)
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
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_if_may_publish,
            name="convert_to_alias_if_may_publish",
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


# Ahead of wagtail-localize's own hooks, as above (translators.review).
hooks.register("before_edit_page", submit_from_translation_editor)
hooks.register("construct_page_action_menu", convert_to_alias_for_publishers_only)


@hooks.register("construct_settings_menu")
def locales_for_coordinators(request, menu_items):
    """wagtail-localize shows Settings → Locales only to users with permissions on sites; the
    Translation coordinators (translators.groups) hold those on locales, which its views ask."""
    locales = register_locales_menu_item()
    if not any(item.name == locales.name for item in menu_items) and (
        locale_permission_policy.user_has_any_permission(request.user, ["add", "change"])
    ):
        menu_items.append(locales)
