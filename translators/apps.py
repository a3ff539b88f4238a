from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslatorsConfig(AppConfig):
    """The translators' tools: the translation state report and compiling the catalogues."""

    name = "translators"
    verbose_name = _("Translation")
