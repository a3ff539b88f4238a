"""Checks of national identification numbers: one function per algorithm.

Each validator takes the number as typed (spaces, dots and hyphens are removed first) and returns
the date of birth it encodes, or None when the number encodes none; it raises `InvalidNumber`
when the number is malformed or its check digit is wrong.
"""

import datetime
import re


class InvalidNumber(ValueError):
    pass


def digits_only(number, length):
    compact = re.sub(r"[\s.\-/]", "", number)
    if not re.fullmatch(rf"[0-9]{{{length}}}", compact):
        raise InvalidNumber(number)
    return compact


def birth_date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise InvalidNumber(f"{year}-{month}-{day}") from None


def weighted_sum(digits, weights):
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False))


def egn(number):
    """Bulgaria: ЕГН, YYMMDDSSSC; months +20 for the 1800s and +40 for the 2000s."""
    digits = digits_only(number, 10)
    check = weighted_sum(digits, (2, 4, 8, 5, 10, 9, 7, 3, 6)) % 11 % 10
    if check != int(digits[9]):
        raise InvalidNumber(number)
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if month > 40:
        return birth_date(2000 + year, month - 40, day)
    if month > 20:
        return birth_date(1800 + year, month - 20, day)
    return birth_date(1900 + year, month, day)


def pesel(number):
    """Poland: PESEL, YYMMDDZZZXQ; the month carries the century (+80 1800s, +20 2000s...)."""
    digits = digits_only(number, 11)
    check = (10 - weighted_sum(digits, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10
    if check != int(digits[10]):
        raise InvalidNumber(number)
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    century = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 8: 1800, 9: 1800}
    if month // 10 not in century:
        raise InvalidNumber(number)
    return birth_date(century[month // 10] + year, month % 20, day)


def cnp(number):
    """Romania: CNP, SYYMMDDJJNNNC; S gives sex and century, JJ the county."""
    digits = digits_only(number, 13)
    check = weighted_sum(digits, (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)) % 11
    if (1 if check == 10 else check) != int(digits[12]):
        raise InvalidNumber(number)
    county = int(digits[7:9])
    if not (1 <= county <= 52 or county == 70):
        raise InvalidNumber(number)
    year, month, day = int(digits[1:3]), int(digits[3:5]), int(digits[5:7])
    century = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000}
    if digits[0] not in century:
        # 7, 8 and 9 are residents and foreigners, not Romanian citizens.
        raise InvalidNumber(number)
    return birth_date(century[digits[0]] + year, month, day)


def baltic_personal_code(number):
    """Estonia (isikukood) and Lithuania (asmens kodas): GYYMMDDSSSC, two-pass mod-11 check."""
    digits = digits_only(number, 11)
    check = weighted_sum(digits, (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)) % 11
    if check == 10:
        check = weighted_sum(digits, (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)) % 11 % 10
    if check != int(digits[10]):
        raise InvalidNumber(number)
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}
    if digits[0] not in century:
        raise InvalidNumber(number)
    return birth_date(century[digits[0]] + int(digits[1:3]), int(digits[3:5]), int(digits[5:7]))


def oib(number):
    """Croatia: OIB, 11 digits, ISO 7064 MOD 11,10. Encodes no date of birth."""
    digits = digits_only(number, 11)
    product = 10
    for digit in digits[:10]:
        total = (product + int(digit)) % 10 or 10
        product = (total * 2) % 11
    if (11 - product) % 10 != int(digits[10]):
        raise InvalidNumber(number)
    return None


def emso(number):
    """Slovenia: EMŠO, DDMMYYYRRBBBK; YYY is the year without its millennium digit."""
    digits = digits_only(number, 13)
    remainder = 11 - weighted_sum(digits, (7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)) % 11
    if remainder == 10 or remainder % 11 != int(digits[12]):
        raise InvalidNumber(number)
    year = int(digits[4:7])
    year += 1000 if year >= 800 else 2000
    return birth_date(year, int(digits[2:4]), int(digits[:2]))


def luhn_ok(digits):
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def personnummer(number, today=None):
    """Sweden: personnummer, YYMMDD-NNNC or YYYYMMDDNNNC; Luhn over the last ten digits.

    In the ten-digit form '+' marks a person aged 100 or more; otherwise the century is the one
    that makes the person younger than 100.
    """
    today = today or datetime.date.today()
    compact = re.sub(r"\s", "", number)
    match = re.fullmatch(r"([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})", compact)
    if not match:
        raise InvalidNumber(number)
    century, date_part, separator, serial = match.groups()
    if not luhn_ok(date_part + serial):
        raise InvalidNumber(number)
    yy, month, day = int(date_part[:2]), int(date_part[2:4]), int(date_part[4:6])
    if century:
        return birth_date(int(century) * 100 + yy, month, day)
    year = today.year - (today.year - yy) % 100
    if separator == "+":
        year -= 100
    return birth_date(year, month, day)


def belgian_national_number(number):
    """Belgium: national register number YY.MM.DD-XXX.CC, mod-97 check.

    The check tells the century (births from 2000 are checked with a leading 2). Month or day 0
    means the date of birth is not known; a 'bis' number adds 20 or 40 to the month.
    """
    digits = digits_only(number, 11)
    body, check = int(digits[:9]), int(digits[9:])
    if 97 - body % 97 == check:
        year = 1900 + int(digits[:2])
    elif 97 - (2_000_000_000 + body) % 97 == check:
        year = 2000 + int(digits[:2])
    else:
        raise InvalidNumber(number)
    month, day = int(digits[2:4]) % 20, int(digits[4:6])
    if month == 0 or day == 0:
        return None
    return birth_date(year, month, day)


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni(number):
    """Spain: DNI, eight digits and a check letter. Encodes no date of birth."""
    compact = re.sub(r"[\s\-]", "", number).upper()
    if not re.fullmatch(r"[0-9]{8}[A-Z]", compact):
        raise InvalidNumber(number)
    if DNI_LETTERS[int(compact[:8]) % 23] != compact[8]:
        raise InvalidNumber(number)
    return None
