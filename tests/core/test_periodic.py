"""Every periodic job in one place, run by one command (issue 24): each is due on its own
schedule, a scheduled page is published by it, and a single-process site sees what the jobs'
process changed."""

import datetime
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands
from django.test import override_settings
from django.utils import timezone

from core.content_version import current_version
from core.periodic import run_due_jobs
from tests.factories import StandardPageFactory
from tests.harness import ROOT, remove_site_environment, site_environment

pytestmark = pytest.mark.django_db

MONDAY_NOON = timezone.make_aware(datetime.datetime(2026, 12, 7, 12, 0))


def ran(now, **kwargs):
    return {name for name, _ok in run_due_jobs(now=now, **kwargs)}


def test_every_declared_job_is_a_command_of_the_site():
    assert set(settings.PERIODIC_JOBS) >= {
        "publish_scheduled", "send_queued_mail", "destroy_expired_statements",
        "shuffle_mailing_list", "captcha_clean", "read_central_system", "build_paper_forms",
        "destroy_unconfirmed_signatures",
    }  # fmt: skip
    commands = get_commands()
    for name, spec in settings.PERIODIC_JOBS.items():
        assert spec.get("command", name) in commands, name


def test_each_job_runs_when_due_and_once():
    everything = set(settings.PERIODIC_JOBS)
    assert ran(MONDAY_NOON) == everything  # never run: all are due
    assert ran(MONDAY_NOON + datetime.timedelta(seconds=30)) == set()
    assert ran(MONDAY_NOON + datetime.timedelta(seconds=61)) == {
        "publish_scheduled", "send_queued_mail", "read_central_system",
    }  # fmt: skip
    assert "captcha_clean" in ran(MONDAY_NOON + datetime.timedelta(minutes=6))
    # Daily jobs: once after their time of day, even when the runner missed that minute.
    at_two = ran(MONDAY_NOON + datetime.timedelta(hours=14))  # 02:00 the next day
    assert "shuffle_mailing_list" in at_two  # daily at 00:30: that minute was missed
    assert "destroy_expired_statements" not in at_two  # daily at 03:15
    assert "build_paper_forms" in at_two  # every 30 minutes
    at_four = ran(MONDAY_NOON + datetime.timedelta(hours=16))
    assert "destroy_expired_statements" in at_four
    assert "shuffle_mailing_list" not in at_four
    assert "destroy_expired_statements" not in ran(
        MONDAY_NOON + datetime.timedelta(hours=36)  # 00:00 the day after: not 03:15 yet
    )


@override_settings(PERIODIC_JOBS={"broken": {"command": "no_such_command", "every": 60},
                                  "send_queued_mail": {"every": 60}})  # fmt: skip
def test_a_failing_job_does_not_stop_the_others():
    assert dict(run_due_jobs(now=MONDAY_NOON)) == {"broken": False, "send_queued_mail": True}
    with pytest.raises(Exception, match="A periodic job failed"):
        call_command("run_periodic_jobs", "--job", "broken")


def test_the_command_publishes_a_scheduled_page_and_every_process_sees_it(home_page):
    page = StandardPageFactory(parent=home_page, title="Soon", publish=False)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])
    before = current_version()
    call_command("run_periodic_jobs")
    page.refresh_from_db()
    assert page.live
    assert current_version() != before


def test_a_single_process_site_shares_its_cache_with_the_jobs_process():
    """The server and `run_periodic_jobs` are two processes: a version one sets, the other
    reads (with a per-process memory cache, the server kept its old pages)."""
    env = site_environment(SINGLE_PROCESS="true")
    env.pop("REDIS_URL", None)
    script = (
        "import django; django.setup();"
        "from core.content_version import new_version, current_version;"
        "import sys; sys.argv[1] == 'set' and new_version(); print(current_version())"
    )
    try:
        versions = [
            subprocess.run(
                [sys.executable, "-c", script, step], cwd=ROOT, env=env, check=True,
                capture_output=True, text=True, timeout=120,
            ).stdout.strip()
            for step in ("set", "read")
        ]  # fmt: skip
    finally:
        remove_site_environment(env)
    assert versions[0] and versions[0] == versions[1]
