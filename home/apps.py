from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site's own pages and chrome: home, standard and contact pages, the site identity,
    menus, language switcher, breadcrumbs, search, sitemaps and error pages."""

    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale
        from wagtail.signals import page_published

        from core.content_version import invalidate_on_change

        from .models import (
            ContactFormField,
            HomeFeaturedInitiative,
            SiteIdentity,
            UntranslatedFields,
        )
        from .templatetags.site_tags import forget_locale_languages
        from .untranslated import record_untranslated_fields

        # The cached site chrome (templates/base.html) shows the site identity.
        invalidate_on_change(SiteIdentity, "site-identity")
        # Rows of published pages (written when a page is published, which sets a new version
        # too): declared for what they are, content.
        invalidate_on_change(ContactFormField, "contact-form-field")
        invalidate_on_change(HomeFeaturedInitiative, "home-featured-initiative")
        invalidate_on_change(UntranslatedFields, "untranslated-fields")
        for signal in (post_save, post_delete):
            signal.connect(forget_locale_languages, sender=Locale, dispatch_uid="locale-languages")
        page_published.connect(record_untranslated_fields, dispatch_uid="untranslated-fields")
