"""The supporters' addresses for updates: destroyed with the statements, or removed on request."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry

from organisers.audit import DESTROYED_ON_DEMAND, MAILING_LIST_REMOVED
from organisers.retention import destroy_statements
from signing.models import MailingListEntry
from tests.signing import helpers

pytestmark = pytest.mark.django_db


def opt_in(client, signing_page, *addresses):
    for address in addresses:
        helpers.opt_in(client, signing_page, address)
    return list(MailingListEntry.objects.values_list("pk", flat=True))


def test_the_addresses_are_destroyed_with_the_statements(client, initiative, signing_page):
    opt_in(client, signing_page, "plimvox@example.org", "trazzel@example.org")
    destroy_statements(initiative, action=DESTROYED_ON_DEMAND, reason="submitted")
    assert not MailingListEntry.objects.exists()
    assert ModelLogEntry.objects.get(action=DESTROYED_ON_DEMAND).data["addresses"] == 2


def test_a_supporter_is_removed_on_request_by_the_identifier_in_the_export(
    client, initiative, signing_page
):
    kept, removed = opt_in(client, signing_page, "plimvox@example.org", "trazzel@example.org")
    number = initiative.registration_number
    call_command("remove_from_mailing_list", str(removed), initiative=number)
    assert list(MailingListEntry.objects.values_list("pk", flat=True)) == [kept]
    assert ModelLogEntry.objects.get(action=MAILING_LIST_REMOVED).data == {"total": 1}
    with pytest.raises(CommandError):
        call_command("remove_from_mailing_list", "not-an-id", initiative=number)
    call_command("remove_from_mailing_list", initiative=number, all=True)
    assert not MailingListEntry.objects.exists()
