"""Print each page's translation state per content language (see translators/state.py).

For a spreadsheet, export the admin's report (Reports → Translation state: CSV or XLSX).
"""

from django.core.management.base import BaseCommand

from translators.state import COMPLETE, translation_state


class Command(BaseCommand):
    help = "Each page's translation state per content language: missing, out of date, complete."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="only this language (repeatable)")
        parser.add_argument(
            "--incomplete", action="store_true", help="only pages with something to do"
        )

    def handle(self, *args, language=None, incomplete=False, **options):
        rows = translation_state(language)
        languages = sorted(rows[0].cells) if rows else []
        if incomplete:
            rows = [row for row in rows if any(c.state != COMPLETE for c in row.cells.values())]
        for row in rows:
            states = "  ".join(f"{code}: {_describe(row.cells[code])}" for code in languages)
            indent = "  " * (row.page.depth - 2)
            self.stdout.write(f"{indent}{row.page.title} (#{row.page.pk})  {states}")
        todo = sum(1 for row in rows for cell in row.cells.values() if cell.state != COMPLETE)
        self.stdout.write(f"{len(rows)} page(s); {todo} translation(s) to do.")


def _describe(cell):
    text = str(cell.label).lower()
    if cell.total and cell.translated < cell.total:
        text += f" {cell.translated}/{cell.total}"
    return text
