"""The petitions' admin: the records, with their revisions, as a snippet viewset; and the
moderation of the names and comments signers allowed to be shown, for whoever is given the
permission to change them (a "Moderators" group, say)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Petition, PublicSignature


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


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """A name and comment come from a signer only: the admin changes their status, never adds."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - {"add"})


class ConfirmedOnlyIndexView(IndexView):
    """Only confirmed signatures' names and comments are worth a moderator's time."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(signature__confirmed_on__isnull=False)


class ModerationViewSet(ModelViewSet):
    model = PublicSignature
    icon = "comment"
    menu_order = 211
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = ConfirmedOnlyIndexView
    list_display = ["name", "comment", "petition", "status"]
    list_filter = ["status", "petition"]

    @property
    def permission_policy(self):
        return ModerationPermissionPolicy(self.model)


@hooks.register("register_admin_viewset")
def register_moderation():
    return ModerationViewSet("petition_moderation")
