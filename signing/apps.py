from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "signing"

    def ready(self):
        from django.db.models import Count, Sum

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
