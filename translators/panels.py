"""The admin home's panel for translators: per content language, how many pages are complete
and how many wait for a translator or a reviewer (the translation state report, summed)."""

from collections import Counter

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .state import COMPLETE, LABELS, translation_state


class TranslationStatePanel(Component):
    name = "translation_state"
    title = _("Translation state")
    order = 60
    template_name = "translators/home_panel.html"

    def get_context_data(self, parent_context=None):
        per_language = {}
        for row in translation_state():
            for code, cell in row.cells.items():
                per_language.setdefault(code, Counter())[cell.state] += 1
        languages = [
            {
                "code": code,
                "complete": counts[COMPLETE],
                "total": sum(counts.values()),
                "to_do": [
                    (LABELS[state], n) for state, n in sorted(counts.items()) if state != COMPLETE
                ],
            }
            for code, counts in sorted(per_language.items())
        ]
        return {
            "languages": languages,
            "title": self.title,
            "report_url": reverse("translation_state"),
        }
