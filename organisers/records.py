"""What the organisers' files say about an initiative and its statements, from the database."""

from django.conf import settings
from wagtail.models import Locale
from wagtail.rich_text import get_text_for_indexing

from core.crypto import SUITE_NAME
from initiatives.models import Organiser
from signing.models import MailingListEntry, Statement

STATEMENT_COLUMNS = ("id", "country", "submitted_on", "annex_revision", "key_fingerprint")


def source_page(initiative):
    """The initiative's page in the site's default language, else its first page."""
    pages = initiative.pages.all()
    return pages.filter(locale=Locale.get_default()).first() or pages.order_by("pk").first()


def public_url(page):
    """The page's address under the site's configured public address (WAGTAILADMIN_BASE_URL),
    not under Wagtail's Site record (http://localhost until someone edits it)."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + parts[2]


def initiative_record(initiative):
    """The registered data written into every export (section 6 of the reference)."""
    page = source_page(initiative)
    contacts = initiative.organisers.exclude(role=Organiser.Role.MEMBER).order_by("sort_order")
    return {
        "registration_number": initiative.registration_number,
        "collection_start": _iso(initiative.collection_start),
        "collection_end": _iso(initiative.collection_end),
        "register_url": initiative.register_url,
        "title": page.title if page else initiative.name,
        "objectives": get_text_for_indexing(page.objectives) if page else "",
        "contact_persons": [
            {"name": person.name, "email": person.email, "role": person.role} for person in contacts
        ],
        "url": public_url(page) if page else "",
        "key_fingerprint": initiative.key_fingerprint,
        "suite": SUITE_NAME,
        # A test collection's purpose, or "": its files say they hold no statement of support.
        "test_collection": initiative.test_collection,
    }


def stored_statements(initiative, chunk_size=2000):
    """Every stored statement as (identifier, country, date, annex revision, key, ciphertext).

    Streams with a server-side cursor on PostgreSQL: memory stays bounded at any count.
    """
    rows = (
        Statement.objects.filter(initiative=initiative)
        .order_by("country", "submitted_on", "id")
        .values_list(*STATEMENT_COLUMNS, "ciphertext")
    )
    for identifier, country, day, annex, key, ciphertext in rows.iterator(chunk_size=chunk_size):
        yield str(identifier), country, day.isoformat(), annex, key, bytes(ciphertext)


def mailing_list(initiative, chunk_size=2000):
    """Every address for the organisers' updates as (identifier, date, key, ciphertext), in the
    order of their random identifiers: nothing in the order tells when one was added."""
    rows = (
        MailingListEntry.objects.filter(initiative=initiative)
        .order_by("id")
        .values_list("id", "added_on", "key_fingerprint", "ciphertext")
    )
    for identifier, day, key, ciphertext in rows.iterator(chunk_size=chunk_size):
        yield str(identifier), day.isoformat(), key, bytes(ciphertext)


def _iso(day):
    return day.isoformat() if day else ""
