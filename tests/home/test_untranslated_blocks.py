"""A partly translated body: the blocks still in the source's language are marked with its
`lang` and the page says so; the translated ones are not (issue 24)."""

import re

import pytest

from tests.factories import StandardPageFactory, translate, translate_tree

pytestmark = pytest.mark.django_db


def test_an_english_block_in_a_bulgarian_page_is_marked(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="About",
        slug="about",
        body=[
            ("paragraph", "<p>Organisers collect statements.</p>"),
            ("paragraph", "<p>Only the organisers can read them.</p>"),
        ],
    )
    second = page.body[1].id
    translate_tree(home_page, "bg")
    bulgarian = translate(page, "bg", **{f"body.{second}": None})
    html = client.get(bulgarian.url).content.decode()
    assert "Organisers collect statements. [bg]" in html
    marked = re.search(r'<div lang="en">(.*?)</div>', html, re.S)
    assert marked and "Only the organisers can read them." in marked.group(1)
    assert "Organisers collect statements" not in marked.group(1)
    assert 'class="notice notice--language"' in html  # "Parts of this text …", in Bulgarian
