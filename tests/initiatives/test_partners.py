"""An initiative's partners: their origins (the allow-list of frame-ancestors), codes and counts."""

import pytest
from django.core.exceptions import ValidationError

from initiatives.models import Partner
from initiatives.models.partners import normalise_origin
from initiatives.partners import partner_origins, statements_per_partner
from tests.admin_forms import edit_form_data
from tests.factories import InitiativeFactory, PartnerFactory, StatementFactory


@pytest.mark.parametrize(
    ("typed", "origin"),
    [
        ("https://www.example.org", "https://www.example.org"),
        ("  HTTPS://WWW.Example.ORG/ ", "https://www.example.org"),
        ("https://example.org:443", "https://example.org"),
        ("http://example.org:80/", "http://example.org"),
        ("https://example.org:8443", "https://example.org:8443"),
        ("http://127.0.0.2:8001", "http://127.0.0.2:8001"),
        ("https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
    ],
)
def test_an_origin_is_kept_as_browsers_compare_it(typed, origin):
    assert normalise_origin(typed) == origin


@pytest.mark.parametrize(
    "typed",
    [
        "www.example.org",
        "https://example.org/campaign",
        "https://example.org/?partner=x",
        "https://example.org/#top",
        "https://user:secret@example.org",
        "ftp://example.org",
        "javascript:alert(1)",
        "https://example.org:99999",
        "https://*.example.org",
        "https://example.org; script-src *",
        "'none'",
        "",
    ],
)
def test_anything_but_an_origin_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_origin(typed)


@pytest.mark.django_db
def test_the_partner_form_normalises_and_validates_the_origin():
    initiative = InitiativeFactory()
    partner = Partner(initiative=initiative, name="Friends", code="friends", origin="HTTPS://A.EU/")
    partner.full_clean()
    assert partner.origin == "https://a.eu"
    partner.origin = "https://a.eu/page"
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert "origin" in raised.value.message_dict
    Partner(
        initiative=initiative, name="No site", code="no-site"
    ).full_clean()  # a site is optional


@pytest.mark.django_db
def test_a_partner_code_is_a_slug_unique_per_initiative():
    first = PartnerFactory(code="friends")
    with pytest.raises(ValidationError):
        Partner(initiative=first.initiative, name="Other", code="friends").validate_constraints()
    with pytest.raises(ValidationError):
        Partner(initiative=first.initiative, name="Other", code="not a slug!").full_clean()
    Partner(initiative=InitiativeFactory(), name="Other", code="friends").validate_constraints()


@pytest.mark.django_db
def test_the_partners_read_on_the_signing_path_follow_every_change():
    partner = PartnerFactory(code="friends", origin="https://a.eu")
    assert partner_origins(partner.initiative_id) == {"friends": "https://a.eu"}
    partner.origin = "https://b.eu"
    partner.save()
    assert partner_origins(partner.initiative_id) == {"friends": "https://b.eu"}
    partner.delete()
    assert partner_origins(partner.initiative_id) == {}


@pytest.mark.django_db
def test_statements_are_counted_per_partner():
    initiative = InitiativeFactory()
    PartnerFactory(initiative=initiative, code="friends", name="Friends of the air")
    PartnerFactory(initiative=initiative, code="quiet", name="A quiet partner")
    StatementFactory.create_batch(2, initiative=initiative, partner="friends")
    StatementFactory(initiative=initiative, partner="gone")  # a partner removed since
    StatementFactory(initiative=initiative)
    StatementFactory(initiative=InitiativeFactory(), partner="friends")
    assert statements_per_partner(initiative) == [
        ("friends", "Friends of the air", 2, 0),
        ("gone", "gone", 1, 0),
        ("quiet", "A quiet partner", 0, 0),
    ]


@pytest.fixture
def editor(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("editor", "", "correct horse battery")
    client.force_login(user)
    return client


def partner_rows(**rows):
    """The partners' inline formset, as the admin posts it."""
    data = {"partners-TOTAL_FORMS": str(len(rows)), "partners-INITIAL_FORMS": "0",
            "partners-MIN_NUM_FORMS": "0", "partners-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for index, (code, origin) in enumerate(rows.items()):
        data |= {f"partners-{index}-name": f"Partner {code}", f"partners-{index}-code": code,
                 f"partners-{index}-origin": origin, f"partners-{index}-ORDER": str(index + 1),
                 f"partners-{index}-id": "", f"partners-{index}-DELETE": ""}  # fmt: skip
    return data


@pytest.mark.django_db
def test_editors_keep_the_partners_in_the_initiatives_admin(editor):
    from django.urls import reverse

    initiative = InitiativeFactory()
    edit_url = reverse("wagtailsnippets_initiatives_initiative:edit", args=[initiative.pk])
    data = edit_form_data(editor, edit_url)
    refused = editor.post(edit_url, data | partner_rows(friends="https://friends.example/campaign"))
    assert refused.status_code == 200
    assert "Enter an origin" in refused.content.decode()
    assert not Partner.objects.exists()
    saved = editor.post(edit_url, data | partner_rows(friends="HTTPS://Friends.Example/"))
    assert saved.status_code == 302
    assert partner_origins(initiative.pk) == {"friends": "https://friends.example"}
