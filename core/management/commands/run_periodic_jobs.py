from django.core.management.base import BaseCommand, CommandError

from core.models import PeriodicJobRun
from core.periodic import jobs, run_due_jobs


class Command(BaseCommand):
    help = "Run every periodic job that is due (settings.PERIODIC_JOBS); call it every minute."

    def add_arguments(self, parser):
        parser.add_argument("--job", help="run this job now, due or not")
        parser.add_argument("--list", action="store_true", help="list the jobs and their runs")

    def handle(self, *args, job=None, list=False, **options):
        if list:
            runs = {run.name: run for run in PeriodicJobRun.objects.all()}
            for declared in jobs():
                run = runs.get(declared.name)
                when = (
                    f"every {declared.every} s"
                    if declared.every
                    else f"daily at {declared.daily_at}"
                )
                last = (
                    f"last started {run.started_at:%Y-%m-%d %H:%M}, "
                    + ("running" if run.succeeded is None else "ok" if run.succeeded else "FAILED")
                    if run and run.started_at
                    else "never run"
                )
                self.stdout.write(f"{declared.name:32} {when:20} {last}")
            return
        if job is not None and job not in {declared.name for declared in jobs()}:
            raise CommandError(f"No periodic job {job!r}; see --list.")
        results = run_due_jobs(only=job, stdout=self.stdout)
        for name, succeeded in results:
            self.stdout.write(f"{name}: {'ok' if succeeded else 'FAILED'}")
        if not all(succeeded for _name, succeeded in results):
            raise CommandError("A periodic job failed; its traceback is in the log.")
