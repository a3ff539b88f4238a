"""The CAPTCHA picture: django-simple-captcha's own picture, pixel for pixel, drawn for less.

The library's view (`captcha.views.captcha_image`) loads the font file, renders and rotates each
letter, and composes each one through two picture-sized temporaries, for every request; its PNG
is compressed at zlib's level 6. Here the font is loaded once per process, each letter's
rotated, cropped mask is kept per process for each (letter, angle) the library can draw (26
letters x 40 angles at most), each is pasted straight where the library's centring would put
it, and the PNG is compressed at level 1: for these noisy pictures that is both about twice as
fast and smaller. Every picture is still its own: the letters are each challenge's, their
angles and the noise come from the library's random sequence seeded with the challenge's key,
as the library does (one key, always the same picture, so that reloading it reveals nothing
new); tests/core/test_captcha.py compares the pixels with the library's.
"""

import functools
import io
import random

from captcha import views as library
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from captcha.views import DISTANCE_FROM_TOP, add_noise, getsize, makeimg
from django.db import connection
from django.http import Http404, HttpResponse
from PIL import Image, ImageDraw, ImageFont

from .prepared import execute_prepared

PNG_COMPRESS_LEVEL = 1


@functools.cache
def font(path, size):
    if path.lower().strip().endswith("ttf"):
        return ImageFont.truetype(path, size)
    return ImageFont.load(path)


@functools.cache
def letter_mask(path, size, text, angle):
    """The letter(s) as the library draws them: white on black, rotated, cropped to the ink."""
    letter_font = font(path, size)
    mask = Image.new("L", getsize(letter_font, f" {text} "), "#000000")
    ImageDraw.Draw(mask).text((0, 0), f" {text} ", font=letter_font, fill="#ffffff")
    if angle is not None:
        mask = mask.rotate(angle, expand=0, resample=Image.BICUBIC)
    return mask.crop(mask.getbbox())


def letters(text):
    """The library's grouping: punctuation stays with the letter before it."""
    groups = []
    for char in text:
        if char in captcha_settings.CAPTCHA_PUNCTUATION and groups:
            groups[-1] += char
        else:
            groups.append(char)
    return groups


def picture(text, scale):
    """`captcha.views._captcha_image`'s picture for a fixed CAPTCHA_IMAGE_SIZE, as PNG bytes.
    Draws from the global random sequence in the library's order (font, angles, noise)."""
    path = captcha_settings.CAPTCHA_FONT_PATH
    if not isinstance(path, str):
        path = random.choice(path)
    size = captcha_settings.CAPTCHA_IMAGE_SIZE
    groups = letters(text)
    placed, xpos = [], 2
    for group in groups:
        rotation = captcha_settings.CAPTCHA_LETTER_ROTATION
        angle = random.randrange(*rotation) if rotation else None
        mask = letter_mask(path, captcha_settings.CAPTCHA_FONT_SIZE * scale, group, angle)
        # The library draws on a canvas of the picture's size first: what falls outside it is
        # lost before the centring moves the letters.
        visible = mask.crop((0, 0, max(0, min(mask.width, size[0] - xpos)),
                             max(0, min(mask.height, size[1] - DISTANCE_FROM_TOP))))  # fmt: skip
        placed.append((xpos, visible))
        xpos += 2 + mask.width
    # The library centres vertically on the last letter's height.
    shift_x = int((size[0] - xpos) / 2)
    shift_y = int((size[1] - mask.height) / 2 - DISTANCE_FROM_TOP)
    image = makeimg(size)
    joined = "".join(groups)
    for index, (x, visible) in enumerate(placed):
        if visible.width > 0 and visible.height > 0:
            image.paste(
                captcha_settings.get_letter_color(index, joined),
                (x + shift_x, DISTANCE_FROM_TOP + shift_y),
                mask=visible,
            )
    image = add_noise(image)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return out.getvalue()


def captcha_image(request, key, scale=1):
    """Served where the library serves its picture (captcha/image/<key>/ and @2), with the
    library's answers: 404 for @2 when CAPTCHA_2X_IMAGE is off, 410 for an unknown key. Animated
    pictures and pictures sized to their text are left to the library."""
    if captcha_settings.CAPTCHA_ANIMATED or not captcha_settings.CAPTCHA_IMAGE_SIZE:
        return library.captcha_image(request, key, scale)
    if scale == 2 and not captcha_settings.CAPTCHA_2X_IMAGE:
        raise Http404
    table = connection.ops.quote_name(CaptchaStore._meta.db_table)
    _count, rows = execute_prepared(
        f"SELECT challenge FROM {table} WHERE hashkey = %s",  # noqa: S608
        [key],
    )
    if not rows:
        return HttpResponse(status=410)
    try:
        random.seed(key)
        content = picture(rows[0][0], scale)
    finally:
        random.seed()  # as the library: the key must not make the next random numbers known
    return HttpResponse(content, content_type="image/png")
