from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from initiatives.models import Initiative

from . import audit, urls
from .panels import CollectionsPanel
from .views import FOLLOW


@hooks.register("register_admin_urls")
def collection_urls():
    return [path("collection/", include(urls, namespace="collection"))]


class CollectionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(FOLLOW)


@hooks.register("register_admin_menu_item")
def collection_menu_item():
    return CollectionMenuItem(
        _("Collection"), reverse("collection:index"), icon_name="list-ul", order=250
    )


@hooks.register("register_log_actions")
def organisers_log_actions(actions):
    audit.register(actions)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def log_legal_hold_changes(request, instance):
    if isinstance(instance, Initiative):
        audit.log_legal_hold(instance, request.user)


@hooks.register("construct_homepage_panels")
def collections_panel(request, panels):
    if request.user.has_perm(FOLLOW):
        panels.append(CollectionsPanel(request.user))
