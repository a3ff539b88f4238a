"""An organiser reaches the collection of the initiatives they organise, and of no other: every
organiser view (each route of organisers/urls.py that names an initiative, each method it
answers), the index, and the paper batches of the initiative's record (core.access)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, reverse

from initiatives.models import Initiative
from organisers import urls
from tests.factories import InitiativeFactory

from .helpers import admin_user

pytestmark = pytest.mark.django_db

EVERY_PERMISSION = ("follow_collection", "destroy_statements", "key_in_paper_statements",
                    "record_paper_statements", "change_initiative")  # fmt: skip
SNIPPETS = "wagtailsnippets_initiatives_initiative"
BATCHES = "paper_batches-TOTAL_FORMS"


def organiser_routes(argument="<int:pk>"):
    """(url name, method) of every organiser view of one initiative (or, with the petitions'
    `argument`, of one petition), read from the URLconf: a view added there is checked here
    without a change to this test."""
    routes = []
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if argument not in str(pattern.pattern):
            continue
        view = pattern.callback.view_class
        for method in ("get", "post"):
            if hasattr(view, method):
                routes.append((f"{urls.app_name}:{pattern.name}", method))
    return routes


ROUTES = organiser_routes()


def refused(response):
    """Wagtail's admin answers PermissionDenied with its refusal: back to the admin home, with
    "Sorry, you do not have permission to access this area" (a plain 403 where it cannot)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def other(db):
    return InitiativeFactory(keys_in_paper_statements=True)


@pytest.fixture
def own(initiative):
    initiative.keys_in_paper_statements = True
    initiative.save()
    return initiative


def request(client, name, method, initiative):
    url = reverse(name, args=[initiative.pk])
    return getattr(client, method)(url, {} if method == "get" else {"reason": "x"})


def test_every_organiser_view_is_found():
    names = {name for name, _method in ROUTES}
    assert {"collection:dashboard", "collection:bundle", "collection:destroy",
            "collection:paper"} <= names  # fmt: skip


@pytest.mark.parametrize(("name", "method"), ROUTES)
def test_an_organiser_of_one_initiative_is_refused_every_view_of_another(
    client, own, other, name, method
):
    admin_user(client, *EVERY_PERMISSION, of=[own])
    assert refused(request(client, name, method, other))
    if method == "get":
        assert request(client, name, method, own).status_code == 200


@pytest.mark.parametrize(("name", "method"), ROUTES)
def test_a_permission_alone_reaches_no_initiative(client, own, other, name, method):
    admin_user(client, *EVERY_PERMISSION)
    assert refused(request(client, name, method, own))
    assert refused(request(client, name, method, other))


@pytest.mark.parametrize(("name", "method"), [route for route in ROUTES if route[1] == "get"])
def test_a_superuser_reaches_every_initiative(client, own, other, name, method):
    client.force_login(get_user_model().objects.create_superuser("root", password="x" * 20))
    assert request(client, name, method, other).status_code == 200


def test_the_index_lists_only_the_organisers_initiatives(client, own, other):
    admin_user(client, *EVERY_PERMISSION, of=[own])
    html = client.get(reverse("collection:index")).content.decode()
    assert reverse("collection:dashboard", args=[own.pk]) in html
    assert reverse("collection:dashboard", args=[other.pk]) not in html


def test_the_index_reads_the_central_system_only_for_the_organisers_initiatives(client, own):
    """The section on the central system's readings (and their failures) follows the same rule
    as the list above it."""
    central = {"collection": Initiative.Collection.CENTRAL, "public_key": ""}
    theirs = InitiativeFactory(name="Clean rivers", **central)
    InitiativeFactory(name="Quiet streets", **central)
    admin_user(client, "follow_collection", of=[own, theirs])
    html = client.get(reverse("collection:index")).content.decode()
    assert "Clean rivers" in html
    assert "Quiet streets" not in html


def test_a_bundle_of_another_initiative_is_not_downloaded_or_logged(client, own, other):
    from wagtail.models import ModelLogEntry

    admin_user(client, *EVERY_PERMISSION, of=[own])
    response = client.post(reverse("collection:bundle", args=[other.pk]))
    assert refused(response)
    assert not ModelLogEntry.objects.filter(action="eci.bundle_downloaded").exists()


def test_paper_batches_only_in_the_record_of_an_initiative_organised(client, own, other):
    """The record is edited by editors; its paper batches are the organisers' own."""
    admin_user(client, *EVERY_PERMISSION, "access_admin", of=[own])
    own_page = client.get(reverse(f"{SNIPPETS}:edit", args=[own.pk])).content.decode()
    other_page = client.get(reverse(f"{SNIPPETS}:edit", args=[other.pk])).content.decode()
    assert BATCHES in own_page
    assert BATCHES not in other_page


def test_each_initiative_gets_its_organisers_group_named_after_it(db):
    initiative = InitiativeFactory()
    assert initiative.organisers_group.name == f"Organisers of {initiative.registration_number}"
    initiative.registration_number = "ECI(2026)000777"
    initiative.save()
    initiative.organisers_group.refresh_from_db()
    assert initiative.organisers_group.name == "Organisers of ECI(2026)000777"
    codenames = set(initiative.organisers_group.permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "follow_collection"}


def test_the_admin_home_lists_only_the_organisers_collections(client, own, other):
    admin_user(client, *EVERY_PERMISSION, of=[own])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("collection:dashboard", args=[own.pk]) in html
    assert reverse("collection:dashboard", args=[other.pk]) not in html
