"""Templates and front end: no URL built by appending to a page URL, every blocktranslate
trimmed, the image block, the userbar (moved from tests/on_demo/test_templates.py)."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image

from tests.factories import StandardPageFactory, site_home

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_no_template_builds_a_url_by_appending_to_a_page_url():
    """Subpage URLs come from {% routablepageurl %} (or reverse_subpage in views)."""
    appended = re.compile(r"(\{%\s*pageurl [^%]*%\}|\.url\s*\}\})[\w-]+/")
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.rglob("*.html")
        for match in appended.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_every_blocktranslate_is_trimmed():
    untrimmed = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.rglob("*.html")
        for match in re.finditer(r"\{%\s*blocktrans(late)?\b(?![^%]*\btrimmed\b)[^%]*%\}",
                                 path.read_text(encoding="utf-8"))
    ]  # fmt: skip
    assert untrimmed == []


def add_image_block(alt_text="Blue and yellow stripes", decorative=False):
    picture = PILImage.new("RGB", (1600, 900), (40, 90, 160))
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    image = Image.objects.create(title="Stripes", file=ImageFile(buffer, name="stripes.png"))
    page = StandardPageFactory(parent=site_home(), title="About", slug="about")
    page.body = [
        *page.body.raw_data,
        {"type": "image",
         "value": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}},
    ]  # fmt: skip
    page.save_revision().publish()
    return page


def test_the_image_block_is_a_picture_in_three_formats_and_widths(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    page = add_image_block()
    html = client.get(page.url).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert '<source sizes="' in picture
    for mime, extension in (("image/avif", "avif"), ("image/webp", "webp")):
        source = re.search(rf'<source [^>]*type="{mime}"[^>]*>', picture).group(0)
        for width in (400, 800, 1200):
            assert f".format-{extension}.width-{width}.{extension} {width}w" in source
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert 'alt="Blue and yellow stripes"' in img
    assert ".format-jpeg.width-400.jpg" in img and 'class="block-image"' in img


def test_a_decorative_image_has_an_empty_alt(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    page = add_image_block(alt_text="", decorative=True)
    html = client.get(page.url).content.decode()
    img = re.search(r"<picture>.*?(<img [^>]*>)", html, re.S).group(1)
    assert 'alt=""' in img


@pytest.fixture
def editor_client(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@localhost", "x" * 16)
    editor_client = type(client)(SERVER_NAME="localhost")
    editor_client.force_login(editor)
    return editor_client


@pytest.mark.parametrize("page", ["home", "initiative", "signing"])
def test_editors_get_the_userbar_and_anonymous_visitors_never_do(
    client, editor_client, signing_page, page
):
    initiative_page = signing_page.get_parent()
    home = initiative_page.get_parent().get_parent()
    with translation.override("en"):
        path = {"home": home, "initiative": initiative_page, "signing": signing_page}[page].url
    assert path.startswith("/en/")
    # The editor comes first, so that the chrome fragments are cached from the editor's visit.
    edited = editor_client.get(path)
    assert edited.status_code == 200
    assert "<wagtail-userbar>" in edited.content.decode()
    assert "wagtailadmin/js/userbar" in edited.content.decode()
    anonymous = client.get(path).content.decode()
    assert "wagtail-userbar" not in anonymous and "userbar" not in anonymous
    # The userbar needs no relaxation of the public pages' policy.
    assert edited.headers["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in settings.CONTENT_SECURITY_POLICY
