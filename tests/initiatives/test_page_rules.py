"""Rules an editor meets on the initiative page: one page per record and language, each topic
once, and the signing page found whatever the tree's stored child count says (issue 24)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from initiatives.models import InitiativePage
from tests.factories import TopicFactory, translate_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.create_superuser("e", "", "correct horse battery"))
    return client


def page_form(initiative, title, topics=()):
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "initiative": initiative.pk,
            "subject_matter": "Cleaner air.",
            "objectives": rich_text("<p>Limits.</p>"),
            "annex": streamfield([]),
            "topic_links": inline_formset([{"topic": topic.pk} for topic in topics]),
        }
    )


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["initiatives", "initiativepage", index.pk])


def test_a_second_page_for_the_same_record_in_one_language_is_refused(
    editor_client, initiative_page
):
    index = initiative_page.get_parent()
    response = editor_client.post(add_url(index), page_form(initiative_page.initiative, "Again"))
    assert response.status_code == 200
    assert "This initiative already has a page in this language: “Clean air”." in (
        response.content.decode()
    )
    assert InitiativePage.objects.filter(initiative=initiative_page.initiative).count() == 1


def test_the_same_topic_twice_is_refused_with_a_message(editor_client, initiative_page):
    topic = TopicFactory(locale=initiative_page.locale)
    url = reverse("wagtailadmin_pages:edit", args=[initiative_page.pk])
    form = page_form(initiative_page.initiative, "Clean air", topics=[topic, topic])
    response = editor_client.post(url, form | {"slug": initiative_page.slug})
    assert response.status_code == 200
    assert "This topic is already chosen for this page." in response.content.decode()
    assert not initiative_page.topic_links.exists()


def test_a_translated_initiative_page_finds_its_signing_page_whatever_its_child_count(
    signing_page,
):
    translated = translate_tree(signing_page, "bg")["bg"]
    page_bg = InitiativePage.objects.get(pk=translated.get_parent().pk)
    Page.objects.filter(pk=page_bg.pk).update(numchild=0)  # as wagtail-localize can leave it
    page_bg.refresh_from_db()
    assert page_bg.signing_page() == translated
