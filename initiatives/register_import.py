"""The register import: an initiative's registered facts and text, from the Commission's register.

Three steps, each its own function, so that the admin shows what an import would change before
anything is saved (initiatives.admin_views):

- `read(number)`: the register's answer (initiatives.commission) reduced to what the site keeps,
  an entry: a dict of plain JSON data (no organiser, no personal data), which the admin carries,
  signed, from the preview to the confirmation.
- `changes(entry)` and `pages_plan(entry, user)`: what saving it would change, field by field
  and per language, and which language's page it would create or update (and which not, and
  why: `page_actions`, which the save follows too).
- `save(entry, user)`: the record (a new revision), its registered text per language
  (initiatives.models.register), and the initiative page in every registered language that is a
  content language of the site, created as wagtail-localize translations of one another.
"""

import datetime
import re

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from core.blocks import RICH_TEXT_FEATURES

from . import collection_routes, commission
from .commission import ServiceError
from .models import Initiative, InitiativeIndexPage, InitiativePage, RegisteredText

# The register's statuses (its own spelling) and the record's.
STATUSES = {
    "REGISTERED": Initiative.Status.REGISTERED,
    "COLLECTION_START_DATE": Initiative.Status.REGISTERED,
    "ONGOING": Initiative.Status.COLLECTING,
    "CLOSED": Initiative.Status.CLOSED,
    "INSUFFICIENT_SUPPORT": Initiative.Status.CLOSED,
    "WITHDRAWN": Initiative.Status.CLOSED,
    "VERIFICATION": Initiative.Status.CLOSED,
    "SUBMITTED": Initiative.Status.SUBMITTED,
    "ANSWERED": Initiative.Status.ANSWERED,
}
# The citizens' page of the register entry, which the record links to.
REGISTER_PAGE = "https://citizens-initiative.europa.eu/initiatives/details/{year}/{number}_en"
# A signing page of the Commission's central system, and the collection's address in it.
CENTRAL_SYSTEM = re.compile(r"^(https://eci\.ec\.europa\.eu/\d{3}/public/)")
# The record's fields the import writes, in the order the changes are listed.
RECORD_FIELDS = (
    "register_url",
    "status",
    "registration_date",
    "collection_start",
    "collection_end",
    "submitted_to_commission_on",
    "withdrawn_on",
    "answered_on",
    "registered_language",
    "registration_decision",
    "answer_documents",
)
DATE_FIELDS = {
    name for name in RECORD_FIELDS if isinstance(Initiative._meta.get_field(name), models.DateField)
}
TEXT_FIELDS = ("title", "objectives", "support_link", "decision_url")
BAD_ANSWER = ServiceError.BAD_ANSWER


def bad_answer(what):
    return ServiceError(BAD_ANSWER, what)


def register_date(value, what):
    """dd/mm/yyyy, as the register writes dates, or None for an empty one."""
    if value in (None, ""):
        return None
    try:
        return datetime.datetime.strptime(str(value)[:10], "%d/%m/%Y").date().isoformat()
    except ValueError:
        raise bad_answer(what) from None


def rich_text(text):
    """The register's objectives as the site's rich text: its HTML cleaned to what the site's
    editors may write (Wagtail's own whitelist), or plain text in paragraphs."""
    if re.search(r"</?[a-zA-Z]", text):
        return EditorHTMLConverter(features=RICH_TEXT_FEATURES).to_database_format(text)
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{escape(part)}</p>".replace("\n", "<br/>") for part in paragraphs)


def link(value):
    return value if isinstance(value, str) and value.startswith(("https://", "http://")) else ""


def read(number):
    """The register's entry of `number` (a dict of JSON data), or ServiceError."""
    return entry_from(commission.read_register(number), number)


def entry_from(details, number):
    """What the site keeps of a register answer. Anything of the wrong shape: ServiceError."""
    year, serial = commission.REGISTRATION_NUMBER.match(number).groups()
    if details.get("comRegNum", number) != number:
        raise bad_answer("another initiative")
    versions = details.get("linguisticVersions")
    if not isinstance(versions, list) or not versions:
        raise bad_answer("no linguisticVersions")
    status = STATUSES.get(details.get("status"))
    progress = {
        step.get("name"): step.get("date")
        for step in details.get("progress") or []
        if isinstance(step, dict)
    }
    known = dict(settings.EU_LANGUAGES)
    texts, decision, original = {}, "", ""
    for version in versions:
        if not isinstance(version, dict):
            raise bad_answer("linguistic version")
        language = str(version.get("languageCode", "")).lower()
        title, objectives = version.get("title"), version.get("objectives")
        if language not in known:
            continue
        if not (isinstance(title, str) and title.strip() and isinstance(objectives, str)):
            raise bad_answer(f"text of {language}")
        published = version.get("commissionDecision") or {}
        decision = decision or str(published.get("celex", ""))[:30]
        if version.get("original"):
            original = language
        texts[language] = {
            "title": title.strip()[:500],
            "objectives": rich_text(objectives),
            "support_link": link(version.get("supportLink"))[:500],
            "decision_url": link(published.get("url"))[:500],
        }
    if not texts:
        raise bad_answer("no version in an official language")
    answer = details.get("answer") or {}
    entry = {
        "registration_number": number,
        "register_url": REGISTER_PAGE.format(year=year, number=serial),
        "status": status,
        "registration_date": register_date(
            details.get("registrationDate") or progress.get("REGISTERED"), "registrationDate"
        ),
        "collection_start": register_date(
            details.get("startCollectionDate") or progress.get("COLLECTION_START_DATE"),
            "startCollectionDate",
        ),
        "collection_end": register_date(
            details.get("earlyClosureDate") or details.get("deadline") or progress.get("CLOSED"),
            "deadline",
        ),
        "submitted_to_commission_on": register_date(progress.get("SUBMITTED"), "SUBMITTED"),
        "withdrawn_on": register_date(progress.get("WITHDRAWN"), "WITHDRAWN"),
        "answered_on": register_date(answer.get("decisionDate"), "decisionDate"),
        "registered_language": original if original in texts else "",
        "registration_decision": decision,
        "answer_documents": [
            {
                "kind": str(document.get("defaultName", "")),
                "url": link(document.get("defaultLink")),
                "urls": {
                    str(item.get("languageCode", "")).lower(): link(item.get("link"))
                    for item in document.get("link") or []
                    if isinstance(item, dict)
                },
            }
            for document in answer.get("links") or []
            if isinstance(document, dict) and link(document.get("defaultLink"))
        ],
        "texts": texts,
    }
    if entry["registration_date"] is None or entry["status"] is None:
        raise bad_answer("registrationDate or status")
    return entry


def record_values(entry):
    """The record's field values the entry sets; a date the register leaves empty sets none."""
    values = {}
    for name in RECORD_FIELDS:
        value = entry[name]
        if name in DATE_FIELDS:
            if value is None:
                continue
            value = datetime.date.fromisoformat(value)
        values[name] = value
    return values


def shown(name, value):
    """A value as the list of changes shows it."""
    if value in (None, "", []):
        return "—"
    if name == "status":
        return Initiative.Status(value).label
    if name == "answer_documents":
        return ", ".join(document["url"] for document in value)
    if name == "objectives":
        return strip_tags(value)
    return str(value)


def changes(entry):
    """[(where, what, before, after)]: the record's fields, then each language's text, that
    saving the entry would change. `where` is "" for the record, else a language code."""
    record = Initiative.objects.filter(registration_number=entry["registration_number"]).first()
    found = []
    for name, value in record_values(entry).items():
        before = getattr(record, name) if record else None
        if before != value and not (before in (None, "", []) and value in (None, "", [])):
            label = Initiative._meta.get_field(name).verbose_name
            found.append(("", label, shown(name, before), shown(name, value)))
    texts = {text.language: text for text in record.registered_texts.all()} if record else {}
    for language in sorted(set(texts) | set(entry["texts"])):
        old, new = texts.get(language), entry["texts"].get(language, {})
        for name in TEXT_FIELDS:
            before, after = getattr(old, name, ""), new.get(name, "")
            if before != after:
                label = RegisteredText._meta.get_field(name).verbose_name
                found.append((language, label, shown(name, before), shown(name, after)))
    return found


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


CREATE, UPDATE = "create", "update"
OUTCOMES = {
    CREATE: _("Page created"),
    UPDATE: _("Page updated"),
    "no_version": _("No version in the register"),
    "no_index": _("Not imported: no initiative index in this language"),
    "not_content": _("Not imported: not a content language of this site"),
    "no_permission": _("Not imported: you may not publish pages in this language"),
}


def page_actions(entry, user):
    """[(language, page or None, outcome)] for every content language and every registered
    language: the page updated (every existing one: its derived text may change) or created,
    or why none is. `user` None: a command, which may publish anything."""
    record = Initiative.objects.filter(registration_number=entry["registration_number"]).first()
    pages = {}
    if record:
        pages = {page.locale.language_code: page.specific for page in record.pages.all()}
    found = []
    for language in content_languages():
        page, index = pages.get(language), index_in(language)
        if page is not None:
            outcome, allowed = UPDATE, user is None or page.permissions_for_user(user).can_publish()
        elif language not in entry["texts"]:
            outcome, allowed = "no_version", True
        elif index is None:
            outcome, allowed = "no_index", True
        else:
            permissions = index.permissions_for_user(user) if user else None
            outcome, allowed = CREATE, permissions is None or permissions.can_publish_subpage()
        found.append((language, page, outcome if allowed else "no_permission"))
    for language in sorted(set(entry["texts"]) - set(content_languages())):
        found.append((language, None, "not_content"))
    return found


def pages_plan(entry, user=None):
    """What the import does to each language's page, as the preview lists it."""
    return [
        (language, page, OUTCOMES[outcome]) for language, page, outcome in page_actions(entry, user)
    ]


def index_in(language):
    return InitiativeIndexPage.objects.filter(locale__language_code=language).first()


@transaction.atomic
def save(entry, user):
    """Saves the entry: the record and its registered text as a new revision, then the pages.
    Returns the record."""
    number = entry["registration_number"]
    record = Initiative.objects.select_for_update().filter(registration_number=number).first()
    if record is None:
        record = new_record(entry)
    for name, value in record_values(entry).items():
        setattr(record, name, value)
    kept = {text.language: text for text in record.registered_texts.all()}
    record.registered_texts = [
        update(kept.get(language) or RegisteredText(language=language), text)
        for language, text in sorted(entry["texts"].items())
    ]
    record.imported_at = timezone.now()
    record.full_clean()
    record.save()
    record.save_revision(user=user, log_action=True)
    save_pages(record, entry, user)
    return record


def update(instance, values):
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


def new_record(entry):
    """A record the register has, new to the site: its working name the registered title, and
    collecting where the register's signing page is, or where the law's route puts it (the
    central system for registrations since 2023: initiatives.collection_routes)."""
    texts = entry["texts"]
    first = texts.get(entry["registered_language"]) or texts.get(settings.LANGUAGE_CODE)
    first = first or next(iter(texts.values()))
    support = next((text["support_link"] for text in texts.values() if text["support_link"]), "")
    central = CENTRAL_SYSTEM.match(support)
    record = Initiative(
        registration_number=entry["registration_number"],
        name=first["title"][:255],
        registration_date=datetime.date.fromisoformat(entry["registration_date"]),
    )
    if central or collection_routes.central_system_only(record):
        record.collection = Initiative.Collection.CENTRAL
        record.external_system_url = central[1] if central else ""
    else:
        record.collection = Initiative.Collection.EXTERNAL
        record.external_system_url = support or entry["register_url"]
    return record


def save_pages(record, entry, user):
    """Updates and creates the pages page_actions names: a new one as a translation of an
    existing one (wagtail-localize), else as the first page, in the site's default language
    where the register has one."""
    actions = page_actions(entry, user)
    pages = {language: page for language, page, _outcome in actions if page is not None}
    for _language, page, outcome in actions:
        if outcome == UPDATE:
            publish_registered_text(page, user)
    created = [language for language, _page, outcome in actions if outcome == CREATE]
    created.sort(key=lambda code: code != settings.LANGUAGE_CODE)
    for language in created:
        if pages:
            source = pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()))
            pages[language] = translate(source, language, user)
        else:
            pages[language] = first_page(record, index_in(language), user)


def first_page(record, index, user):
    page = InitiativePage(initiative=record, locale=index.locale)
    page.apply_registered_text()
    page.slug = slugify(page.title)[:80] or "initiative"
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def translate(source, language, user):
    """A new language version of `source` through wagtail-localize, so translators find it as
    a translation (its summary and annex to translate); the registered text is derived."""
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    translation, _created = Translation.objects.get_or_create(
        source=translation_source, target_locale=Locale.objects.get(language_code=language)
    )
    translation.save_target(user=user, publish=False)  # publishes only after commit
    page = source.get_translation(translation.target_locale).specific
    page.get_latest_revision().publish(user=user)
    return page


def publish_registered_text(page, user):
    """Publishes the register's text on a live page, keeping an editor's unpublished draft a
    draft (itself updated); a draft page gets a new draft."""
    text = page.registered_text()
    if text is None or (page.title, page.objectives) == (text.title, text.objectives):
        return
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    if page.live:
        page.save_revision(user=user, log_action=True).publish(user=user)
    if draft is not None:
        draft.save_revision(user=user)
