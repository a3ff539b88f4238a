"""Reports → Translation state: every page against every content language, with Wagtail's own
CSV and XLSX export."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from .state import translation_state


class TranslationStateReport(ReportView):
    page_title = _("Translation state")
    header_icon = "globe"
    results_template_name = "translators/translation_state_results.html"
    index_url_name = "translation_state"
    index_results_url_name = "translation_state_results"
    export_filename = "translation-state"
    # Whoever may edit pages may see where their translations stand.
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]

    def get_queryset(self):
        return translation_state()

    @cached_property
    def languages(self):
        rows = self.get_queryset()
        return sorted(rows[0].cells) if rows else []

    @property
    def list_export(self):
        return ["page.title", *(f"cells.{code}.label" for code in self.languages)]

    @property
    def export_headings(self):
        return {
            "page.title": _("Page"),
            **{f"cells.{code}.label": code for code in self.languages},
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(languages=self.languages, **kwargs)
