from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslatorsConfig(AppConfig):
    """The translators' tools: the translation state report and compiling the catalogues."""

    name = "translators"
    verbose_name = _("Translation")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save
        from wagtail.models import Locale
        from wagtail_localize.models import TranslationLog

        from .drafts import keep_public_content
        from .groups import setup_groups
        from .languages import start_language_tree

        post_save.connect(start_language_tree, sender=Locale, dispatch_uid="start_language_tree")
        post_save.connect(
            keep_public_content, sender=TranslationLog, dispatch_uid="keep_public_content"
        )
        post_migrate.connect(setup_groups, sender=self, dispatch_uid="setup_groups")
