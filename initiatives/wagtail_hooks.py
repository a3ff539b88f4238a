"""The initiatives' admin: the registered records and the topics, under one menu item."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from .admin_views import RegisterImportView
from .models import Initiative, Topic

IMPORT_LABEL = _("Import from the register")


class InitiativeIndexView(IndexView):
    import_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        can_change = self.permission_policy.user_has_permission(self.request.user, "change")
        if self.import_url_name and can_change:
            url = reverse(self.import_url_name)
            buttons.append(HeaderButton(IMPORT_LABEL, url=url, icon_name="download"))
        return buttons


class InitiativeEditView(EditView):
    import_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.import_url_name and self.object.imported_at:
            number = urlencode({"number": self.object.registration_number})
            url = f"{reverse(self.import_url_name)}?{number}"
            buttons.append(
                Button(_("Update from the register"), url=url, icon_name="download", priority=5)
            )
        return buttons


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    index_view_class = InitiativeIndexView
    edit_view_class = InitiativeEditView
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

    @property
    def index_view(self):
        return self.construct_view(
            self.index_view_class,
            **self.get_index_view_kwargs(import_url_name=self.get_url_name("import")),
        )

    @property
    def edit_view(self):
        return self.construct_view(
            self.edit_view_class,
            **self.get_edit_view_kwargs(import_url_name=self.get_url_name("import")),
        )

    @property
    def import_view(self):
        return self.construct_view(
            RegisterImportView,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
            import_url_name=self.get_url_name("import"),
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/", self.import_view, name="import")]


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
