from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site's own pages and chrome: home, standard and contact pages, the site identity,
    menus, language switcher, breadcrumbs, search, sitemaps and error pages."""

    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from core.content_version import invalidate_on_change

        from .models import SiteIdentity

        # The cached site chrome (templates/base.html) shows the site identity.
        invalidate_on_change(SiteIdentity, "site-identity")
