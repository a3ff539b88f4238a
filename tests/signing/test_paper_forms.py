"""The paper statement-of-support forms: one PDF per member state and language, drawn from the
record (signing/paper_form.py), kept by what it shows and never drawn while a reader waits
(signing/paper_form_views.py), linked from the initiative page and the organisers' dashboard."""

import dataclasses
import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from initiatives.models import Organiser
from signing import legal_texts, paper_form_views, rules
from signing.paper_form import content_digest, form_content, render_pdf, signatory_columns
from signing.rules import RULES
from tests.factories import OrganiserFactory, translate_tree

from ..organisers.helpers import admin_user

pytestmark = pytest.mark.django_db
WEBSITE = "https://initiatives.example.org/en/initiatives/clean-air/"


def squeezed(text):
    """Text without its white space: a PDF's lines break where the layout breaks them."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def labels(language, *msgids):
    with translation.override(language):
        return [gettext(msgid) for msgid in msgids]


class DrawnAtOnce:
    """threading.Thread for the views, run in the caller's thread: a test sees the form drawn
    as soon as the view has asked for it."""

    def __init__(self, target, args=(), **kwargs):
        self.target, self.args = target, args

    def start(self):
        self.target(*self.args)


@pytest.fixture
def drawn_at_once(monkeypatch):
    monkeypatch.setattr(paper_form_views.threading, "Thread", DrawnAtOnce)


@pytest.mark.parametrize("language", ["en", "bg", "el"])
def test_each_member_states_form_holds_the_number_and_exactly_that_states_fields(
    initiative_page, language
):
    initiative = initiative_page.initiative
    date_of_birth, residence = labels(language, "Date of birth", "Residence")
    declaration = squeezed(legal_texts.declaration(initiative, language).text)
    privacy = squeezed(legal_texts.privacy_statement(initiative, language).text)
    for country, rule in RULES.items():
        content = form_content(initiative_page, country, language, WEBSITE)
        text = pdf_text(render_pdf(content))
        flat = squeezed(text)
        assert initiative.registration_number in text, country
        assert declaration in flat and privacy[:200] in flat, country
        with translation.override(language):
            documents = [str(identifier.label) for identifier in rule.identifiers]
        if rule.part == "A":
            assert squeezed(date_of_birth) in flat and squeezed(residence) in flat, country
            assert not documents
        else:
            assert squeezed(date_of_birth) not in flat and squeezed(residence) not in flat, country
            assert all(squeezed(document) in flat for document in documents), country
            own = [squeezed(document) for document in documents]
            with translation.override(language):
                other_documents = {
                    squeezed(str(identifier.label))
                    for other in RULES.values()
                    for identifier in other.identifiers
                }
            # Another state's document, unless its name is part of this state's own
            # ("Personal number" in "Personal number (EGN)").
            others = [label for label in other_documents if not any(label in o for o in own)]
            assert not [label for label in others if label in flat], country


def test_the_rows_ask_exactly_what_the_rules_ask():
    with translation.override("en"):
        germany = signatory_columns("DE")
        bulgaria = [column.heading for column in signatory_columns("BG")]
        portugal = signatory_columns("PT")
    assert [column.heading for column in germany] == [
        "Full first names", "Family names", "Residence", "Date of birth", "Date and signature"
    ]  # fmt: skip
    assert germany[2].detail == "Street, Street number, Postal code, City, Country of residence"
    assert bulgaria == [
        "Full first names", "Family names", "Personal number (EGN)", "Date and signature"
    ]  # fmt: skip
    assert portugal[2].detail.split(" / ") == [
        "Citizen card", "Identity card (bilhete de identidade)", "Passport"
    ]  # fmt: skip


def test_a_datum_added_to_the_declaration_is_asked_on_paper_too(monkeypatch):
    """The rules table declares each datum once (signing.rules.CountryRule.fields): a second
    address line added there appears in the Part A form's residence column."""
    line = dataclasses.replace(rules.PART_A_FIELDS[2], name="address_line_2",
                               label="Address line 2")  # fmt: skip
    monkeypatch.setattr(rules, "PART_A_FIELDS", (*rules.PART_A_FIELDS[:3], line,
                                                 *rules.PART_A_FIELDS[3:]))  # fmt: skip
    with translation.override("en"):
        residence = signatory_columns("FR")[2]
        bulgaria = signatory_columns("BG")
    assert "Street, Address line 2, Street number" in residence.detail
    assert not any("Address line 2" in column.detail for column in bulgaria)


def test_the_form_is_the_pages_language_and_the_regimes_texts(initiative_page):
    pages = translate_tree(initiative_page, "bg")
    content = form_content(pages["bg"], "BG", "bg", WEBSITE)
    pdf = render_pdf(content)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "bg"
    number = initiative_page.initiative.registration_number
    assert reader.metadata.title == f"Формуляр за изявление за подкрепа – {number} – България"
    text = squeezed(pdf_text(pdf))
    assert squeezed(pages["bg"].title) in text  # the registered text of the Bulgarian page
    assert squeezed("Декларирам, че информацията, предоставена от мен") in text
    assert squeezed("Maria Ivanova (maria.ivanova@example.org)") in text


def test_an_initiative_under_211_2011_gets_that_regimes_declaration(initiative_page):
    initiative = initiative_page.initiative
    initiative.registration_date = datetime.date(2019, 5, 1)
    content = form_content(initiative_page, "DE", "en", WEBSITE)
    text = squeezed(pdf_text(render_pdf(content)))
    assert squeezed("have not already supported this proposed citizens' initiative") in text
    assert squeezed("Directive 95/46/EC") in text
    assert squeezed(initiative_page.subject_matter) in text  # 211/2011's form has it
    initiative.registration_date = datetime.date(2021, 5, 1)
    text = squeezed(pdf_text(render_pdf(form_content(initiative_page, "DE", "en", WEBSITE))))
    assert squeezed("have not already supported this initiative.") in text
    assert squeezed("21 months after the beginning of the collection period") in text


def test_every_official_language_has_both_regimes_texts(settings):
    languages = {code for code, _name in settings.LANGUAGES}
    assert len(languages) == 24
    texts = legal_texts._texts()
    for regime in legal_texts.regimes():
        for kind in ("declaration", "privacy_statement"):
            missing = texts["_missing"].get(regime, {}).get(kind, {})
            assert set(texts[regime][kind]) | set(missing) == languages, (regime, kind)
            assert all(text.strip() and "<" not in text for text in texts[regime][kind].values())
    # The deletion limit, in each language (French writes it out).
    privacy = texts["Regulation (EU) 2019/788"]["privacy_statement"].values()
    assert all("21" in text or "vingt et un" in text for text in privacy)


def test_the_digest_follows_what_the_form_shows_and_nothing_else(initiative_page):
    initiative = initiative_page.initiative
    before = content_digest(form_content(initiative_page, "BG", "en", WEBSITE))
    initiative.paper_batches.create(country="BG", collected_on=datetime.date.today(), count=5)
    initiative.status = initiative.Status.COLLECTING
    assert content_digest(form_content(initiative_page, "BG", "en", WEBSITE)) == before
    OrganiserFactory(initiative=initiative, name="Jana Nováková",
                     role=Organiser.Role.SUBSTITUTE)  # fmt: skip
    after_organiser = content_digest(form_content(initiative_page, "BG", "en", WEBSITE))
    assert after_organiser != before
    initiative_page.title = "Cleaner air"
    assert content_digest(form_content(initiative_page, "BG", "en", WEBSITE)) != after_organiser
    assert content_digest(form_content(initiative_page, "BG", "bg", WEBSITE)) != after_organiser


def test_a_missing_form_is_drawn_apart_and_then_served(client, initiative_page, monkeypatch):
    started = []

    class Recorded(DrawnAtOnce):
        def start(self):
            started.append(self)

    monkeypatch.setattr(paper_form_views.threading, "Thread", Recorded)
    number = initiative_page.initiative.registration_number
    url = reverse_in("bg", number, "bg")
    assert url == f"/bg/paper-forms/{number}/bg.pdf"
    first = client.get(url)
    assert first.status_code == 202 and len(started) == 1  # nothing drawn in the request
    assert first["Retry-After"] == first["Refresh"] == "3" and "no-store" in first["Cache-Control"]
    assert "Формулярът на хартия се подготвя" in first.content.decode()
    assert client.get(url).status_code == 202 and len(started) == 1  # being drawn: not twice
    started[0].target(*started[0].args)  # the thread draws it
    second = client.get(url)
    assert second.status_code == 200 and second["Content-Type"] == "application/pdf"
    name = f"{number.lower().replace('(', '').replace(')', '')}-bg-bg.pdf"
    assert f'inline; filename="{name}"' == second["Content-Disposition"]
    text = pdf_text(second.content)
    assert number in text and "ЕГН" in text


def reverse_in(language, number, country):
    with translation.override(language):
        return reverse("paper-form", kwargs={"registration_number": number, "country": country})


def test_unknown_states_initiatives_and_restricted_pages_have_no_form(client, initiative_page):
    number = initiative_page.initiative.registration_number
    assert client.get(reverse_in("en", number, "uk")).status_code == 404
    assert client.get(reverse_in("en", "ECI(2099)000001", "bg")).status_code == 404
    initiative_page.unpublish()
    assert client.get(reverse_in("en", number, "bg")).status_code == 404


def test_an_interface_language_without_pages_gets_its_labels_and_the_registered_text(
    client, initiative_page, drawn_at_once
):
    number = initiative_page.initiative.registration_number
    url = reverse_in("sk", number, "sk")
    assert url.startswith("/sk/")
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    text = squeezed(pdf_text(response.content))
    assert squeezed(legal_texts.declaration(initiative_page.initiative, "sk").text) in text
    assert squeezed("Clean air") in text  # the English page's registered title


def test_every_initiative_page_links_each_member_states_form(client, initiative_page):
    html = client.get(initiative_page.url).content.decode()
    number = initiative_page.initiative.registration_number
    for code in RULES:
        assert f'href="/en/paper-forms/{number}/{code.lower()}.pdf"' in html
    bulgarian = translate_tree(initiative_page, "bg")["bg"]
    html = client.get(bulgarian.url).content.decode()
    assert f'href="/bg/paper-forms/{number}/bg.pdf" type="application/pdf">България<' in html


def test_an_initiative_on_the_central_system_has_its_paper_forms_too(client, initiative_page):
    initiative = initiative_page.initiative
    initiative.collection = initiative.Collection.CENTRAL
    initiative.external_system_url = "https://eci.ec.europa.eu/045/public/"
    initiative.save()
    html = client.get(initiative_page.url).content.decode()
    assert f"/en/paper-forms/{initiative.registration_number}/de.pdf" in html


def test_the_dashboard_links_the_forms_in_each_language_of_the_pages(
    client, initiative_page, signing_page
):
    translate_tree(initiative_page, "bg")
    initiative = initiative_page.initiative
    admin_user(client, "follow_collection", of=[initiative])
    html = client.get(reverse("collection:dashboard", args=[initiative.pk])).content.decode()
    number = initiative.registration_number
    assert f"/en/paper-forms/{number}/mt.pdf" in html
    assert f"/bg/paper-forms/{number}/mt.pdf" in html


def test_a_change_draws_the_forms_it_changed_after_it_commits(
    settings, initiative_page, drawn_at_once, django_capture_on_commit_callbacks
):
    settings.PAPER_FORMS_BUILD_AFTER_CHANGE = True
    initiative = initiative_page.initiative
    with django_capture_on_commit_callbacks(execute=True):
        OrganiserFactory(initiative=initiative, name="Jana Nováková",
                         role=Organiser.Role.SUBSTITUTE)  # fmt: skip
    contents = paper_form_views.contents_of(initiative)
    assert len(contents) == 27  # the English page's forms
    assert paper_form_views.missing(contents) == []


def test_the_command_draws_what_is_missing_and_says_how_long_it_took(
    initiative_page, capsys, settings, tmp_path
):
    call_command("build_paper_forms")  # the tests' cache is this process's own: nothing drawn
    assert "Nothing drawn" in capsys.readouterr().err
    shared = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    settings.CACHES = {"default": {**shared, "LOCATION": str(tmp_path / "cache")}}
    call_command("build_paper_forms")
    out = capsys.readouterr().out
    drew = r"Drew 27 paper forms in [\d.]+ s \(\d+ ms each\); 0 were drawn already\.\n"
    assert re.fullmatch(drew, out)
    call_command("build_paper_forms")
    assert "Drew 0 paper forms" in capsys.readouterr().out
