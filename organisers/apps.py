from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisersConfig(AppConfig):
    """The organisers' side: collection dashboard, encrypted bundles, offline export, deletion."""

    name = "organisers"
    verbose_name = _("Organisers")
