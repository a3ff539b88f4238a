from django.db import models


class PeriodicJobRun(models.Model):
    """When each periodic job (settings.PERIODIC_JOBS) last started and how it ended: the
    command that runs them (core/periodic.py) starts a job only when it is due by this row, so
    a missed minute or a restart of cron never skips a daily job, and two runners never run
    one job at once."""

    name = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    succeeded = models.BooleanField(null=True)

    class Meta:
        verbose_name = "periodic job run"  # never shown: no admin view lists them

    def __str__(self):
        return self.name
