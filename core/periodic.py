"""Every periodic job of the site, run by one command (`manage.py run_periodic_jobs`) that cron
or a systemd timer calls every minute (docs/operations.md, "Periodic jobs").

The jobs are declared once, in settings.PERIODIC_JOBS: a management command, its arguments,
and either `every` (seconds) or `daily_at` ("HH:MM", the site's time zone). A job is due when
it has never run, when `every` has passed since it last started, or when today's `daily_at` has
come and it has not started since. Each start is claimed by one UPDATE of its PeriodicJobRun
row, so two runners (a slow minute overlapping the next) never run one job twice. What a job
changes reaches every process through the content version (core/content_version.py), in the
shared cache: a page published on schedule is seen by every worker at once.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from .models import PeriodicJobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    args: tuple = ()
    every: int | None = None
    daily_at: str | None = None

    def due_since(self, now):
        """The latest start time at or before which a run makes this job not due."""
        if self.every is not None:
            return now - datetime.timedelta(seconds=self.every)
        hour, minute = (int(part) for part in self.daily_at.split(":"))
        local = timezone.localtime(now)
        today = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return today if local >= today else today - datetime.timedelta(days=1)


def jobs():
    return [
        Job(name=name, command=spec.get("command", name), args=tuple(spec.get("args", ())),
            every=spec.get("every"), daily_at=spec.get("daily_at"))
        for name, spec in settings.PERIODIC_JOBS.items()
    ]  # fmt: skip


def claim(job, now, force=False):
    """Mark `job` started at `now` if it is due (or `force`); True when this runner got it. A
    run that never finished (a killed runner) holds its job for a day at most."""
    PeriodicJobRun.objects.get_or_create(name=job.name)
    rows = PeriodicJobRun.objects.filter(name=job.name)
    if not force:
        finished = Q(finished_at__isnull=False) | Q(started_at__lt=now - datetime.timedelta(days=1))
        rows = rows.filter(
            Q(started_at__isnull=True) | Q(started_at__lt=job.due_since(now)) & finished
        )
    return rows.update(started_at=now, finished_at=None, succeeded=None) == 1


def run_due_jobs(now=None, only=None, stdout=None):
    """Run each due job (or the job named `only`, due or not); [(name, succeeded)]."""
    now = now or timezone.now()
    results = []
    for job in jobs():
        if only is not None and job.name != only:
            continue
        if not claim(job, now, force=only is not None):
            continue
        succeeded = True
        try:
            call_command(job.command, *job.args, stdout=stdout, verbosity=0)
        except Exception:  # one failing job must not stop the others; its traceback is logged
            logger.exception("periodic job %s failed", job.name)
            succeeded = False
        PeriodicJobRun.objects.filter(name=job.name).update(
            finished_at=timezone.now(), succeeded=succeeded
        )
        results.append((job.name, succeeded))
    return results
