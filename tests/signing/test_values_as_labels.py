"""A member state's name, a date or an age never sits inside a sentence (issue 23).

A value inserted after a preposition needs a grammatical case in a dozen languages (lv "šai
valstij", pl "dla Niemiec", fi "Saksan hyväksi"), which a name from a list or a formatted date
cannot take: the signing path shows them as label and value instead (docs/translations.md).
"""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext

from initiatives.collection_routes import on_site_refusals
from initiatives.countries import MEMBER_STATES
from tests.factories import InitiativeFactory

from .helpers import form_url, german, identifier_of, lookup_url, sign
from .test_forms import part_a, submit

pytestmark = pytest.mark.django_db

INFLECTED = ["lv", "fi", "pl"]


def only_as_values(html, value):
    """Every place `value` appears in `html` is a definition list's value on its own."""
    return html.count(value) >= 1 and html.count(value) == html.count(f"<dd>{value}</dd>")


def as_value(label, day, shown):
    """`day`, written `shown`, as the value of `label` in a definition list."""
    return f'<dt>{escape(label)}</dt><dd><time datetime="{day:%Y-%m-%d}">{shown}</time></dd>'


@pytest.mark.parametrize("language", ["en", *INFLECTED])
def test_the_receipt_and_the_lookup_show_the_member_state_as_a_value(
    client, signing_page, language
):
    with translation.override(language):
        germany = str(MEMBER_STATES["DE"])
        response = sign(client, signing_page, "DE", **german())
        assert response.status_code == 302, response.content.decode()[:500]
        receipt = client.get(response["Location"]).content.decode()
        lookup = client.get(
            lookup_url(signing_page), {"identifier": identifier_of(response)}
        ).content.decode()
    assert only_as_values(receipt, germany)
    assert only_as_values(lookup, germany)
    # The day as a value too: <dd><time …>4 May 2026</time></dd>, in the lookup as on the receipt.
    assert re.search(r"<dd><time datetime=\"\d{4}-\d\d-\d\d\">", lookup)


@pytest.mark.parametrize("language", ["en", *INFLECTED])
def test_the_form_names_the_member_state_in_apposition(client, signing_page, language):
    with translation.override(language):
        germany = str(MEMBER_STATES["DE"])
        html = client.get(form_url(signing_page, "DE")).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert heading.endswith(f" – {germany}"), heading
    # The initiative's registration: its day a value of its own, not "registered on …".
    assert re.search(r"</dt><dd><time datetime=\"\d{4}-\d\d-\d\d\">", html)


@pytest.mark.parametrize(
    ("language", "ending"),
    [
        ("en", "Germany: 16 years."),
        ("lv", "Vācija: 16 gadi."),
        ("fi", "Saksa: 16 vuotta."),
        ("pl", "Niemcy: 16 lat."),
        ("mt", "Il-Ġermanja: 16-il sena."),  # 11 to 19 take -il: the plural form by the age
    ],
)
def test_the_minimum_age_is_the_member_state_s_value_in_its_plural_form(language, ending):
    too_young = part_a(date_of_birth="01/06/2012")  # 14 on the statement's day; Germany: 16
    with translation.override(language):
        form = submit("DE", today=datetime.date(2026, 11, 23), **too_young)
        (message,) = form.errors["date_of_birth"]
    assert message.endswith(ending), message


@pytest.mark.parametrize("language", ["en", *INFLECTED])
def test_the_law_s_latest_start_and_end_close_the_editor_s_refusals(language):
    # Registered on 1 June 2022: it may start until 1 December 2022, and run 12 months.
    late = InitiativeFactory.build(
        own_system=True, collection_start=datetime.date(2022, 12, 2),
        collection_end=datetime.date(2024, 1, 1),
    )  # fmt: skip
    with translation.override(language):
        refusals = dict(on_site_refusals(late))
        latest_start = date_format(datetime.date(2022, 12, 1), "DATE_FORMAT")
        latest_end = date_format(datetime.date(2023, 12, 2), "DATE_FORMAT")
    # In the reader's date format, not ISO, and after a label: the sentence's last value.
    assert refusals["collection_start"].endswith(f": {latest_start}."), refusals
    assert refusals["collection_end"].endswith(f": {latest_end}."), refusals


@pytest.mark.parametrize("language", ["en", *INFLECTED])
def test_the_initiative_page_gives_the_collection_s_days_as_values(client, signing_page, language):
    initiative = signing_page.initiative()
    page = signing_page.get_parent()
    with translation.override(language):
        html = client.get(page.url).content.decode()
        start = date_format(initiative.collection_start, "DATE_FORMAT")
        end = date_format(initiative.collection_end, "DATE_FORMAT")
        closes = gettext("Collection closes")
    assert as_value(closes, initiative.collection_end, end) in html
    # The facts give the period as a range: "from … to …" would need a case for each day.
    assert f"{start}</time> – <time" in html
    assert html.count(end) == html.count(f"{end}</time>")


@pytest.mark.parametrize("language", ["en", *INFLECTED])
def test_a_collection_not_yet_open_gives_its_opening_day_as_a_value(client, signing_page, language):
    initiative = signing_page.initiative()
    initiative.collection_start = timezone.localdate() + datetime.timedelta(days=10)
    initiative.save()
    with translation.override(language):
        html = client.get(signing_page.get_parent().url).content.decode()
        opens = gettext("Collection opens")
        start = date_format(initiative.collection_start, "DATE_FORMAT")
    assert as_value(opens, initiative.collection_start, start) in html
