"""Groups per language and a translator who publishes only their languages, including through
"Sync translated pages" (issues 22 and 24)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from tests.factories import StandardPageFactory, translate_tree
from translators.groups import reviewers_group_name, setup_groups, translators_group_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    translate_tree(page, "bg", "ro")
    setup_groups()
    return page


def test_migrate_ships_the_groups():
    # Created by post_migrate when the test database was migrated, as on a new site.
    assert {"Organisers", "Translation coordinators"} <= set(
        Group.objects.values_list("name", flat=True)
    )


def member_of(*group_names):
    user = get_user_model().objects.create_user(
        "-".join(group_names), "", "correct horse battery", is_staff=True
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


def version(page, code):
    return Page.objects.get(pk=page.get_translation(Locale.objects.get(language_code=code)).pk)


def test_a_coordinator_finds_locales_in_the_settings_menu():
    client = Client()
    client.force_login(member_of("Translation coordinators"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtaillocales:index") in html


def test_each_language_has_its_translators_reviewers_and_workflow(about):
    assert Group.objects.filter(name="Organisers").exists()
    coordinator = member_of("Translation coordinators")
    assert coordinator.has_perm("wagtailcore.add_locale")
    translator = member_of(translators_group_name("bg"))
    reviewer = member_of(reviewers_group_name("bg"))
    bulgarian, romanian = version(about, "bg"), version(about, "ro")
    assert bulgarian.permissions_for_user(translator).can_edit()
    assert not bulgarian.permissions_for_user(translator).can_publish()
    assert bulgarian.permissions_for_user(reviewer).can_publish()
    assert not romanian.permissions_for_user(reviewer).can_edit()
    assert bulgarian.get_workflow().name == "Translation review (bg)"
    assert [group.name for group in bulgarian.get_workflow().tasks.get().specific.groups.all()] == [
        reviewers_group_name("bg")
    ]


def test_sync_translated_pages_publishes_only_the_languages_the_user_may_publish(
    about, django_capture_on_commit_callbacks
):
    reviewer = member_of(reviewers_group_name("bg"))
    client = Client()
    client.force_login(reviewer)
    about.title = "About us"
    about.save_revision().publish()
    source = TranslationSource.objects.get(object_id=about.translation_key, locale=about.locale)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
            follow=True,
        )
    assert response.status_code == 200
    assert "Not published in" in response.content.decode()
    about.refresh_from_db()
    bulgarian, romanian = version(about, "bg"), version(about, "ro")
    assert bulgarian.live_revision == bulgarian.latest_revision
    assert bulgarian.last_published_at > about.last_published_at
    assert romanian.last_published_at < about.last_published_at  # untouched
