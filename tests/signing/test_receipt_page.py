"""The receipt, rendered once per signing page, country, day and language (signing/receipt_page.py):
each signer still gets their own identifier and nothing of anyone else's."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import StatementFactory

from .helpers import receipt_url

pytestmark = pytest.mark.django_db


def test_a_second_receipt_of_the_day_costs_one_query(
    client, initiative, signing_page, django_assert_max_num_queries
):
    first, second = StatementFactory.create_batch(2, initiative=initiative)
    assert client.get(receipt_url(signing_page, first.id)).status_code == 200
    # The statement (on PostgreSQL a prepared statement, which Django does not see); the page
    # comes from the cache.
    with django_assert_max_num_queries(1):
        response = client.get(receipt_url(signing_page, second.id))
    html = response.content.decode()
    assert str(second.id) in html
    assert str(first.id) not in html
    assert "България" not in html  # the page is the English one
    assert "Bulgaria" in html
    assert "no-store" in response["Cache-Control"]


def test_each_country_gets_its_own_receipt(client, initiative, signing_page):
    bulgarian = StatementFactory(initiative=initiative, country="BG")
    romanian = StatementFactory(initiative=initiative, country="RO")
    client.get(receipt_url(signing_page, bulgarian.id))
    html = client.get(receipt_url(signing_page, romanian.id)).content.decode()
    assert str(romanian.id) in html
    assert "Romania" in html
    assert "Bulgaria" not in html


def test_an_editors_receipt_is_not_shared(client, initiative, signing_page):
    """An editor's page carries Wagtail's user bar; a citizen's must not."""
    editor, citizen = StatementFactory.create_batch(2, initiative=initiative)
    client.force_login(get_user_model().objects.create_superuser("editor", "", "y" * 20))
    assert "wagtail-userbar" in client.get(receipt_url(signing_page, editor.id)).content.decode()
    client.logout()
    assert "wagtail-userbar" not in (
        client.get(receipt_url(signing_page, citizen.id)).content.decode()
    )
