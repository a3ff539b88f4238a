from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "signing"

    def ready(self):
        from django.db.models import Count, Sum

        from core.content_version import read_as_counts
        from initiatives.daily import ONLINE, forget_past_days_on_change, register_online_days
        from initiatives.figures import register_paper_duplicates

        from . import checks  # noqa: F401 - registers the deployment checks
        from .models import DestroyedStatements, FlaggedPaperForms, Statement

        # The days of the statements stored here, and of those destroyed, for the charts and
        # the open counts (initiatives may not import this app).
        # Keyed-in paper statements are counted by their batches (initiatives.PaperBatch), not here.
        register_online_days(
            Statement.objects.filter(channel=Statement.Channel.ONLINE), Count("id")
        )
        register_online_days(DestroyedStatements.objects.all(), Sum("count"))
        # A destruction moves the past days' statements into DestroyedStatements.
        forget_past_days_on_change(DestroyedStatements, ONLINE)
        # A keyed-in paper form flagged as a duplicate is in a batch, but its signer already
        # counts: the paper figures leave it out.
        register_paper_duplicates(FlaggedPaperForms)
        for model in (Statement, DestroyedStatements, FlaggedPaperForms):
            read_as_counts(model, "the online and paper figures and the days of the chart")
        connect_paper_forms()


def connect_paper_forms():
    """Draw an initiative's paper forms again once a change they show has committed: the record,
    its organisers, or one of its pages published (signing.paper_form_views)."""
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    from initiatives.models import Initiative, InitiativePage, Organiser

    from .paper_form_views import build_after_change

    def record_saved(sender, instance, **kwargs):
        build_after_change(instance.pk)

    def organiser_saved(sender, instance, **kwargs):
        build_after_change(instance.initiative_id)

    def page_changed(sender, instance, **kwargs):
        build_after_change(instance.initiative_id)

    post_save.connect(record_saved, sender=Initiative, weak=False,
                      dispatch_uid="paper-forms-record")  # fmt: skip
    post_save.connect(organiser_saved, sender=Organiser, weak=False,
                      dispatch_uid="paper-forms-organiser")  # fmt: skip
    page_published.connect(page_changed, sender=InitiativePage, weak=False,
                           dispatch_uid="paper-forms-page")  # fmt: skip
