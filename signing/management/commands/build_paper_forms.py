"""Draw the paper forms missing from the cache (signing.paper_form_views), here and now.

After a deployment (a new release draws every form anew: the code is in each digest) and from
cron, so that readers find the forms drawn even after the cache was emptied. Forms of the
initiatives' page languages by default; `--all-languages` adds every interface language. With a
cache of the process's own (`make run`'s), it draws nothing: the site's process would not see it.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.base import BaseCommand

from initiatives.models import Initiative
from signing.paper_form_views import build, contents_of, missing


class Command(BaseCommand):
    help = "Draw the paper statement-of-support forms missing from the cache."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all-languages", action="store_true",
            help="also the interface languages that have no page of the initiative",
        )  # fmt: skip

    def handle(self, all_languages=False, **options):
        if isinstance(caches["default"], LocMemCache | DummyCache):
            self.stderr.write(
                "The cache is this process's own: forms drawn here would not reach the site's "
                "processes, which draw each form when it is first asked for. Nothing drawn."
            )
            return
        languages = [code for code, _name in settings.LANGUAGES] if all_languages else None
        started, drawn, kept = time.perf_counter(), 0, 0
        for initiative in Initiative.objects.filter(pages__live=True).distinct():
            contents = contents_of(initiative, languages)
            to_draw = missing(contents)
            drawn += build(to_draw)
            kept += len(contents) - len(to_draw)
        seconds = time.perf_counter() - started
        each = f" ({seconds / drawn * 1000:.0f} ms each)" if drawn else ""
        self.stdout.write(
            f"Drew {drawn} paper forms in {seconds:.1f} s{each}; {kept} were drawn already."
        )
