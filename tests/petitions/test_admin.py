"""Editors make a petition in the admin: its fields chosen with check boxes from the fixed set,
its key checked, its partners and their sites, its versions kept as revisions."""

from django.contrib.auth import get_user_model

from petitions.models import Petition
from petitions.partners import partner_origins
from tests.admin_forms import edit_form_data
from tests.factories import organisers_key
from tests.factories.petitions import PetitionFactory

ADD = "/admin/snippets/petitions/petition/add/"


def editor(client):
    user = get_user_model().objects.create_superuser("editor", "", "y" * 20)
    client.force_login(user)
    return user


def test_a_petition_is_made_with_its_fields_chosen_from_the_fixed_set(client, db):
    editor(client)
    form = client.get(ADD).content.decode()
    assert 'type="checkbox" name="fields" value="postal_code"' in form
    data = edit_form_data(client, ADD)
    data.update(
        name="Safe cycling", addressee="The mayor", target="500", status="open",
        unconfirmed_days="7", public_key=organisers_key().public_key_text(),
        fields=["given_names", "city"],
    )  # fmt: skip
    assert client.post(ADD, data).status_code == 302
    petition = Petition.objects.get()
    assert petition.fields == ["given_names", "city"]
    assert petition.key_fingerprint and petition.revisions.count() == 1


def test_the_admin_refuses_a_field_outside_the_set_and_a_bad_key(client, db):
    editor(client)
    data = edit_form_data(client, ADD)
    data.update(name="x", addressee="y", target="1", status="open", unconfirmed_days="7",
                public_key="not a key", fields=["given_names", "passport_number"])  # fmt: skip
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert not Petition.objects.exists()


def test_a_delivered_petition_needs_its_day(client, db):
    editor(client)
    petition = PetitionFactory()
    url = f"/admin/snippets/petitions/petition/edit/{petition.pk}/"
    data = edit_form_data(client, url)
    data.update(status="delivered", delivered_on="")
    assert client.post(url, data).status_code == 200
    data.update(delivered_on="2026-12-01", delivery_record="Handed to the mayor's office")
    assert client.post(url, data).status_code == 302
    petition.refresh_from_db()
    assert petition.status == "delivered" and petition.revisions.count() == 1


def test_the_petitions_partners_are_kept_with_their_sites_origin(client, db):
    editor(client)
    petition = PetitionFactory()
    url = f"/admin/snippets/petitions/petition/edit/{petition.pk}/"
    data = edit_form_data(client, url)
    partner = {"partners-TOTAL_FORMS": "1", "partners-INITIAL_FORMS": "0",
               "partners-MIN_NUM_FORMS": "0", "partners-MAX_NUM_FORMS": "1000",
               "partners-0-name": "Friends of the Air", "partners-0-code": "friends",
               "partners-0-ORDER": "1", "partners-0-id": "", "partners-0-DELETE": ""}  # fmt: skip
    refused = client.post(url, data | partner | {"partners-0-origin": "https://a.example/page"})
    assert refused.status_code == 200 and "Enter an origin" in refused.content.decode()
    assert not petition.partners.exists()
    saved = client.post(url, data | partner | {"partners-0-origin": "HTTPS://A.Example/"})
    assert saved.status_code == 302
    assert partner_origins(petition.pk) == {"friends": "https://a.example"}
