"""Signatures collected on paper: the organisers' batches add to the petition's figures."""

import datetime

from django.core.cache import cache

from outbox.sending import send_due
from petitions.models import PaperBatch
from tests.admin_forms import edit_form_data

from .test_admin import editor
from .test_journey import follow, links, sign


def test_paper_batches_add_to_the_count_per_country_and_day(client, inbox, petition_page):
    sign(client, petition_page)
    send_due()
    follow(client, petition_page, "confirm", links(inbox()[-1].body)["confirm"])
    petition = petition_page.petition
    day = datetime.date(2026, 11, 2)
    PaperBatch.objects.create(petition=petition, collected_on=day, country="BG", count=40)
    PaperBatch.objects.create(petition=petition, collected_on=day, country="", count=2)
    cache.clear()
    counts = client.get(petition_page.url + petition_page.reverse_subpage("counts_json")).json()
    assert (counts["total"], counts["online"], counts["paper"]) == (43, 1, 42)
    assert counts["countries"] == [{"country": "BG", "signatures": 41}]
    assert counts["days"][0] == {"date": "2026-11-02", "signatures": 42}
    assert "43 of 1,000 signatures" in client.get(petition_page.url).content.decode()


def test_the_organisers_key_in_batches_in_the_petitions_admin(client, petition_page):
    editor(client)
    petition = petition_page.petition
    url = f"/admin/snippets/petitions/petition/edit/{petition.pk}/"
    data = edit_form_data(client, url)
    batch = {"paper_batches-TOTAL_FORMS": "1", "paper_batches-INITIAL_FORMS": "0",
             "paper_batches-MIN_NUM_FORMS": "0", "paper_batches-MAX_NUM_FORMS": "1000",
             "paper_batches-0-collected_on": "2026-11-02", "paper_batches-0-country": "RO",
             "paper_batches-0-count": "25", "paper_batches-0-ORDER": "1",
             "paper_batches-0-id": "", "paper_batches-0-DELETE": ""}  # fmt: skip
    assert client.post(url, data | batch).status_code == 302
    assert list(petition.paper_batches.values_list("country", "count")) == [("RO", 25)]


def batch_posted(client, petition, day):
    url = f"/admin/snippets/petitions/petition/edit/{petition.pk}/"
    data = edit_form_data(client, url)
    batch = {"paper_batches-TOTAL_FORMS": "1", "paper_batches-INITIAL_FORMS": "0",
             "paper_batches-MIN_NUM_FORMS": "0", "paper_batches-MAX_NUM_FORMS": "1000",
             "paper_batches-0-collected_on": day.isoformat(), "paper_batches-0-country": "RO",
             "paper_batches-0-count": "25", "paper_batches-0-ORDER": "1",
             "paper_batches-0-id": "", "paper_batches-0-DELETE": ""}  # fmt: skip
    return client.post(url, data | batch)


def test_paper_counts_neither_for_a_day_to_come_nor_after_the_petition_closed(
    client, petition_page
):
    from django.utils import timezone

    editor(client)
    petition = petition_page.petition
    today = timezone.localdate()
    refused = "A paper form counts only if it was signed during the collection period."
    response = batch_posted(client, petition, today + datetime.timedelta(days=1))
    assert response.status_code == 200 and refused in response.content.decode()
    petition.closes_on = today - datetime.timedelta(days=10)
    petition.save()
    response = batch_posted(client, petition, today - datetime.timedelta(days=9))
    assert response.status_code == 200 and refused in response.content.decode()
    assert not petition.paper_batches.exists()
    assert batch_posted(client, petition, petition.closes_on).status_code == 302
    assert petition.paper_batches.count() == 1
