"""The initiatives' admin: the registered records and the topics, under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Initiative, Topic


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "clipboard-list"
    menu_label = _("Registered initiatives")
    list_display = [
        "name",
        "registration_number",
        "status",
        "collection_window",
        "collection",
        UpdatedAtColumn(),
    ]
    list_filter = ["status", "collection", "is_demonstration"]
    search_fields = ["registration_number", "name"]
    ordering = ["-registration_date"]
    list_export = [
        "registration_number",
        "name",
        "status",
        "registration_date",
        "collection_start",
        "collection_end",
        "collection",
        "external_system_url",
        "register_url",
        "key_fingerprint",
        "submitted_to_authorities_on",
        "submitted_to_commission_on",
    ]
    export_filename = "initiatives"
    inspect_view_enabled = True
    inspect_view_fields = [
        "registration_number",
        "name",
        "register_url",
        "registration_date",
        "status",
        "collection_start",
        "collection_end",
        "collection",
        "external_system_url",
        "key_fingerprint",
        "submitted_to_authorities_on",
        "submitted_to_commission_on",
        "is_demonstration",
    ]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class InitiativesMenu(SnippetViewSetGroup):
    items = (InitiativeViewSet, TopicViewSet)
    menu_label = _("Initiatives")
    menu_icon = "clipboard-list"
    menu_order = 200


register_snippet(InitiativesMenu)
