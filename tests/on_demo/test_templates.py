"""Templates and front end: the signing outcomes, routable URLs, the image block, the userbar."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from home.models import StandardPage
from signing.models import SigningPage

from ..signing.helpers import bulgarian
from .demo_signing import SIGN_URL, form_url, sign

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
ALREADY_SIGNED = "A statement of support with these details has already been received"
RATE_LIMITED = "Too many statements have been sent from your connection"
CLOSED = "The collection of statements of support is closed."


def h1(html):
    return re.search(r"<h1>\s*(.*?)\s*</h1>", html, re.S).group(1)


def template_names(response):
    return [template.name for template in response.templates]


def test_already_signed_is_the_outcome_template_with_its_own_text(client, initiative):
    assert sign(client, "BG", **bulgarian()).status_code == 302
    response = sign(client, "BG", **bulgarian())
    html = response.content.decode()
    assert response.status_code == 200
    assert "signing/outcome.html" in template_names(response)
    assert h1(html) == "You have already supported this initiative"
    assert re.search(r"<title>\s*You have already supported this initiative", html)
    assert ALREADY_SIGNED in html and RATE_LIMITED not in html and CLOSED not in html


def test_rate_limited_is_the_outcome_template_with_429(client, settings):
    settings.SIGNING_RATE_LIMIT = "1/60"
    cache.clear()
    client.post(form_url("BG"), {})
    response = client.post(form_url("BG"), {})
    html = response.content.decode()
    assert response.status_code == 429
    assert "signing/outcome.html" in template_names(response)
    assert h1(html) == "Too many attempts"
    assert RATE_LIMITED in html and ALREADY_SIGNED not in html and CLOSED not in html


@pytest.mark.parametrize("step", ["", "bg/"])
def test_not_collecting_is_the_outcome_template(client, step):
    response = client.get("/en/initiatives/safe-cross-border-commuting/sign/" + step)
    html = response.content.decode()
    assert response.status_code == 200
    assert "signing/outcome.html" in template_names(response)
    assert h1(html) == "Support this initiative"
    assert CLOSED in html and ALREADY_SIGNED not in html and RATE_LIMITED not in html


@pytest.mark.parametrize("lang", ["en", "sk"])
def test_the_lookup_link_is_the_signing_pages_route(client, lang):
    signing_page = SigningPage.objects.get(
        url_path__endswith="/clean-air-around-every-school/sign/", locale__language_code="en"
    )
    html = client.get(SIGN_URL.format(lang=lang)).content.decode()
    lookup = SIGN_URL.format(lang=lang) + signing_page.reverse_subpage("lookup")
    assert f'href="{lookup}"' in html
    assert client.get(lookup).status_code == 200


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
    page = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
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


@pytest.mark.parametrize(
    "path", ["/en/", "/en/initiatives/clean-air-around-every-school/", SIGN_URL.format(lang="en")]
)
def test_editors_get_the_userbar_and_anonymous_visitors_never_do(client, editor_client, path):
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
