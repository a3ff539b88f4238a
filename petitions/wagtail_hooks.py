"""The petitions' admin: the records, with their revisions, as a snippet viewset."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Petition


class PetitionViewSet(SnippetViewSet):
    model = Petition
    icon = "list-ul"
    menu_label = _("Petitions")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "addressee", "status", "target", "closes_on", UpdatedAtColumn()]
    list_filter = ["status"]
    search_fields = ["name", "addressee"]
    inspect_view_enabled = True


register_snippet(PetitionViewSet)
