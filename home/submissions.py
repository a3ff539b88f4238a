"""Wagtail's list of a contact page's submissions, with a CSV export a spreadsheet never runs:
what visitors typed goes out as text (core/spreadsheet.py), as the XLSX export already does
(Wagtail writes a cell openpyxl takes for a formula back as a string)."""

from wagtail.contrib.forms.views import SubmissionsListView

from core.spreadsheet import text_cell


class FormulaSafeSubmissionsListView(SubmissionsListView):
    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: text_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
