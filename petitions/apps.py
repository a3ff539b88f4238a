from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from core.access import ensure_organisers_group
        from core.content_version import invalidate_on_change, read_as_counts

        from .models import PaperBatch, Petition, PetitionPartner, PublicSignature, Signature

        # Each petition has its organisers' group (core.access).
        post_save.connect(ensure_organisers_group, sender=Petition)

        # What the petition pages read (tests/demo/test_cached_pages_read.py).
        invalidate_on_change(Petition, "petition")
        invalidate_on_change(PetitionPartner, "petition-partner")
        read_as_counts(Signature, "a petition's count of signatures")
        read_as_counts(PaperBatch, "a petition's count of signatures collected on paper")
        # A moderator's decision shows when the page is renewed, as a new signature does.
        read_as_counts(PublicSignature, "the names and comments a petition page shows")
