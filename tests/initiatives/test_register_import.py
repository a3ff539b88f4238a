"""The register import (initiatives.register_import, its admin view initiatives.admin_views),
against the local fake of the Commission's register: no network.

An editor types a registration number, sees what the import would change, confirms; the record
and the en/bg/ro pages carry the register's text, which no translation or edit can change.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import escape, strip_tags
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from initiatives import register_import
from initiatives.models import Initiative, InitiativePage
from tests.factories import InitiativeFactory, InitiativeIndexPageFactory, translate_tree
from tests.fakes.commission import CommissionFake, register_details

pytestmark = pytest.mark.django_db
NUMBER = "ECI(2025)000006"
PATH = "/core/api/register/details/2025/000006"
IMPORT = reverse("wagtailsnippets_initiatives_initiative:import")
TITLES = {
    "en": "Clean air for every child",
    "bg": "Чист въздух за всяко дете",
    "ro": "Aer curat pentru fiecare copil",
    "de": "Saubere Luft für jedes Kind",
}


def versions(**changed):
    """The register's language versions: en (the original), bg, ro and de."""
    found = {}
    for code, title in (TITLES | changed).items():
        found[code] = {
            "title": title,
            "objectives": f"<p>{title}: <b>objectives</b></p><script>alert(1)</script>",
            "original": code == "en",
            "supportLink": f"https://eci.ec.europa.eu/045/public/?lg={code}",
            "commissionDecision": {
                "celex": "32025D0006",
                "url": f"http://eur-lex.europa.eu/legal-content/{code.upper()}/?uri=32025D0006",
            },
        }
    return found


def details(status="ONGOING", **changed):
    return register_details(
        2025,
        "000006",
        versions=versions(**changed),
        comRegNum=NUMBER,
        status=status,
        registrationDate="15/01/2025",
        startCollectionDate="01/03/2025",
        deadline="01/03/2026",
        progress=[{"name": "REGISTERED", "date": "15/01/2025"}],
        answer={
            "decisionDate": "16/06/2026",
            "links": [
                {
                    "defaultName": "COMMUNICATION",
                    "defaultLink": "https://citizens-initiative.europa.eu/answer_en.pdf",
                }
            ],
        },
    )


@pytest.fixture
def register(settings):
    with CommissionFake() as fake:
        settings.COMMISSION_REGISTER_URL = f"{fake.url}/core/api/register"
        settings.COMMISSION_TIMEOUT_SECONDS = 0.5
        fake.register["2025/000006"] = details()
        yield fake


@pytest.fixture
def indexes(home_page):
    """The initiative index in en, bg and ro (the content languages of the tests)."""
    return translate_tree(InitiativeIndexPageFactory(parent=home_page), "bg", "ro") | {
        "en": InitiativeIndexPageFactory._meta.model.objects.get(locale__language_code="en")
    }


def pages_by_language(record):
    return {
        page.locale.language_code: page
        for page in InitiativePage.objects.filter(initiative=record).select_related("locale")
    }


def imported(register):
    return register_import.save(register_import.read(NUMBER), None)


def test_an_import_fills_the_record_and_the_en_bg_ro_pages(editor, register, indexes):
    preview = editor.get(IMPORT, {"number": NUMBER})
    html = strip_tags(preview.content.decode())
    assert "What the import changes" in html
    assert "de: Not imported: not a content language of this site" in html
    assert not Initiative.objects.exists()  # reading the register saves nothing

    response = editor.post(IMPORT, {"entry": preview.context["signed_entry"]})
    record = Initiative.objects.get(registration_number=NUMBER)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailsnippets_initiatives_initiative:edit", args=[record.pk]
    )
    assert record.status == Initiative.Status.COLLECTING
    assert str(record.registration_date) == "2025-01-15"
    assert (str(record.collection_start), str(record.collection_end)) == (
        "2025-03-01",
        "2026-03-01",
    )
    assert record.register_url.endswith("/initiatives/details/2025/000006_en")
    assert record.registration_decision == "32025D0006"
    assert str(record.answered_on) == "2026-06-16"
    assert record.answer_documents[0]["kind"] == "COMMUNICATION"
    assert record.collection == Initiative.Collection.CENTRAL
    assert record.external_system_url == "https://eci.ec.europa.eu/045/public/"
    assert sorted(text.language for text in record.registered_texts.all()) == [
        "bg",
        "de",
        "en",
        "ro",
    ]
    assert record.revisions.count() == 1

    pages = pages_by_language(record)
    assert sorted(pages) == ["bg", "en", "ro"]
    assert {page.translation_key for page in pages.values()} == {pages["en"].translation_key}
    for code, page in pages.items():
        assert page.live and page.title == TITLES[code]
        assert page.get_parent().specific == indexes[code]
        assert "<b>objectives</b>" in page.objectives and "script" not in page.objectives
        shown = editor.get(page.url).content.decode()
        assert escape(TITLES[code]) in shown and "<script>alert" not in shown
        decision = f"/legal-content/{code.upper()}/?uri=32025D0006"
        assert (
            f'<a href="http://eur-lex.europa.eu{decision}" rel="noopener">32025D0006</a>' in shown
        )
        assert "answer_en.pdf" in shown


def test_a_second_import_shows_what_changed_and_saves_it_once_confirmed(editor, register, indexes):
    record = imported(register)
    snippets = "wagtailsnippets_initiatives_initiative"
    listing = editor.get(reverse(f"{snippets}:list")).content.decode()
    assert f'href="{IMPORT}"' in listing and "Import from the register" in listing
    editing = editor.get(reverse(f"{snippets}:edit", args=[record.pk])).content.decode()
    assert f'href="{IMPORT}?number=ECI%282025%29000006"' in editing  # Update from the register
    register.register["2025/000006"] = details(status="CLOSED", bg="Чист въздух за всички деца")
    preview = editor.get(IMPORT, {"number": NUMBER})
    rows = [tuple(map(str, row)) for row in preview.context["changes"]]
    assert ("", "status", "Collecting signatures", "Collection closed") in rows
    assert ("bg", "Title", TITLES["bg"], "Чист въздух за всички деца") in rows
    assert all(where in ("", "bg") for where, *_ in rows), rows
    assert "What the import changes" in preview.content.decode()
    record.refresh_from_db()
    assert record.status == Initiative.Status.COLLECTING  # nothing saved before confirming

    editor.post(IMPORT, {"entry": preview.context["signed_entry"]})
    record.refresh_from_db()
    assert record.status == Initiative.Status.CLOSED
    assert record.revisions.count() == 2
    bulgarian = pages_by_language(record)["bg"]
    assert bulgarian.title == "Чист въздух за всички деца" and bulgarian.live
    assert not bulgarian.has_unpublished_changes

    again = editor.get(IMPORT, {"number": NUMBER})
    assert again.context["changes"] == []
    assert "Nothing has changed in the register" in again.content.decode()


def test_a_translation_cannot_change_the_registered_text_or_the_record(editor, register, indexes):
    record = imported(register)
    other = InitiativeFactory()
    pages = pages_by_language(record)
    source, _created = TranslationSource.update_or_create_from_instance(pages["en"])
    offered = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    overridable = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    # The translation editor offers neither the registered text nor the record.
    assert not offered & {"title", "objectives"}
    assert "initiative" not in overridable
    editing = editor.get(reverse("wagtailadmin_pages:edit", args=[pages["bg"].pk]))
    assert editing.status_code == 200 and "translation" in editing.templates[0].name

    # A sync from the English page (Sync translated pages) leaves each language's own text.
    translation = source.translations.get(target_locale__language_code="bg")
    translation.save_target(publish=False)
    bulgarian = InitiativePage.objects.get(pk=pages["bg"].pk)
    bulgarian.get_latest_revision().publish()
    bulgarian.refresh_from_db()
    assert bulgarian.title == TITLES["bg"] and TITLES["bg"] in bulgarian.objectives

    # Saved any other way, the registered text is the register's, the record every version's.
    bulgarian.title, bulgarian.objectives = "Changed", "<p>Changed</p>"
    bulgarian.save_revision().publish()
    bulgarian.refresh_from_db()
    assert bulgarian.title == TITLES["bg"] and "Changed" not in bulgarian.objectives
    bulgarian.initiative = other
    with pytest.raises(Exception, match="same initiative"):
        bulgarian.save_revision()


def test_the_page_editor_shows_the_registered_text_and_the_record_read_only(
    editor, register, indexes
):
    """The source page, and a translation edited directly (its synchronisation stopped: the
    translation editor no longer opens), lock the registered text and the record."""
    record = imported(register)
    other = InitiativeFactory()
    pages = pages_by_language(record)
    Translation.objects.filter(target_locale__language_code="ro").update(enabled=False)
    for code in ("en", "ro"):
        url = reverse("wagtailadmin_pages:edit", args=[pages[code].pk])
        shown = editor.get(url).content.decode()
        assert escape(TITLES[code]) in shown
        assert not re.search(r'name="(title|objectives|initiative)"', shown)
        assert "&lt;p&gt;" not in shown  # the objectives read as text, not as their markup
        forged = nested_form_data(
            {
                "title": "Changed",
                "slug": pages[code].slug,
                "initiative": other.pk,
                "subject_matter": "A summary of our own",
                "objectives": rich_text("<p>Changed</p>"),
                "annex": streamfield([]),
                "topic_links": inline_formset([]),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
        response = editor.post(url, forged)
        assert response.status_code == 302
        page = Page.objects.get(pk=pages[code].pk).specific
        assert page.title == TITLES[code] and page.initiative_id == record.pk
        assert TITLES[code] in page.objectives
        assert page.subject_matter == "A summary of our own"  # the rest is edited as ever


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (None, "The register has no initiative ECI(2025)000099."),
        ("timeout", "could not be reached or did not answer in time"),
        ("forbidden", "could not be reached or did not answer in time"),
        ("bad_json", "answered with something other than the data asked for"),
    ],
)
def test_a_failing_register_gives_a_message_and_changes_nothing(
    editor, register, indexes, failure, message
):
    record = imported(register)
    revisions = record.revisions.count()
    number = NUMBER if failure else "ECI(2025)000099"
    register.fail(PATH, failure)
    response = editor.get(IMPORT, {"number": number})
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert "signed_entry" not in response.context
    assert record.revisions.count() == revisions
    assert Initiative.objects.count() == 1 and InitiativePage.objects.count() == 3


def test_a_register_answer_of_the_wrong_shape_is_a_bad_answer(register):
    register.register["2025/000006"] = {"comRegNum": NUMBER, "linguisticVersions": "none"}
    with pytest.raises(register_import.ServiceError) as raised:
        register_import.read(NUMBER)
    assert raised.value.kind == register_import.ServiceError.BAD_ANSWER


def test_a_confirmation_not_signed_by_the_site_saves_nothing(editor, register, indexes):
    response = editor.post(IMPORT, {"entry": "forged"}, follow=True)
    assert "This preview is too old" in response.content.decode()
    assert not Initiative.objects.exists()


def user_with(client, *codenames):
    user = get_user_model().objects.create_user("someone", "", "correct horse battery")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    client.force_login(user)
    return user


def test_only_editors_of_initiatives_may_import(client, register):
    user_with(client)
    assert client.get(IMPORT, {"number": NUMBER}).status_code in (302, 403)
    assert register.requests == []


def test_an_editor_who_may_not_publish_pages_imports_the_record_only(client, register, indexes):
    user_with(client, "add_initiative", "change_initiative")
    preview = client.get(IMPORT, {"number": NUMBER})
    html = strip_tags(preview.content.decode())
    assert "en: Not imported: you may not publish pages in this language" in html
    client.post(IMPORT, {"entry": preview.context["signed_entry"]})
    record = Initiative.objects.get(registration_number=NUMBER)
    assert record.registered_texts.count() == 4 and not record.pages.exists()


def test_pages_of_a_record_typed_in_by_hand_keep_their_translated_text(initiative_page):
    assert initiative_page.registered_text() is None
    source, _created = TranslationSource.update_or_create_from_instance(initiative_page)
    offered = set(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert {"title", "objectives"} <= offered
    bulgarian = translate_tree(initiative_page, "bg")["bg"]
    assert bulgarian.title == "Clean air [bg]"
    assert Locale.objects.filter(language_code="bg").exists()
