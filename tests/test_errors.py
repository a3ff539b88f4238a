"""Unknown addresses and malformed input get the site's own pages, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_page_gets_the_sites_404(client):
    response = client.get("/bg/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="bg"' in html
    assert 'class="site-header"' in html


def test_unknown_language_ends_on_a_404(client):
    response = client.get("/xx/nothing/", follow=True)
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/initiatives/?status=%ff&topic[]=1&page=abc",
        "/en/initiatives/?page=-1&status=collecting&topic=" + "x" * 5000,
        "/en/initiatives/?page=99999999999999999999",
        "/en/news/?page=%00",
        "/bg/search/?q=%ff%fe&page=zz",
        "/bg/search/?q=" + "ы" * 3000,
        "/ro/search/?q=%00%01",
        '/en/search/?q="',
        "/en/search/?q=AND OR NOT ( * ^ :",
        "/en/search/?q=&page=2",
        "/en/sitemap/?anything=%",
        "/en/feeds/news.rss?x=%ZZ",
    ],
)
def test_malformed_query_strings_never_give_500(client, url):
    response = client.get(url)
    assert response.status_code in (200, 301, 400, 404)


def test_contact_form_rejects_garbage_without_losing_input(client):
    response = client.post(
        "/en/contact/",
        {"your_name": "Ana", "your_email_address": "not-an-email", "captcha_0": "x"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'value="Ana"' in html
    assert 'value="not-an-email"' in html
