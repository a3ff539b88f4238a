"""Where each page stands in each content language: missing, not translated, out of date, in
progress, translated but not published, complete.

Read from wagtail-localize's own records: a translation is *out of date* when its source page
was published after the source was last synced to translators (wagtail-localize's "Sync
translated pages" clears it), *in progress* while some of its strings have no translation, and
*complete* otherwise. A page without a version in a language is *missing*; a version that is
an alias of its source (the mirror wagtail-localize keeps in a synchronised locale until someone
translates the page: translators/languages.py) is *not translated*, whatever it shows.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

MISSING, NOT_TRANSLATED, OUT_OF_DATE, IN_PROGRESS, NOT_PUBLISHED, COMPLETE = (
    "missing", "not_translated", "out_of_date", "in_progress", "not_published", "complete",
)  # fmt: skip
LABELS = {
    MISSING: _("Missing"),
    NOT_TRANSLATED: _("Not translated (shows the source)"),
    OUT_OF_DATE: _("Out of date"),
    IN_PROGRESS: _("In progress"),
    NOT_PUBLISHED: _("Translated, not published"),
    COMPLETE: _("Complete"),
}


@dataclass
class Cell:
    state: str
    page_id: int | None = None
    translated: int = 0
    total: int = 0

    @property
    def label(self):
        return LABELS[self.state]


@dataclass
class Row:
    page: Page
    cells: dict = field(default_factory=dict)  # language code -> Cell


def translation_state(languages=None):
    """[Row] for every page of the default language below the root, in tree order."""
    default = Locale.get_default()
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.exclude(pk=default.pk)
        if languages is None or locale.language_code in languages
    }
    pages = list(
        Page.objects.filter(locale=default, depth__gt=1)
        .order_by("path")
        .only("id", "title", "depth", "path", "translation_key", "last_published_at", "locale_id")
    )
    keys = [page.translation_key for page in pages]
    versions = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            translation_key__in=keys, locale__in=locales.values()
        ).values(
            "id", "translation_key", "locale_id", "live", "has_unpublished_changes", "alias_of_id"
        )
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    source_ids = [source.pk for source in sources.values()]
    translations = set(
        Translation.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "target_locale_id"
        )
    )
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    translated = {}
    for locale in locales.values():
        rows = (
            StringSegment.objects.filter(
                source_id__in=source_ids,
                string__translations__locale=locale,
                string__translations__context_id=F("context_id"),
                string__translations__has_error=False,
            )
            .values("source_id")
            .annotate(n=Count("id"))
        )
        for row in rows:
            translated[(row["source_id"], locale.pk)] = row["n"]

    report = []
    for page in pages:
        row = Row(page)
        source = sources.get(page.translation_key)
        for code, locale in locales.items():
            version = versions.get((page.translation_key, locale.pk))
            row.cells[code] = _cell(page, version, source, locale, translations, totals, translated)
        report.append(row)
    return report


def _cell(page, version, source, locale, translations, totals, translated):
    if version is None:
        return Cell(MISSING)
    if version["alias_of_id"]:
        return Cell(NOT_TRANSLATED, version["id"], 0, totals.get(source.pk, 0) if source else 0)
    if source is None or (source.pk, locale.pk) not in translations:
        # Translated by hand, outside wagtail-localize: only its publication can be told.
        return Cell(COMPLETE if version["live"] else NOT_PUBLISHED, version["id"])
    total = totals.get(source.pk, 0)
    done = translated.get((source.pk, locale.pk), 0)
    cell = Cell(COMPLETE, version["id"], done, total)
    if page.last_published_at and page.last_published_at > source.last_updated_at:
        cell.state = OUT_OF_DATE
    elif done < total:
        cell.state = IN_PROGRESS
    elif not version["live"] or version["has_unpublished_changes"]:
        cell.state = NOT_PUBLISHED
    return cell
