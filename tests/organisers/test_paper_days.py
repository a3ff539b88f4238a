"""Paper batches edited in an initiative's record count only for days of its collection period,
as on the organisers' dashboard (initiatives.paper_days)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.admin_forms import edit_form_data

REFUSED = "A paper form counts only if it was signed during the collection period."


def posted(client, initiative, day):
    url = reverse("wagtailsnippets_initiatives_initiative:edit", args=[initiative.pk])
    data = edit_form_data(client, url)
    batch = {"paper_batches-TOTAL_FORMS": "1", "paper_batches-INITIAL_FORMS": "0",
             "paper_batches-MIN_NUM_FORMS": "0", "paper_batches-MAX_NUM_FORMS": "1000",
             "paper_batches-0-country": "AT", "paper_batches-0-collected_on": day.isoformat(),
             "paper_batches-0-count": "12", "paper_batches-0-ORDER": "1",
             "paper_batches-0-id": "", "paper_batches-0-DELETE": ""}  # fmt: skip
    return client.post(url, data | batch)


def test_the_record_refuses_paper_for_a_day_to_come_or_before_the_period(admin_client, initiative):
    today = timezone.localdate()
    for day in (
        today + datetime.timedelta(days=1),
        initiative.collection_start - datetime.timedelta(days=1),
    ):
        response = posted(admin_client, initiative, day)
        assert response.status_code == 200 and REFUSED in response.content.decode()
    assert not initiative.paper_batches.exists()
    assert posted(admin_client, initiative, today).status_code == 302
    assert initiative.paper_batches.count() == 1
