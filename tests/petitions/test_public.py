"""Names and comments signers allowed to be shown: kept apart only with that consent, shown on
the page once the signature is confirmed and a moderator approved them."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse

from outbox.sending import send_due
from petitions.models import PublicSignature
from tests.admin_forms import edit_form_data
from tests.privacy import assert_nowhere

from .test_journey import follow, links, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition_page(petition_page):
    petition = petition_page.petition
    petition.fields = ["given_names", "family_names", "comment", "show_name"]
    petition.save()
    return petition_page


def moderator(client):
    group = Group.objects.create(name="Petition moderators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_publicsignature"),
    )
    user = get_user_model().objects.create_user("moderator", password="y" * 20)
    user.groups.add(group)
    client.force_login(user)
    return user


def shown(client, page):
    cache.clear()
    return client.get(page.url).content.decode()


def sign_and_confirm(client, inbox, page, **fields):
    sign(client, page, **fields)
    send_due()
    tokens = links(inbox()[-1].body)
    follow(client, page, "confirm", tokens["confirm"])
    return tokens


def test_an_approved_name_and_comment_are_shown_once_confirmed(client, inbox, petition_page):
    sign(client, petition_page, show_name="on", comment="Our street needs this.")
    moderators = client.__class__()
    moderator(moderators)
    index = moderators.get(reverse("petition_moderation:index")).content.decode()
    assert "Ilinka Dragomirova" not in index  # not confirmed: nothing to moderate yet
    send_due()
    follow(client, petition_page, "confirm", links(inbox()[-1].body)["confirm"])
    index = moderators.get(reverse("petition_moderation:index")).content.decode()
    assert "Ilinka Dragomirova" in index and "Waiting for moderation" in index
    assert "Ilinka Dragomirova" not in shown(client, petition_page)  # not yet approved
    entry = PublicSignature.objects.get()
    url = reverse("petition_moderation:edit", args=[entry.pk])
    data = edit_form_data(moderators, url)
    assert moderators.post(url, data | {"status": "approved"}).status_code == 302
    page = shown(client, petition_page)
    assert "Ilinka Dragomirova" in page and "Our street needs this." in page
    moderators.post(url, data | {"status": "rejected"})
    assert "Ilinka Dragomirova" not in shown(client, petition_page)


def test_without_the_consent_nothing_is_kept_apart_from_the_ciphertext(
    client, caplog, inbox, petition_page
):
    caplog.set_level(logging.DEBUG)
    sign_and_confirm(client, inbox, petition_page, given_names="Quxzolwyn", comment="Plimvox")
    assert not PublicSignature.objects.exists()
    cache.clear()
    assert_nowhere(["Quxzolwyn", "Plimvox"], caplog.text)


def test_a_removed_signature_takes_its_name_and_comment_with_it(
    client, caplog, inbox, petition_page
):
    """Approved in the admin first: Wagtail logs each edit under the object's label, and its
    message names it; neither may keep the name once the signature is removed."""
    caplog.set_level(logging.DEBUG)
    tokens = sign_and_confirm(
        client, inbox, petition_page, show_name="on", comment="Our street needs this."
    )
    moderators = client.__class__()
    moderator(moderators)
    url = reverse("petition_moderation:edit", args=[PublicSignature.objects.get().pk])
    approved = moderators.post(url, edit_form_data(moderators, url) | {"status": "approved"})
    assert approved.status_code == 302
    assert "Ilinka Dragomirova" in shown(client, petition_page)
    follow(client, petition_page, "remove", tokens["remove"])
    assert not PublicSignature.objects.exists()
    assert "Ilinka Dragomirova" not in shown(client, petition_page)
    cache.clear()
    assert_nowhere(["Ilinka", "Dragomirova", "Our street needs this."], caplog.text)
    assert "Dragomirova" not in moderators.cookies.get("messages", "")


def test_nobody_adds_a_name_in_the_admin_and_only_moderators_see_them(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "", "y" * 20))
    assert client.get(reverse("petition_moderation:add")).status_code in (302, 403)
    other = client.__class__()
    other.force_login(get_user_model().objects.create_user("editor", password="y" * 20))
    assert other.get(reverse("petition_moderation:index")).status_code in (302, 403)
