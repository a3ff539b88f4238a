"""Pages go out compressed to clients that take gzip (GZipMiddleware under the page cache, which
keeps one copy per encoding); /favicon.ico is a file, not the 404 page."""

import gzip
import re

from core import page_cache

from ..signing.helpers import form_url


def test_public_page_compressed_once_and_served_compressed_from_the_page_cache(
    client, initiative_page
):
    url = initiative_page.url
    plain = client.get(url)
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    second = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in plain
    assert plain.headers["X-Page-Cache"] == "miss"
    assert first.headers["X-Page-Cache"] == "miss"  # a copy of its own
    assert second.headers["X-Page-Cache"] == "hit"
    for response in (first, second):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content).decode().count(initiative_page.title) >= 1
    assert len(second.content) * 4 < len(plain.content)
    # The page cache's two copies: the plain one is never sent to a client that asked for gzip.
    assert client.get(url).content == plain.content


def test_page_with_a_csrf_token_is_compressed_with_a_fresh_mask_each_time(client, signing_page):
    """BREACH: the token in a compressed page is masked anew in every response (Django), and
    GZipMiddleware pads each response with random bytes."""
    url = form_url(signing_page, "BG")
    tokens = []
    for _ in range(2):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        assert "private" in response["Cache-Control"]
        html = gzip.decompress(response.content).decode()
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
    assert tokens[0] != tokens[1]


def test_page_cache_key_says_the_encoding(rf):
    assert page_cache.cache_key(rf.get("/en/")).endswith(":0")
    assert page_cache.cache_key(rf.get("/en/", HTTP_ACCEPT_ENCODING="br, gzip")).endswith(":1")


def test_favicon(client, home_page):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get(home_page.url).content.decode()
    assert re.search(r'<link rel="icon" href="/static/icons/favicon[^"]*\.svg"', page)
