"""django-simple-captcha's field, with each challenge consumed in one atomic statement.

The library reads a challenge and then deletes it, so two submissions racing with the same
challenge can both pass; it also deletes every expired challenge on each check, which costs
three more round trips on the signing path. Here one `DELETE ... RETURNING` both checks and
consumes the challenge: only one submission can ever use it. A form may leave that statement to
the one that stores what the form was for (the signing form does: signing.services), so that a
signature costs one round trip and one commit, not two. Expired challenges are removed by
the library's `manage.py captcha_clean` (a periodic job, see docs/signing.md) and, as a fallback, on
one check in CLEANUP_EVERY.

The picture's noise is the library's (`captcha.helpers.noise_arcs` and dots), with the dots
drawn through one random mask (`noise_dots`): the library draws its 896 dots one by one, three
quarters of a picture's time (bench/profile_steps.py).
"""

import datetime
import random
import secrets
from typing import NamedTuple

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaField
from captcha.models import CaptchaStore
from django.core.exceptions import ValidationError
from django.db import connection
from django.forms import MultiValueField
from django.utils import timezone
from PIL import Image

from .captcha_audio import SpokenCaptchaTextInput
from .prepared import execute_prepared

CLEANUP_EVERY = 200
# The library's density, one dot for every ten pixels: a random byte below 26 (of 256) is a dot.
DOT_MASK = bytes(255 if value < 26 else 0 for value in range(256))


def noise_dots(draw, image):
    """CAPTCHA_NOISE_FUNCTIONS: as `captcha.helpers.noise_dots` (one pixel in ten, at random, in
    the foreground colour), drawn through a random mask in a few calls instead of one call for
    each of its 896 dots."""
    noise = random.randbytes(image.width * image.height).translate(DOT_MASK)
    mask = Image.frombytes("L", image.size, noise)
    image.paste(captcha_settings.CAPTCHA_FOREGROUND_COLOR, mask=mask)
    return draw


def new_challenge():
    """A new challenge, stored; returns its key. As `CaptchaStore.generate_key` (the library's
    challenge, answer and expiry), in one prepared INSERT instead of the ORM's create, and with
    a key of 160 random bits from `secrets` (the library hashes 64 random bits with the time)."""
    challenge, response = captcha_settings.get_challenge()()
    key = secrets.token_hex(20)  # the library's length: 40 hexadecimal characters
    expiration = timezone.now() + datetime.timedelta(minutes=int(captcha_settings.CAPTCHA_TIMEOUT))
    table = connection.ops.quote_name(CaptchaStore._meta.db_table)
    execute_prepared(
        f"INSERT INTO {table} (challenge, response, hashkey, expiration)"  # noqa: S608
        " VALUES (%s, %s, %s, %s)",
        [challenge, response.lower(), key, connection.ops.adapt_datetimefield_value(expiration)],
    )
    return key


def consume_challenge_sql():
    """The DELETE that uses a challenge up (parameters: Answer.params): one row, with
    `answered` (typed right and unexpired) and `expired`, if the challenge was there, none
    otherwise. Run alone (answer_state) or as a CTE of a statement that acts only on a right
    answer (signing.services)."""
    table = connection.ops.quote_name(CaptchaStore._meta.db_table)
    return (
        f"DELETE FROM {table} WHERE hashkey = %s"  # noqa: S608
        " RETURNING response = %s AND expiration > %s AS answered, expiration <= %s AS expired"
    )


class Answer(NamedTuple):
    """The key of a challenge and what was typed for it (trimmed, lower case)."""

    key: str
    text: str

    def params(self):
        """The parameters of consume_challenge_sql."""
        now = timezone.now()
        return [self.key, self.text, now, now]


RIGHT, WRONG, EXPIRED = "right", "wrong", "expired"


def answer_state(answer):
    """RIGHT for the answer of an unexpired challenge, EXPIRED if its challenge had expired
    (the signer took longer than CAPTCHA_TIMEOUT), else WRONG; the challenge is used up anyway."""
    _count, rows = execute_prepared(consume_challenge_sql(), answer.params())
    if not rows:
        return WRONG
    answered, expired = rows[0]
    return RIGHT if answered else EXPIRED if expired else WRONG


def answer_is_right(answer):
    """Whether the answer is that of an unexpired challenge; the challenge is used up anyway."""
    return answer_state(answer) == RIGHT


class SingleUseCaptchaField(CaptchaField):
    """Cleaning checks the answer and uses the challenge up. With `deferred` set, cleaning only
    reads the answer (an Answer, as the cleaned value): whoever handles the form must then use
    the challenge up, with answer_is_right or inside its own statement, whatever the outcome.
    Its audio alternative is spoken in the page's language (core.captcha_audio)."""

    deferred = False

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", SpokenCaptchaTextInput())
        super().__init__(*args, **kwargs)

    def clean(self, value):
        MultiValueField.clean(self, value)  # the required checks of both parts
        answer = Answer(value[0], (value[1] or "").strip().lower())
        value[1] = ""  # never echo the answer back
        if random.randrange(CLEANUP_EVERY) == 0:
            CaptchaStore.remove_expired()
        if self.deferred:
            return answer
        state = answer_state(answer)
        if state != RIGHT:
            code = "expired" if state == EXPIRED and "expired" in self.error_messages else "invalid"
            raise ValidationError(self.error_messages[code], code=code)
        return value
