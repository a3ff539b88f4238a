"""The site identity in the admin: drafts, revisions and a preview of the header and footer."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteIdentity


class SiteIdentityViewSet(SnippetViewSet):
    model = SiteIdentity
    icon = "site"
    list_display = ["site_name", "tagline"]
    add_to_admin_menu = True
    menu_order = 800


register_snippet(SiteIdentityViewSet)
