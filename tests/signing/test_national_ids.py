"""Each national-number algorithm, with valid and invalid numbers and the birth date it encodes."""

import datetime

import pytest

from signing import national_ids as ids

D = datetime.date

VALID = [
    (ids.egn, "7501020018", D(1975, 1, 2)),
    (ids.egn, "0341150010", D(2003, 1, 15)),  # month +40: born in the 2000s
    (ids.pesel, "44051401458", D(1944, 5, 14)),
    (ids.pesel, "02270803624", D(2002, 7, 8)),  # month +20: born in the 2000s
    (ids.cnp, "1800101221144", D(1980, 1, 1)),
    (ids.cnp, "5030615400011", D(2003, 6, 15)),
    (ids.baltic_personal_code, "37605030299", D(1976, 5, 3)),  # Estonia
    (ids.baltic_personal_code, "38703181745", D(1987, 3, 18)),  # Lithuania
    (ids.oib, "69435151530", None),
    (ids.emso, "0101006500006", D(2006, 1, 1)),
    (ids.personnummer, "811218-9876", D(1981, 12, 18)),
    (ids.personnummer, "198112189876", D(1981, 12, 18)),
    (ids.belgian_national_number, "85.07.30-033.28", D(1985, 7, 30)),
    (ids.belgian_national_number, "00010100105", D(2000, 1, 1)),  # checked with a leading 2
    (ids.dni, "12345678Z", None),
    (ids.dni, "00000000t", None),
]

INVALID = [
    (ids.egn, "7501020019"),  # check digit
    (ids.egn, "75010200"),  # too short
    (ids.egn, "7513020016"),  # month 13
    (ids.pesel, "44051401459"),
    (ids.pesel, "4405140145A"),
    (ids.cnp, "1800101221145"),
    (ids.cnp, "7800101221147"),  # a resident's number, not a citizen's
    (ids.baltic_personal_code, "37605030291"),
    (ids.oib, "69435151531"),
    (ids.emso, "0101006500007"),
    (ids.personnummer, "811218-9875"),
    (ids.belgian_national_number, "85073003329"),
    (ids.dni, "12345678A"),
    (ids.dni, "1234567Z"),
]


@pytest.mark.parametrize(("check", "number", "birth"), VALID)
def test_valid_numbers_and_their_birth_dates(check, number, birth):
    assert check(number) == birth


@pytest.mark.parametrize(("check", "number"), INVALID)
def test_invalid_numbers_are_refused(check, number):
    with pytest.raises(ids.InvalidNumber):
        check(number)


def test_swedish_plus_sign_marks_a_centenarian():
    today = D(2026, 11, 23)
    assert ids.personnummer("811218-9876", today=today) == D(1981, 12, 18)
    assert ids.personnummer("811218+9876", today=today) == D(1881, 12, 18)
