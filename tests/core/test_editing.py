"""What editors meet in the admin: the live preview may be framed by the admin, the block
library validates without a 500 (issue 24)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.blocks import BodyBlock, LinkBlock

from ..admin_forms import edit_form_data

pytestmark = pytest.mark.django_db


def initiative_page_form(page, **changes):
    """The initiative page's edit form as a browser posts it (its annex empty)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "initiative": page.initiative_id,
            "subject_matter": page.subject_matter,
            "objectives": rich_text(page.objectives),
            "annex": streamfield([]),
            "topic_links": inline_formset([]),
        }
        | changes
    )


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.create_superuser("e", "", "correct horse battery"))
    return client


def test_a_page_preview_may_be_framed_by_the_admin(editor_client, initiative_page):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[initiative_page.pk])
    data = initiative_page_form(initiative_page, title="Cleaner air")
    assert editor_client.post(preview_url, data).json()["is_valid"]
    response = editor_client.get(preview_url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Cleaner air" in response.content.decode()
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "script-src 'self'" in policy  # the preview keeps the site's own policy
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_public_page_itself_still_refuses_every_frame(client, initiative_page):
    response = client.get(initiative_page.url)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_site_identity_preview_may_be_framed_by_the_admin(editor_client, home_page):
    from home.models import SiteIdentity

    identity = SiteIdentity.objects.get(locale=home_page.locale)
    snippets = "wagtailsnippets_home_siteidentity"
    data = edit_form_data(editor_client, reverse(f"{snippets}:edit", args=[identity.pk]))
    preview_url = reverse(f"{snippets}:preview_on_edit", args=[identity.pk])
    assert editor_client.post(preview_url, data).json()["is_valid"]
    response = editor_client.get(preview_url)
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "targets",
    [{}, {"url": "https://example.org/", "page": "PAGE"}],
    ids=["no target", "two targets"],
)
def test_a_link_with_no_target_or_two_is_a_message_on_the_link(home_page, targets):
    value = {"title": "Read more", "page": None, "document": None, "url": "", "description": ""}
    value |= {key: home_page if target == "PAGE" else target for key, target in targets.items()}
    with pytest.raises(StructBlockValidationError) as raised:
        LinkBlock().clean(LinkBlock().to_python(LinkBlock().get_prep_value(value)))
    assert "Choose exactly one of page, document or external address." in str(
        raised.value.as_json_data()
    )


def test_a_links_block_without_target_is_refused_in_the_page_form(home_page):
    body = BodyBlock()
    stream = body.to_python(
        [{"type": "links", "value": {"heading": "", "links": [{"title": "Read more"}]}}]
    )
    with pytest.raises(StreamBlockValidationError):
        body.clean(stream)


@pytest.mark.parametrize(("heading", "title_tag"), [("Three stages", "h3"), ("", "h2")])
def test_step_titles_sit_one_level_under_their_heading(heading, title_tag):
    from core.blocks import StepsBlock

    block = StepsBlock()
    value = block.to_python(
        {"heading": heading, "steps": [{"title": "Choose the software", "body": "<p>Reuse.</p>"}]}
    )
    html = block.render(value)
    assert f'<{title_tag} class="steps__title">Choose the software</{title_tag}>' in html


def test_the_block_picker_previews_every_block_with_the_sites_stylesheet(editor_client):
    previewed = {
        name: block for name, block in BodyBlock().child_blocks.items() if block.is_previewable
    }
    # An image needs an image of the site's own; every other block shows its preview value.
    assert set(previewed) == {"heading", "paragraph", "steps", "callout", "links", "quote"}
    for name, block in previewed.items():
        assert block.get_description(), name
        response = editor_client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "css/site.css" in html, name
        assert f"block-{name}" in html, name
