"""The open counts of an initiative (initiatives.open_counts) as JSON and CSV: public, cached
like the pages that show the same figures, readable from any origin."""

import csv
import datetime
import io

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.http import http_date
from django.utils.text import slugify

from core.page_cache import is_restricted, public_page
from core.spreadsheet import text_cell

from .figures import collects_centrally
from .models import Initiative
from .open_counts import country_rows, day_rows, open_counts, partner_rows, reading_rows

# A rendered readings.csv is kept until the next reading (a year of readings is some MB).
READINGS_CSV_SECONDS = 24 * 3600

TEST_COLUMN = "test_collection"


def _published_initiative(registration_number):
    """Only an initiative with a live page that anyone may read has public counts (a page still
    behind a password before its launch publishes nothing)."""
    initiative = (
        Initiative.objects.filter(registration_number=registration_number, pages__live=True)
        .distinct()
        .first()
    )
    if initiative is None or all(
        is_restricted(page) for page in initiative.pages.filter(live=True)
    ):
        raise Http404
    return initiative


def _open(response, counts):
    """Readable cross-origin without credentials, stamped with when the figures were taken."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    taken_at = datetime.datetime.fromisoformat(counts["taken_at"])
    response.headers["Last-Modified"] = http_date(taken_at.timestamp())
    return response


@public_page("counts")
def counts_json(request, registration_number):
    counts = open_counts(_published_initiative(registration_number))
    return _open(JsonResponse(counts, json_dumps_params={"ensure_ascii": False}), counts)


def _csv_response(registration_number, suffix, test=""):
    """An attachment named after the initiative; a test collection's name begins with test-."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{'test-' if test else ''}{slugify(registration_number)}-{suffix}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _csv_view(rows, suffix, part=None):
    """A view of the CSV file `rows` writes; with `part`, only where the counts have that part
    (the per-partner figures, published only where the editors allow it)."""

    @public_page("counts")
    def view(request, registration_number):
        counts = open_counts(_published_initiative(registration_number))
        if part is not None and part not in counts:
            raise Http404
        test = counts["test_collection"] or ""
        response = _csv_response(registration_number, suffix, test)
        # Partner names are editors' free text: never a formula in the reader's spreadsheet.
        # Every row says whether the figures are a test collection's (its purpose) or not ("").
        table = rows(counts)
        marked = [[*next(table), TEST_COLUMN], *([*row, test] for row in table)]
        csv.writer(response).writerows([text_cell(cell) for cell in row] for row in marked)
        return _open(response, counts)

    view.__name__ = f"counts_{suffix}_csv"
    return view


counts_by_country_csv = _csv_view(country_rows, "countries")
counts_by_day_csv = _csv_view(day_rows, "days")
counts_by_partner_csv = _csv_view(partner_rows, "partners", part="partners")


@public_page("counts")
def counts_readings_csv(request, registration_number):
    """Every reading of the central system (initiatives.open_counts.reading_rows), written once
    per reading: kept under the last reading's id, which the counts snapshot holds."""
    initiative = _published_initiative(registration_number)
    if not collects_centrally(initiative):
        raise Http404
    counts = open_counts(initiative)
    key = f"readings-csv:{initiative.pk}:{counts['read_at']}"
    body = cache.get(key)
    if body is None:
        buffer = io.StringIO()
        csv.writer(buffer).writerows(reading_rows(initiative))
        body = buffer.getvalue().encode()
        cache.set(key, body, READINGS_CSV_SECONDS)
    response = _csv_response(registration_number, "readings")
    response.write(body)
    return _open(response, counts)
