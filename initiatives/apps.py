from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    """The registered initiatives, their pages, thresholds and progress."""

    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from core.access import ensure_organisers_group
        from core.content_version import invalidate_on_change, read_as_counts

        from . import checks  # noqa: F401  (registers the law's route check)
        from .daily import CENTRAL, PAPER, forget_past_days_on_change
        from .models import (
            CentralReading,
            ExternalCount,
            Initiative,
            InitiativeTopic,
            Organiser,
            PaperBatch,
            Partner,
            RegisteredText,
            SupportCounter,
            Topic,
        )

        # Each initiative has its organisers' group (core.access).
        post_save.connect(ensure_organisers_group, sender=Initiative)

        # Initiative pages and the signing path cache what they read of the record.
        invalidate_on_change(Initiative, "initiative")
        invalidate_on_change(Partner, "initiative-partner")
        invalidate_on_change(Organiser, "initiative-organiser")
        invalidate_on_change(ExternalCount, "initiative-external-count")
        # The index's filter and each page's topics.
        invalidate_on_change(Topic, "topic")
        invalidate_on_change(RegisteredText, "registered-text")
        invalidate_on_change(InitiativeTopic, "initiative-topic")
        for model in (SupportCounter, PaperBatch, CentralReading):
            read_as_counts(model, "the counts: a snapshot renewed every third of the setting")
        # The chart's and the open counts' past days are kept apart from the content version.
        forget_past_days_on_change(PaperBatch, PAPER)
        forget_past_days_on_change(CentralReading, CENTRAL)
