"""A petition's organisers reach its collection in the admin, and no other petition's: its
dashboard (figures, record) and its encrypted bundle, under the same rule as an initiative's
(core.access); the index lists the petitions beside the initiatives; each download is
audit-logged with counts only."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.bundle import read_bundle
from petitions.bundle import PETITION_BUNDLE
from petitions.models import PaperBatch, Petition
from tests.factories.petitions import PetitionFactory, PetitionPartnerFactory

from .helpers import admin_user
from .test_scoped_to_organisers import EVERY_PERMISSION, organiser_routes, refused

pytestmark = pytest.mark.django_db


# Each test below asks for at least one route: an empty list would pass them all.
ROUTES = organiser_routes("<int:petition_pk>")


@pytest.fixture
def own(db):
    return PetitionFactory(name="Safe routes to school")


@pytest.fixture
def other(db):
    return PetitionFactory(name="Clean air")


def request(client, name, method, petition):
    return getattr(client, method)(reverse(name, args=[petition.pk]))


def test_every_petition_view_is_found():
    assert set(ROUTES) == {
        ("collection:petition_dashboard", "get"),
        ("collection:petition_bundle", "post"),
    }


def test_an_organiser_of_one_petition_is_refused_the_other(client, subtests, own, other):
    admin_user(client, *EVERY_PERMISSION, of=[own])
    assert ROUTES
    for name, method in ROUTES:
        with subtests.test(name=name, method=method):
            assert refused(request(client, name, method, other))
            assert request(client, name, method, own).status_code == 200


def test_the_other_petitions_bundle_is_refused_and_not_logged(client, own, other):
    """Refused as every admin view is (PermissionDenied: Wagtail's 403, or its redirect home)."""
    admin_user(client, "follow_collection", of=[own])
    assert refused(client.post(reverse("collection:petition_bundle", args=[other.pk])))
    assert not ModelLogEntry.objects.filter(action="eci.petition_bundle_downloaded").exists()


def test_a_permission_alone_reaches_no_petition(client, subtests, own, other):
    admin_user(client, *EVERY_PERMISSION)
    assert ROUTES
    for name, method in ROUTES:
        with subtests.test(name=name, method=method):
            assert refused(request(client, name, method, own))
            assert refused(request(client, name, method, other))


def test_a_superuser_reaches_every_petition(client, subtests, own, other):
    client.force_login(get_user_model().objects.create_superuser("root", password="x" * 20))
    assert ROUTES
    for name, method in ROUTES:
        with subtests.test(name=name, method=method):
            assert request(client, name, method, own).status_code == 200
            assert request(client, name, method, other).status_code == 200


def test_the_index_lists_only_the_organisers_petitions(client, own, other):
    admin_user(client, "follow_collection", of=[own])
    html = client.get(reverse("collection:index")).content.decode()
    assert reverse("collection:petition_dashboard", args=[own.pk]) in html
    assert reverse("collection:petition_dashboard", args=[other.pk]) not in html


def test_each_petition_gets_its_organisers_group_named_after_it(db):
    petition = PetitionFactory(name="Safe routes")
    group = petition.organisers_group
    assert group.name == f"Organisers of petition Safe routes ({petition.pk})"
    petition.name = "Safe routes to every school"
    petition.save()
    group.refresh_from_db()
    assert group.name == f"Organisers of petition Safe routes to every school ({petition.pk})"
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin", "follow_collection",
    }  # fmt: skip
    # Two petitions of one working name: a group each (one would give each the other's).
    twin = PetitionFactory(name="Safe routes to every school")
    assert twin.organisers_group_id != petition.organisers_group_id
    long_name = PetitionFactory(name="x" * 255)
    assert long_name.organisers_group.name.endswith(f"({long_name.pk})")


def test_the_dashboard_shows_the_petitions_figures(client, own):
    PetitionPartnerFactory(petition=own, name="Friends of the air", code="friends")
    own.signatures.create(
        address_hash="a", ciphertext=b"x", country="BG", partner="friends", language="en",
        confirmed_on="2026-05-04", confirm_token_hash="c1", remove_token_hash="r1",
    )  # fmt: skip
    own.signatures.create(
        address_hash="b", ciphertext=b"x", country="DE", language="en",
        confirm_token_hash="c2", remove_token_hash="r2",
    )  # fmt: skip
    PaperBatch.objects.create(petition=own, collected_on="2026-05-05", country="BG", count=40)
    admin_user(client, "follow_collection", of=[own])
    html = client.get(reverse("collection:petition_dashboard", args=[own.pk])).content.decode()
    counts = html[html.index('id="signature-counts"') :]
    # Confirmed online 1 (the other waits for its confirmation), on paper 40, in all 41 of
    # 1,000; no address for updates.
    assert [cell.split("<")[0].strip() for cell in counts.split("<dd>")[1:5]] == [
        "1", "40", "41 / 1,000", "0",
    ]  # fmt: skip
    assert "<td>5 May 2026</td>\n<td>Bulgaria</td>\n<td>40</td>" in html  # the paper batch
    assert (
        '<th scope="row">Friends of the air</th>\n<td><code>friends</code></td>\n<td>1</td>' in html
    )
    assert "The European Parliament" in html  # its addressee
    assert reverse("collection:petition_bundle", args=[own.pk]) in html


def test_a_download_is_streamed_uncached_and_logged_with_counts_only(client, own):
    own.signatures.create(
        address_hash="a", ciphertext=b"secret", country="BG", language="en",
        confirmed_on="2026-05-04", confirm_token_hash="c1", remove_token_hash="r1",
    )  # fmt: skip
    own.updates.create(partner="", added_on="2026-05-04", ciphertext=b"address")
    user = admin_user(client, "follow_collection", of=[own])
    url = reverse("collection:petition_bundle", args=[own.pk])
    assert client.get(url).status_code == 405  # only on purpose, by POST
    response = client.post(url)
    assert response.streaming and "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith(f'attachment; filename="petition-{own.pk}-')
    record, count, signatures = read_bundle(
        PETITION_BUNDLE, b"".join(response.streaming_content).splitlines()
    )
    assert (record["uid"], count) == (str(own.uid), 1)
    assert list(signatures) == [("2026-05-04", b"secret")]
    assert list(signatures.extras()) == [("", b"address")]
    entry = ModelLogEntry.objects.get(action="eci.petition_bundle_downloaded")
    assert entry.user_id == user.pk and entry.object_id == str(own.pk)
    assert entry.data == {"total": 1, "updates": 1}  # counts, never a name or an address
    assert entry.message == "Encrypted signatures downloaded: 1"
    assert json.dumps(entry.data).isascii()


def confirmed_signature(petition, number):
    petition.signatures.create(
        address_hash=f"a{number}", ciphertext=b"x", country="BG", language="en",
        confirmed_on="2026-05-04", confirm_token_hash=f"c{number}", remove_token_hash=f"r{number}",
    )  # fmt: skip


def test_the_admin_home_lists_the_organisers_open_petitions(client, own, other):
    confirmed_signature(own, 1)
    PaperBatch.objects.create(petition=own, collected_on="2026-05-05", country="BG", count=40)
    closed = PetitionFactory(name="Closed one", status="closed")
    admin_user(client, "follow_collection", of=[own, closed])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="petitions-in-progress-heading"') :]
    assert reverse("collection:petition_dashboard", args=[own.pk]) in panel
    assert "<td>41 / 1,000</td>" in panel  # confirmed online and paper, as the public pages
    assert reverse("collection:petition_dashboard", args=[other.pk]) not in html
    assert reverse("collection:petition_dashboard", args=[closed.pk]) not in html


def test_the_lists_count_petitions_in_queries_that_do_not_grow_with_them(client, own):
    """The Collection list and the admin home's panel: a petition more costs no query more."""
    client.force_login(get_user_model().objects.create_superuser("root", password="x" * 20))
    queries = {}
    for petitions in (1, 3):
        while Petition.objects.count() < petitions:
            confirmed_signature(PetitionFactory(), Petition.objects.count())
        for name in ("collection:index", "wagtailadmin_home"):
            client.get(reverse(name))  # what a first request caches is not counted
            with CaptureQueriesContext(connection) as asked:
                assert client.get(reverse(name)).status_code == 200
            queries[name, petitions] = len(asked)
    assert queries["collection:index", 3] == queries["collection:index", 1]
    assert queries["wagtailadmin_home", 3] == queries["wagtailadmin_home", 1]
