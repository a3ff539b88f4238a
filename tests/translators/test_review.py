"""A translator who may not publish: no "Convert to alias page" (which publishes the source's
text) as the translation editor's main button or at its address, and "Submit for review" into
the language's workflow, whose approval publishes the translation (issue 24)."""

import json
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests.factories import StandardPageFactory, translate_tree
from translators.groups import reviewers_group_name, setup_groups, translators_group_name

from .test_groups import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulgarian(home_page):
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    translation = translate_tree(page, "bg")["bg"]
    setup_groups()  # the language's groups and workflow, on its tree
    return translation


def signed_in(*group_names):
    client = Client()
    client.force_login(member_of(*group_names))
    return client


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return json.loads(unescape(re.search(r'data-props="([^"]*)"', html)[1])), html


def test_a_translator_is_offered_submit_for_review_not_convert_to_alias(bulgarian):
    props, html = editor_props(signed_in(translators_group_name("bg")), bulgarian)
    assert props["links"]["convertToAliasUrl"] is None
    assert props["perms"]["canPublish"] is False
    assert 'value="submit-for-review"' in html


def test_a_reviewer_keeps_wagtail_localizes_editor(bulgarian):
    props, html = editor_props(signed_in(reviewers_group_name("bg")), bulgarian)
    assert props["links"]["convertToAliasUrl"]
    assert 'value="submit-for-review"' not in html


def test_a_translator_cannot_convert_a_translation_to_an_alias(bulgarian):
    client = signed_in(translators_group_name("bg"))
    client.post(reverse("wagtail_localize:convert_to_alias", args=[bulgarian.pk]))
    assert Page.objects.get(pk=bulgarian.pk).alias_of_id is None


def test_wagtails_page_editor_offers_convert_to_alias_to_publishers_only(bulgarian):
    # A translation no longer synced ("Stop Synced translation") opens in Wagtail's editor.
    Translation.objects.filter(target_locale=bulgarian.locale).update(enabled=False)
    edit_url = reverse("wagtailadmin_pages:edit", args=[bulgarian.pk])
    translator = signed_in(translators_group_name("bg")).get(edit_url).content.decode()
    reviewer = signed_in(reviewers_group_name("bg")).get(edit_url).content.decode()
    assert "localize-convert-to-alias" not in translator
    assert "localize-convert-to-alias" in reviewer


def test_submitted_for_review_and_approved_it_is_published(bulgarian):
    english = bulgarian.get_translation(bulgarian.get_default_locale())
    segment = StringSegment.objects.get(
        source__object_id=english.translation_key, context__path="title"
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, locale=bulgarian.locale, context=segment.context,
        defaults={"data": "За нас"},
    )  # fmt: skip
    translator = signed_in(translators_group_name("bg"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[bulgarian.pk])
    response = translator.post(edit_url, {"action": "submit-for-review"}, follow=True)
    assert "waiting for its review" in response.content.decode()
    page = Page.objects.get(pk=bulgarian.pk)
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == "Translation review (bg)"
    assert page.title != "За нас"  # not public before the review

    reviewer = signed_in(reviewers_group_name("bg"))
    task_state = page.current_workflow_task_state
    response = reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )
    assert response.status_code == 302
    page = Page.objects.get(pk=bulgarian.pk)
    assert not page.workflow_in_progress
    assert page.title == "За нас"
    assert page.live_revision == page.latest_revision


def test_sent_back_with_changes_asked_for_it_is_submitted_again(bulgarian):
    translator = signed_in(translators_group_name("bg"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[bulgarian.pk])
    translator.post(edit_url, {"action": "submit-for-review"})
    page = Page.objects.get(pk=bulgarian.pk)
    reviewer = signed_in(reviewers_group_name("bg"))
    asked = reviewer.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", page.current_workflow_task_state.pk],
        ),
        {"comment": "Please translate the title."},
    )
    assert asked.status_code in (200, 302)
    assert Page.objects.get(pk=bulgarian.pk).current_workflow_state.status == "needs_changes"
    again = translator.post(edit_url, {"action": "submit-for-review"}, follow=True)
    assert again.status_code == 200 and "waiting for its review" in again.content.decode()
    state = Page.objects.get(pk=bulgarian.pk).current_workflow_state
    assert state.status == "in_progress"  # the same workflow, resumed
    assert state.pk == page.current_workflow_state.pk
