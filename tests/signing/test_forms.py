"""Every member state's form: the right fields, valid and invalid numbers, ages, postal codes."""

import datetime

import pytest
from captcha.models import CaptchaStore
from django.utils import translation

from initiatives.countries import MEMBER_STATES
from signing.forms import StatementForm
from signing.rules import RULES

from .helpers import case_id, cases

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)
PART_A_FIELDS = {"street", "street_number", "postal_code", "city", "residence_country",
                 "residence_country_other", "date_of_birth"}  # fmt: skip
PART_B_FIELDS = {"document_type", "document_number"}
COMMON = {"first_names", "family_names", "declaration", "privacy", "captcha"}


def solved_captcha():
    key = CaptchaStore.generate_key()
    return {"captcha_0": key, "captcha_1": CaptchaStore.objects.get(hashkey=key).response}


def submit(country, today=TODAY, **data):
    values = {"first_names": "Ana Maria", "family_names": "Popescu-Ionescu",
              "declaration": "on", "privacy": "on", **solved_captcha(), **data}  # fmt: skip
    return StatementForm(country, values, today=today)


def part_a(**overrides):
    return {"street": "Hauptstraße", "street_number": "12a", "postal_code": "10115",
            "city": "Berlin", "residence_country": "DE", "date_of_birth": "31/12/1990",
            **overrides}  # fmt: skip


def test_every_member_state_has_a_rule():
    assert set(RULES) == set(MEMBER_STATES)
    assert {code for code, rule in RULES.items() if rule.part == "A"} == {
        "DE", "DK", "FI", "FR", "GR", "IE", "LU", "NL", "SK"
    }  # fmt: skip


@pytest.mark.parametrize("country", sorted(MEMBER_STATES))
def test_fields_are_exactly_the_annex_data(country):
    fields = set(StatementForm(country).fields)
    if RULES[country].part == "A":
        assert fields == COMMON | PART_A_FIELDS
    else:
        assert fields == COMMON | PART_B_FIELDS
        kinds = {kind for kind, _label in StatementForm(country).fields["document_type"].choices}
        assert kinds == {item.kind for item in RULES[country].identifiers}


def test_fields_built_once_are_each_languages_and_each_forms_own():
    """The fields of a country are built once per language: labels, help and the order of the
    countries are the language's; a form that changes its fields changes no other form's."""

    def countries(language):
        with translation.override(language):
            choices = StatementForm("DE").fields["residence_country"].choices
            return [str(name) for _code, name in choices]

    def help_text(language):
        with translation.override(language):
            return str(StatementForm("SE").fields["document_number"].help_text)

    english_countries, bulgarian_countries = countries("en"), countries("bg")
    english_help, bulgarian_help = help_text("en"), help_text("bg")
    assert english_countries[:2] == ["Austria", "Belgium"]
    assert bulgarian_countries[:2] == ["Австрия", "Белгия"]
    assert english_help.startswith("For example") and not bulgarian_help.startswith("For")
    changed = StatementForm("BG")
    del changed.fields["captcha"]
    changed.fields["first_names"].widget.attrs["autofocus"] = True
    fresh = StatementForm("BG")
    assert "captcha" in fresh.fields
    assert "autofocus" not in fresh.fields["first_names"].widget.attrs


@pytest.mark.parametrize("country", sorted(c for c, r in RULES.items() if r.part == "A"))
def test_part_a_form_accepts_a_resident_adult(country):
    form = submit(country, **part_a())
    assert form.is_valid(), form.errors


EXAMPLES = [
    (country, item)
    for country, rule in sorted(RULES.items())
    for item in rule.identifiers
    if item.example
]


@pytest.mark.parametrize(("country", "identifier"), EXAMPLES, ids=lambda v: getattr(v, "kind", v))
def test_example_numbers_are_accepted(country, identifier):
    form = submit(country, document_type=identifier.kind, document_number=identifier.example)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("country", "identifier"),
    [(c, i) for c, i in EXAMPLES if i.check],
    ids=lambda v: getattr(v, "kind", v),
)
def test_a_mistyped_digit_is_caught(country, identifier):
    digits = [i for i, ch in enumerate(identifier.example) if ch.isdigit()]
    position = digits[-2]  # change a digit that is not the check digit itself
    example = identifier.example
    mistyped = example[:position] + str((int(example[position]) + 1) % 10) + example[position + 1 :]
    form = submit(country, document_type=identifier.kind, document_number=mistyped)
    assert not form.is_valid()
    assert "document_number" in form.errors


@pytest.mark.parametrize("case", cases("document_numbers"), ids=case_id)
def test_document_patterns(case):
    form = submit(case["country"], document_type=case["kind"], document_number=case["number"])
    assert form.is_valid() is (case["valid"] == "yes"), form.errors


def test_document_type_must_be_one_of_the_countrys():
    form = submit("AT", document_type="personal.number", document_number="1234567")
    assert "document_type" in form.errors


@pytest.mark.parametrize(
    ("country", "number", "today", "valid"),
    [
        ("BG", "7501020018", datetime.date(1993, 1, 1), False),  # 17 the day before
        ("BG", "7501020018", datetime.date(1993, 1, 2), True),  # 18 on the day
        ("EE", "37605030299", datetime.date(1992, 5, 2), False),  # Estonia: 16
        ("EE", "37605030299", datetime.date(1992, 5, 3), True),
    ],
)
def test_age_is_read_from_the_national_number(country, number, today, valid):
    form = submit(country, today=today, document_type="personal.number", document_number=number)
    assert form.is_valid() is valid, form.errors


@pytest.mark.parametrize(
    ("country", "birth", "valid"),
    [
        ("DE", "23/11/2010", True),  # Germany: 16
        ("DE", "24/11/2010", False),
        ("GR", "23/11/2009", True),  # Greece: 17
        ("GR", "24/11/2009", False),
        ("FR", "23/11/2008", True),  # elsewhere: 18
        ("FR", "24/11/2008", False),
        ("FR", "01/01/2030", False),
        ("FR", "01/01/1850", False),
        ("FR", "31/12/1990", True),
        ("FR", "31.02.1990", False),
    ],
)
def test_age_limits_for_part_a(country, birth, valid):
    form = submit(country, **part_a(date_of_birth=birth))
    assert form.is_valid() is valid, form.errors
    if not valid:
        assert "date_of_birth" in form.errors


@pytest.mark.parametrize(
    ("residence", "postal", "other", "valid"),
    [
        ("DE", "10115", "", True),
        ("DE", "1011", "", False),
        ("NL", "1234 AB", "", True),
        ("NL", "0123AB", "", False),
        ("SK", "811 01", "", True),
        ("SK", "711 01", "", False),
        ("LU", "L-1234", "", True),
        ("IE", "D02 X285", "", True),  # Ireland: free text
        ("other", "SW1A 1AA", "United Kingdom", True),
        ("other", "SW1A 1AA", "", False),
    ],
)
def test_postal_codes_follow_the_country_of_residence(residence, postal, other, valid):
    data = part_a(residence_country=residence, postal_code=postal, residence_country_other=other)
    form = submit("DE", **data)
    assert form.is_valid() is valid, form.errors


@pytest.mark.parametrize(
    ("field", "value"),
    [("first_names", "Ana 2"), ("family_names", "---"), ("first_names", "x" * 101)],
)
def test_names_must_be_names(field, value):
    form = submit("BG", document_type="personal.number", document_number="7501020018",
                  **{field: value})  # fmt: skip
    assert field in submit("BG", **{field: value}).errors
    assert not form.is_valid()


def test_declaration_and_privacy_are_required():
    form = submit("BG", document_type="personal.number", document_number="7501020018",
                  declaration="", privacy="")  # fmt: skip
    assert set(form.errors) == {"declaration", "privacy"}


def test_identity_ignores_spacing_case_and_diacritics():
    first = submit("DE", **part_a(street="Hauptstraße", city="München"))
    second = submit("DE", first_names="  ANA   maria ", family_names="popescu ionescu",
                    **part_a(street="hauptstrasse", city="Munchen"))  # fmt: skip
    assert first.is_valid() and second.is_valid()
    assert first.identity() == second.identity()
    number = submit("BG", document_type="personal.number", document_number="7501020018")
    spaced = submit("BG", document_type="personal.number", document_number=" 750-102 0018 ")
    assert number.is_valid() and spaced.is_valid()
    assert number.identity() == spaced.identity()


def test_swedish_numbers_in_any_form_are_one_person():
    forms = [
        submit("SE", document_type="personal.number", document_number=typed)
        for typed in ("811218-9876", "8112189876", "19811218-9876", "198112189876")
    ]
    assert all(form.is_valid() for form in forms)
    assert len({form.identity() for form in forms}) == 1


@pytest.mark.parametrize(
    ("country", "birth", "today", "valid"),
    [
        # Germany: 18 until 31 December 2022, 16 from 1 January 2023 (statement date decides)
        ("DE", "01/06/2006", datetime.date(2022, 12, 31), False),
        ("DE", "01/06/2006", datetime.date(2023, 1, 1), True),
        ("DE", "31/12/2004", datetime.date(2022, 12, 31), True),
    ],
)
def test_minimum_age_is_chosen_by_the_statement_date_part_a(country, birth, today, valid):
    form = submit(country, today=today, **part_a(date_of_birth=birth))
    assert form.is_valid() is valid, form.errors


def belgian_number(born):
    body = f"{born:%y%m%d}001"
    checked = ("2" + body) if born.year >= 2000 else body
    return f"{body}{97 - int(checked) % 97:02d}"


@pytest.mark.parametrize(
    ("today", "valid"),
    [(datetime.date(2023, 4, 30), False), (datetime.date(2023, 5, 1), True)],
)
def test_belgian_minimum_age_moved_to_16_on_1_may_2023(today, valid):
    number = belgian_number(datetime.date(2006, 1, 1))  # 17 on both days
    form = submit("BE", today=today, document_type="personal.number", document_number=number)
    assert form.is_valid() is valid, form.errors


def test_a_mistyped_portuguese_citizen_card_is_refused_with_a_clear_message():
    from django.utils import translation

    with translation.override("pt"):
        form = submit("PT", document_type="id.card", document_number="123456789ZZ4")
        assert not form.is_valid()
        message = form.errors["document_number"][0]
    assert message == translation.trans_real.translation("pt").gettext(
        "This number is not valid: a digit is probably mistyped. Check it."
    )
    assert message != "This number is not valid: a digit is probably mistyped. Check it."


# Each written form of 31 December 1990, with the languages whose readers write it so.
WRITTEN_DATES = [
    ("31. 12. 1990", ("sk", "cs", "sl")),
    ("31. 12. 1990.", ("hr",)),
    ("31.12.1990.", ("lv", "hr")),
    ("31.12.1990", ("de", "bg", "pl", "ro", "fi", "et", "da")),
    ("31 12 1990", ("en", "fr", "ga")),
    ("1990-12-31", ("lt", "sv")),
    ("1990. 12. 31.", ("hu",)),
    ("31/12/1990", ("en", "fr", "es", "it", "pt", "el", "mt")),
    ("31-12-1990", ("nl",)),
    ("31121990", ("de",)),
]


@pytest.mark.parametrize(
    ("typed", "language"),
    [(typed, language) for typed, languages in WRITTEN_DATES for language in languages],
)
def test_the_date_of_birth_is_accepted_as_each_language_writes_it(typed, language):
    with translation.override(language):
        form = submit("SK", **part_a(date_of_birth=typed, residence_country="SK",
                                     postal_code="811 01"))  # fmt: skip
        assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == datetime.date(1990, 12, 31)


@pytest.mark.parametrize("typed", ["12/31/1990", "31.12.90", "31.13.1990", "1990", "31.12.1990 r"])
def test_a_date_that_names_no_day_is_refused_with_an_example_in_the_reader_s_format(typed):
    for language, example in (
        ("sk", "31. 12. 1990"),
        ("hu", "1990. 12. 31."),
        ("en", "31/12/1990"),
    ):
        with translation.override(language):
            form = submit("SK", **part_a(date_of_birth=typed))
            assert not form.is_valid()
            (message,) = form.errors["date_of_birth"]
        assert message.endswith(f" {example}."), message


def test_a_number_of_the_wrong_form_says_what_is_expected_without_doubled_words():
    form = submit("BG", document_type="personal.number", document_number="12345")
    (message,) = form.errors["document_number"]
    assert message == (
        "This number does not have the expected form. Personal number (EGN): 10 digits, for "
        "example 7501020018."
    )
    assert "number number" not in message.casefold()


def test_an_empty_number_names_the_number_and_its_form():
    form = submit("BG", document_type="personal.number", document_number="")
    assert form.errors["document_number"] == ["Enter the number. Personal number (EGN): 10 digits."]


def test_a_postal_code_of_the_wrong_form_says_how_many_digits():
    form = submit("DE", **part_a(postal_code="1011"))
    assert form.errors["postal_code"] == [
        "This postal code does not have the expected form. Germany: 5 digits, for example 10115."
    ]
    form = submit("NL", **part_a(postal_code="10115", residence_country="NL"))
    assert "4 digits and 2 letters, for example 1012 AB." in form.errors["postal_code"][0]


def test_the_help_of_a_single_number_does_not_repeat_its_label():
    field = StatementForm("BG").fields["document_number"]
    assert field.label == "Personal number (EGN)"
    assert str(field.help_text) == "For example 7501020018."


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "10 cyfr"), ("cs", "10 číslic"), ("sl", "10 števk"), ("lt", "10 skaitmenų")],
)
def test_the_expected_length_takes_the_language_s_plural(language, expected):
    with translation.override(language):
        form = submit("BG", document_type="personal.number", document_number="12345")
        assert f": {expected}, " in form.errors["document_number"][0]
