"""The national-number checks, against numbers made independently of the project's code.

Three kinds of evidence, none of them produced by `signing.national_ids`:
- published examples (python-stdnum's documented examples, the Commission's and the issue's cases);
- numbers generated here from a date of birth and a serial, with the check digit computed by
  python-stdnum's own `calc_check_digit` functions (or the published algorithm), so that the date
  of birth our check reads back can be compared with the date the number was made from;
- for every generated number, a copy with one digit changed, judged by python-stdnum's
  `is_valid` (the oracle), less the refusals the rules table makes on purpose.
"""

import datetime
import random

import pytest
from stdnum import luhn
from stdnum.be import bis as be_bis
from stdnum.be import nn as be_nn
from stdnum.bg import egn as bg_egn
from stdnum.ee import ik as ee_ik
from stdnum.es import dni as es_dni
from stdnum.hr import oib as hr_oib
from stdnum.iso7064 import mod_11_10
from stdnum.lt import asmens as lt_asmens
from stdnum.lv import pvn as lv_pvn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import cc as pt_cc
from stdnum.ro import cnp as ro_cnp
from stdnum.se import personnummer as se_personnummer
from stdnum.si import emso as si_emso

from signing import national_ids as ids

from .helpers import case_id, cases

D = datetime.date
GENERATED = 300  # numbers per algorithm


def random_birth(rng, first=1905, last=2024):
    start, end = D(first, 1, 1).toordinal(), D(last, 12, 31).toordinal()
    return D.fromordinal(rng.randint(start, end))


def digits(rng, count):
    return "".join(rng.choice("0123456789") for _ in range(count))


# --- Generators: (number, date of birth or None) -------------------------------------------------


def make_egn(rng):
    born = random_birth(rng)
    month = born.month + (40 if born.year >= 2000 else 0)
    body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{digits(rng, 3)}"
    return body + bg_egn.calc_check_digit(body), born


def make_pesel(rng):
    born = random_birth(rng)
    month = born.month + (20 if born.year >= 2000 else 0)
    body = f"{born.year % 100:02d}{month:02d}{born.day:02d}{digits(rng, 4)}"
    return body + pl_pesel.calc_check_digit(body), born


def make_cnp(rng):
    born = random_birth(rng)
    sex = rng.choice("12") if born.year < 2000 else rng.choice("56")
    county = rng.choice(sorted(ro_cnp._COUNTIES))
    body = f"{sex}{born.year % 100:02d}{born.month:02d}{born.day:02d}{county}{digits(rng, 3)}"
    return body + ro_cnp.calc_check_digit(body), born


def make_baltic(rng):
    born = random_birth(rng)
    first = rng.choice("34") if born.year < 2000 else rng.choice("56")
    body = f"{first}{born.year % 100:02d}{born.month:02d}{born.day:02d}{digits(rng, 3)}"
    return body + ee_ik.calc_check_digit(body + "0"), born


def make_oib(rng):
    body = digits(rng, 10)
    return body + mod_11_10.calc_check_digit(body), None


def make_emso(rng):
    born = random_birth(rng)
    body = f"{born.day:02d}{born.month:02d}{born.year % 1000:03d}50{digits(rng, 3)}"
    return body + si_emso.calc_check_digit(body), born


def make_personnummer(rng):
    born = random_birth(rng, 1930, 2024)
    body = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{digits(rng, 3)}"
    number = body + luhn.calc_check_digit(body)
    return number[:6] + "-" + number[6:], born


def make_belgian(rng):
    born = random_birth(rng, 1930, 2024)
    body = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{digits(rng, 3)}"
    checked = ("2" + body) if born.year >= 2000 else body
    return f"{body}{97 - int(checked) % 97:02d}", born


def make_dni(rng):
    body = digits(rng, 8)
    return body + es_dni.calc_check_digit(body), None


def make_latvian_old(rng):
    born = random_birth(rng, 1905, 2016)
    century = str(born.year // 100 - 18)
    body = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{century}{digits(rng, 3)}"
    return body + lv_pvn.calc_check_digit_pers(body), born


def make_latvian_new(rng):
    return "32" + digits(rng, 9), None


def make_citizen_card(rng):
    version = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in "vv")
    body = digits(rng, 9) + version
    return body + pt_cc.calc_check_digit(body), None


# --- The oracle: python-stdnum, less the refusals made on purpose (see signing/rules.py) --------


def cnp_oracle(number):
    return ro_cnp.is_valid(number) and number[0] in "123456"  # citizens, not foreign residents


def latvian_oracle(number):
    if len(number) == 11 and number.startswith("32") and number.isdigit():
        return True  # the dateless format: no check digit of its own (our rule)
    return lv_pvn.is_valid(number) and number[0] in "0123"  # > 3 would be a company


ALGORITHMS = [
    (ids.egn, make_egn, bg_egn.is_valid),
    (ids.pesel, make_pesel, pl_pesel.is_valid),
    (ids.cnp, make_cnp, cnp_oracle),
    (ids.isikukood, make_baltic, ee_ik.is_valid),
    (ids.asmens_kodas, make_baltic, lt_asmens.is_valid),
    (ids.oib, make_oib, hr_oib.is_valid),
    (ids.emso, make_emso, si_emso.is_valid),
    (ids.personnummer, make_personnummer, se_personnummer.is_valid),
    (ids.belgian_national_number, make_belgian, be_nn.is_valid),
    (ids.dni, make_dni, es_dni.is_valid),
    (ids.latvian_personal_code, make_latvian_old, latvian_oracle),
    (ids.latvian_personal_code, make_latvian_new, latvian_oracle),
    (ids.portuguese_citizen_card, make_citizen_card, pt_cc.is_valid),
]


def accepts(check, number):
    try:
        check(number)
    except ids.InvalidNumber:
        return False
    return True


@pytest.mark.parametrize(("check", "make", "oracle"), ALGORITHMS, ids=lambda v: v.__name__)
def test_generated_numbers_are_accepted_with_their_date_of_birth(check, make, oracle):
    rng = random.Random(f"valid-{make.__name__}")
    for _ in range(GENERATED):
        number, born = make(rng)
        assert oracle(number), number  # the generator and stdnum agree
        assert check(number) == born, number


@pytest.mark.parametrize(("check", "make", "oracle"), ALGORITHMS, ids=lambda v: v.__name__)
def test_one_changed_digit_is_judged_as_stdnum_judges_it(check, make, oracle):
    rng = random.Random(f"mistyped-{make.__name__}")
    refused = 0
    for _ in range(GENERATED):
        number, _born = make(rng)
        positions = [i for i, ch in enumerate(number) if ch.isdigit()]
        position = rng.choice(positions)
        changed = str((int(number[position]) + rng.randint(1, 9)) % 10)
        mistyped = number[:position] + changed + number[position + 1 :]
        assert accepts(check, mistyped) is oracle(mistyped), mistyped
        refused += not oracle(mistyped)
    if make is not make_latvian_new:  # a changed digit of a dateless code is still a code
        assert refused > GENERATED * 0.7


# --- Published examples and the cases of the issue -------------------------------------------

# Kept as data in cases/published_*_ids.csv, each row with its source.


@pytest.mark.parametrize("case", cases("published_valid_ids"), ids=case_id)
def test_published_valid_numbers(case):
    born = D.fromisoformat(case["born"]) if case["born"] else None
    assert getattr(ids, case["check"])(case["number"]) == born


@pytest.mark.parametrize("case", cases("published_invalid_ids"), ids=case_id)
def test_published_invalid_numbers(case):
    with pytest.raises(ids.InvalidNumber):
        getattr(ids, case["check"])(case["number"])


def emso_with_check_zero(computed_as):
    """A valid EMŠO whose check digit is 0, the weighted sum leaving `computed_as` (0 or 10)."""
    for serial in range(1000):
        body = f"150399850{serial:03d}"
        weights = (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        if (11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11) % 11 == (
            computed_as
        ):
            return body + "0"
    raise AssertionError


@pytest.mark.parametrize("computed_as", [0, 10])
def test_slovenian_emso_with_check_digit_zero(computed_as):
    number = emso_with_check_zero(computed_as)
    assert si_emso.is_valid(number)
    assert ids.emso(number) == D(1998, 3, 15)


def test_latvian_new_format_carries_no_date_of_birth():
    assert ids.latvian_personal_code("321234-56789") is None
    assert ids.latvian_personal_code("32123456789") is None
    with pytest.raises(ids.InvalidNumber):
        ids.latvian_personal_code("3212345678")  # ten digits
    with pytest.raises(ids.InvalidNumber):
        ids.latvian_personal_code("40003032949")  # a company's registration number
    assert lv_pvn.is_valid("40003032949")  # which stdnum's VAT check accepts


def test_latvian_check_digit_matches_the_published_formula():
    """stdnum's Latvian check digit agrees with the formula published elsewhere:
    (1101 - Σ digit × (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)) mod 11 mod 10."""
    rng = random.Random("lv-formula")
    weights = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    for _ in range(GENERATED):
        number, _born = make_latvian_old(rng)
        body = number[:10]
        expected = (1101 - sum(int(d) * w for d, w in zip(body, weights, strict=True))) % 11 % 10
        assert number[10] == str(expected)


def test_lithuanian_codes_starting_with_9_are_accepted_without_a_date():
    body = "9" + "0000000001"[:9]
    number = body + lt_asmens.calc_check_digit(body + "0")
    assert lt_asmens.is_valid(number)
    assert ids.asmens_kodas(number) is None


def test_belgian_bis_numbers_are_refused_on_purpose():
    for number in ("98.47.28-997.65", "01 49 07 001 85"):
        assert be_bis.is_valid(number)
        with pytest.raises(ids.InvalidNumber):
            ids.belgian_national_number(number)


def test_belgian_unknown_birth_date_is_none():
    body = "850000033"  # month and day unknown
    number = f"{body}{97 - int(body) % 97:02d}"
    assert be_nn.is_valid(number)
    assert ids.belgian_national_number(number) is None


def cnp_with(first, county):
    body = f"{first}800101{county}001"
    return body + ro_cnp.calc_check_digit(body)


@pytest.mark.parametrize("county", ["49", "50"])
def test_romanian_counties_49_and_50_are_refused(county):
    number = cnp_with("1", county)
    assert not ro_cnp.is_valid(number)
    with pytest.raises(ids.InvalidNumber):
        ids.cnp(number)


@pytest.mark.parametrize("county", ["47", "48", "51", "52", "70", "80", "81", "82", "83"])
def test_romanian_counties_stdnum_accepts_are_accepted(county):
    assert ids.cnp(cnp_with("1", county)) == D(1980, 1, 1)


@pytest.mark.parametrize("first", ["7", "8", "9"])
def test_romanian_residents_numbers_are_refused_on_purpose(first):
    number = cnp_with(first, "40")
    assert ro_cnp.is_valid(number)
    with pytest.raises(ids.InvalidNumber):
        ids.cnp(number)


@pytest.mark.parametrize(
    "typed", ["811218-9876", "8112189876", "19811218-9876", "198112189876", "811218 9876"]
)
def test_swedish_forms_name_one_person(typed):
    assert ids.personnummer(typed) == D(1981, 12, 18)
    assert ids.personnummer_identity(typed) == "8112189876"


def test_swedish_plus_sign_marks_a_centenarian():
    assert ids.personnummer("811218+9876") == D(1881, 12, 18)
    assert ids.personnummer_identity("811218+9876") == "8112189876"
