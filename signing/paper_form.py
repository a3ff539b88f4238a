"""The paper statement-of-support form of an initiative, for one member state and one language.

Regulation (EU) 2019/788, Annex III (Regulation (EU) No 211/2011, Annex III, for initiatives
under that regime): the registered facts of the initiative, the declaration, rows with exactly
the data that member state asks of its nationals (Part A or B: signing.rules, read by
`signatory_columns`), and the privacy statement (signing.legal_texts).

`form_content` gathers everything the form shows, as plain data in the reader's language;
`render_pdf` draws it, and only it: the content's digest (`content_digest`, with the identity of
the code and of the language's catalogue that drew it) says when a form must be drawn again
(signing.paper_form_views keeps the drawn forms by it). Drawing takes about 0.2 s of CPU, most
of it fpdf2 subsetting the fonts: never while a visitor waits (see docs/paper-forms.md).

Why fpdf2 and Fira Sans (requirements.txt): fpdf2 is pure Python (no system library for a
deployment to provide), well kept, embeds subsets of TrueType fonts, and sets the document's
language, title and outline; Fira Sans, from the Mozilla Foundation under the SIL Open Font
Licence, packaged on PyPI with its licence (fontpkg-fira-sans), covers the Latin, Greek and
Cyrillic letters of every official language (Maltese ħ ġ ċ ż, Romanian ș ț, the Baltic and
Irish letters), in static regular and bold cuts.
"""

import functools
import hashlib
import html
import importlib.metadata
import json
import re
from dataclasses import asdict, dataclass
from itertools import groupby
from pathlib import Path

import fontpkg_fira_sans
from django.utils import formats, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from fpdf import FPDF, ViewerPreferences
from fpdf.enums import XPos, YPos

from initiatives.countries import country_name
from initiatives.deadlines import regime_for

from . import legal_texts
from .rules import ADDRESS, IDENTIFICATION, RULES

FONT_DIR = fontpkg_fira_sans.ROOT / "files"
FONT = "FiraSans"
# A4 landscape: the rows of a Part A form need the width (name, address, date of birth, signature).
ORIENTATION, PAGE_FORMAT, MARGIN = "L", "A4", 12
ROW_HEIGHT = 10  # mm: room to write by hand
MIN_ROWS = 4
TEXT_SIZE, SMALL_SIZE, TITLE_SIZE = 9, 7.5, 13
# Data written on paper within another's column: the country outside the Union is the country
# of residence's own line.
ON_PAPER_WITHIN_ANOTHER = {"residence_other"}
WIDTHS = {"name": 3, "date": 2.2}  # shares of the table's width, by kind of datum


@dataclass(frozen=True)
class Column:
    heading: str
    detail: str  # what goes in it, in smaller type under the heading
    width: float  # a share of the table's width


def signatory_columns(country):
    """The columns a signatory fills in on this member state's form: the data of its statement
    as signing.rules declares them (CountryRule.fields), one column per datum, except that the
    address is one column (its lines listed under the heading) and the document with its number
    another; then the date and signature a paper form needs. The one place the paper form reads
    a member state's fields: a datum added to the declaration appears on the paper form too."""
    rule = RULES[country]
    columns = []
    for group, items in groupby(rule.fields, key=lambda item: item.group):
        items = [item for item in items if item.kind not in ON_PAPER_WITHIN_ANOTHER]
        if group == ADDRESS:
            lines = ", ".join(str(item.label) for item in items)
            columns.append(Column(_("Residence"), lines, 6.5))
        elif group == IDENTIFICATION:
            columns.append(document_column(rule))
        else:
            columns += [Column(str(item.label), "", WIDTHS.get(item.kind, 3)) for item in items]
    columns.append(Column(_("Date and signature"), "", 3))
    return columns


def document_column(rule):
    """Part B: the document's own name when the state accepts one, else the list of them."""
    labels = [str(identifier.label) for identifier in rule.identifiers]
    if len(labels) == 1:
        return Column(labels[0], "", 5)
    return Column(_("Document and its number"), " / ".join(labels), 5)


def plain_text(rich_text):
    """Wagtail rich text as plain paragraphs."""
    text = re.sub(r"</(p|h[1-6]|li)>|<br\s*/?>", "\n", rich_text or "")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _day(day):
    return formats.date_format(day, "DATE_FORMAT") if day else ""


def registered_points(initiative, page, country, organisers, website):
    """The numbered points above the signatories' rows, as the regime's Annex III lists them
    (2019/788's privacy statement refers to the register's address as point 4)."""
    contacts = "; ".join(
        f"{person.name} ({person.email})" if person.email else person.name
        for person in organisers
        if person.is_contact_person
    )
    nationals = (_("All signatories on this form are nationals of"), str(country_name(country)))
    number = (_("Registration number"), initiative.registration_number)
    register = (
        _("Web address of this initiative in the European Commission's register"),
        initiative.register_url,
    )
    title = (_("Title of this initiative"), page.title)
    objectives = (_("Objectives"), plain_text(page.objectives))
    contact_persons = (_("Names and e-mail addresses of the registered contact persons"), contacts)
    site = (_("Website of this initiative (if any)"), website)
    if regime_for(initiative).regulation == "Regulation (EU) 2019/788":
        window = " – ".join(
            filter(None, [_day(initiative.collection_start), _day(initiative.collection_end)])
        )
        return [
            nationals, number, (_("Start and end of the collection period"), window),
            register, title, objectives, contact_persons,
            (_("Name of the legal entity, if any"), ""), site,
        ]  # fmt: skip
    members = ", ".join(person.name for person in organisers if not person.is_contact_person)
    return [
        nationals, number, (_("Date of registration"), _day(initiative.registration_date)),
        register, title, (_("Subject matter"), page.subject_matter), objectives,
        contact_persons, (_("Names of the other registered organisers"), members), site,
    ]  # fmt: skip


def form_content(page, country, language, website, organisers=None):
    """Everything the form shows, in `language`: `page` is the initiative page whose registered
    text it carries (title, subject matter, objectives), `website` its address; `organisers`,
    the record's (read here if not given)."""
    initiative = page.initiative
    if organisers is None:
        organisers = list(initiative.organisers.all())
    with translation.override(language):
        part = RULES[country].part
        return {
            "language": language,
            "country": country,
            "registration_number": initiative.registration_number,
            "document_title": f"{_('Statement of support form')} – {initiative.registration_number}"
            f" – {country_name(country)}",
            "title": _("Statement of support form"),
            "part": _("Part %(part)s") % {"part": part},
            "mandatory": _("All fields on this form are mandatory."),
            "points": registered_points(initiative, page, country, organisers, website),
            "to_complete": _("To be completed by the signatories"),
            "declaration": legal_texts.declaration(initiative, language).text,
            "columns": [asdict(column) for column in signatory_columns(country)],
            "privacy_heading": capfirst(_("privacy statement")),
            "privacy_statement": legal_texts.privacy_statement(initiative, language).text,
        }


@functools.cache
def code_identity():
    """What drew a form, besides its content: this module, the legal texts, the rules and the
    PDF library. A change to any of them changes every digest."""
    digest = hashlib.sha256()
    for path in (Path(__file__), legal_texts.TEXTS_FILE, Path(__file__).with_name("rules.py")):
        digest.update(path.read_bytes())
    digest.update(importlib.metadata.version("fpdf2").encode())
    return digest.hexdigest()


@functools.cache
def catalogue_identity(language):
    """The language's compiled catalogue, whose labels the content already holds; kept in the
    digest so that a release with corrected translations draws its forms again."""
    from django.conf import settings

    digest = hashlib.sha256()
    for folder in settings.LOCALE_PATHS:
        catalogue = Path(folder) / language / "LC_MESSAGES" / "django.mo"
        if catalogue.exists():
            digest.update(catalogue.read_bytes())
    return digest.hexdigest()


def content_digest(content):
    serialised = json.dumps(content, ensure_ascii=False, sort_keys=True)
    identity = code_identity() + catalogue_identity(content["language"])
    return hashlib.sha256((identity + serialised).encode()).hexdigest()[:32]


class FormDocument(FPDF):
    def __init__(self, content):
        super().__init__(orientation=ORIENTATION, unit="mm", format=PAGE_FORMAT)
        self.content = content
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 4)
        self.add_font(FONT, "", FONT_DIR / "FiraSans-Regular.ttf")
        self.add_font(FONT, "B", FONT_DIR / "FiraSans-Bold.ttf")
        # Accessibility: the document's language and title, shown by readers instead of the
        # file name, and an outline of its parts.
        self.set_lang(content["language"])
        self.set_title(content["document_title"])
        self.set_subject(content["title"])
        self.set_creator("eci-site")
        self.set_display_mode("fullwidth")
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.alias_nb_pages()

    def footer(self):
        self.set_y(-MARGIN)
        self.set_font(FONT, "", SMALL_SIZE)
        country = self.content["country"]
        self.cell(
            0, 4,
            f"{self.content['registration_number']} · {self.content['part']} · {country} · "
            f"{self.page_no()}/{{nb}}",
            align="R",
        )  # fmt: skip

    def paragraph(self, text, size=TEXT_SIZE, style="", height=None):
        self.set_font(FONT, style, size)
        # Ragged right: justified small type is harder to read.
        self.multi_cell(
            0, height or size * 0.48, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def text_height(self, text, size):
        self.set_font(FONT, "", size)
        lines = self.multi_cell(0, size * 0.48, text, align="L", dry_run=True, output="LINES")
        return len(lines) * size * 0.48


def render_pdf(content):
    """The form as PDF bytes, drawn from `content` (form_content) alone."""
    pdf = FormDocument(content)
    pdf.add_page()
    pdf.start_section(content["title"])
    pdf.paragraph(f"{content['title']} – {content['part']}", TITLE_SIZE, "B")
    pdf.paragraph(content["mandatory"], SMALL_SIZE)
    pdf.ln(1.5)
    for number, (label, value) in enumerate(content["points"], start=1):
        pdf.set_font(FONT, "B", TEXT_SIZE)
        pdf.write(4.4, f"{number}. {label}: ")
        pdf.set_font(FONT, "", TEXT_SIZE)
        pdf.write(4.4, value or "—")
        pdf.ln(5)
    pdf.ln(1)
    pdf.start_section(content["to_complete"])
    pdf.paragraph(content["to_complete"], TEXT_SIZE, "B")
    pdf.paragraph(content["declaration"], TEXT_SIZE)
    pdf.ln(1.5)
    draw_rows(pdf, content)
    pdf.ln(2)
    pdf.start_section(content["privacy_heading"])
    pdf.paragraph(content["privacy_heading"], SMALL_SIZE + 0.5, "B")
    pdf.paragraph(content["privacy_statement"], SMALL_SIZE)
    return bytes(pdf.output())


def draw_rows(pdf, content):
    """The signatories' table: its headings, then as many empty rows as fill the page above the
    privacy statement (at least MIN_ROWS)."""
    columns = content["columns"]
    total = sum(column["width"] for column in columns)
    widths = [pdf.epw * column["width"] / total for column in columns]
    heading_height = max(
        header_height(pdf, column, width) for column, width in zip(columns, widths, strict=True)
    )
    privacy = pdf.text_height(content["privacy_statement"], SMALL_SIZE) + 8
    room = pdf.h - pdf.b_margin - pdf.get_y() - heading_height - privacy
    rows = max(MIN_ROWS, int(room // ROW_HEIGHT))
    draw_headings(pdf, columns, widths, heading_height)
    for _row in range(rows):
        if pdf.will_page_break(ROW_HEIGHT):
            pdf.add_page()
            draw_headings(pdf, columns, widths, heading_height)
        x = pdf.l_margin
        for width in widths:
            pdf.rect(x, pdf.get_y(), width, ROW_HEIGHT)
            x += width
        pdf.ln(ROW_HEIGHT)


def header_height(pdf, column, width):
    pdf.set_font(FONT, "B", SMALL_SIZE + 0.5)
    lines = len(pdf.multi_cell(width - 2, 3.6, column["heading"], dry_run=True, output="LINES"))
    if column["detail"]:
        pdf.set_font(FONT, "", SMALL_SIZE - 0.5)
        lines += len(pdf.multi_cell(width - 2, 3.6, column["detail"], dry_run=True,
                                    output="LINES"))  # fmt: skip
    return lines * 3.6 + 2


def draw_headings(pdf, columns, widths, height):
    top, x = pdf.get_y(), pdf.l_margin
    pdf.set_fill_color(235, 235, 235)
    for column, width in zip(columns, widths, strict=True):
        pdf.rect(x, top, width, height, style="DF")
        pdf.set_xy(x + 1, top + 1)
        pdf.set_font(FONT, "B", SMALL_SIZE + 0.5)
        pdf.multi_cell(width - 2, 3.6, column["heading"], new_x=XPos.LEFT, new_y=YPos.NEXT)
        if column["detail"]:
            pdf.set_font(FONT, "", SMALL_SIZE - 0.5)
            pdf.multi_cell(width - 2, 3.6, column["detail"], new_x=XPos.LEFT, new_y=YPos.NEXT)
        x += width
    pdf.set_xy(pdf.l_margin, top + height)
