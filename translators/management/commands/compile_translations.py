"""Compile every locale/<lang>/LC_MESSAGES/*.po into its .mo file with polib.

Django's own compilemessages needs GNU gettext's msgfmt, which a fresh machine lacks; polib is a
small, well-kept pure-Python library that writes the same binary format.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the .po files under LOCALE_PATHS into .mo files (no gettext tools needed)."

    def handle(self, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} translation file(s).")
