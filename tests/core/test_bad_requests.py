"""Malformed requests get a 4xx, never a 500: a Host outside ALLOWED_HOSTS (every path, the
health check included), a NUL in an open-counts path (PostgreSQL refuses NUL in a query: this
runs there under make test-postgres), and what visitors typed goes out of Wagtail's CSV export
of contact submissions as text, never as a formula."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import ContactPageFactory

pytestmark = pytest.mark.django_db

BAD_HOSTS = ["evil.example", "localhost:6666@evil.example", "", "a b", "[::1", "x" * 300]


@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize("path", ["/healthz", "/", "/en/", "/admin/login/", "/counts/x.json"])
def test_a_host_outside_allowed_hosts_is_a_400(client, home_page, path, host):
    client.raise_request_exception = False
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 400
    assert response.content == b"Bad Request"


def test_the_health_check_stays_minimal(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.content == b"ok"


@pytest.mark.parametrize(
    "path", ["/counts/%00.json", "/counts/ECI%00/countries.csv", "/counts/a%01b/days.csv"]
)
def test_a_control_character_in_an_open_counts_path_is_a_404(client, initiative, path):
    client.raise_request_exception = False
    assert client.get(path).status_code == 404


def test_the_csv_export_of_contact_submissions_writes_formulas_as_text(client, home_page):
    page = ContactPageFactory(parent=home_page)
    field = page.form_fields.first()
    FormSubmission.objects.create(
        page=page, form_data={field.clean_name: '=HYPERLINK("http://evil.example","Click")'}
    )
    client.force_login(get_user_model().objects.create_superuser("root", "", "r" * 20))
    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv")
    csv = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(" in csv
    assert ",=HYPERLINK(" not in csv and '"=HYPERLINK(' not in csv
