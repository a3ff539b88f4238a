"""The CAPTCHA's audio alternative, spoken in the reader's language by espeak-ng.

django-simple-captcha speaks through flite: English letter names in every language, the five
letters run together in under two seconds, sent as a download a phone does not play. Here
espeak-ng (Debian's `espeak-ng`, with voices for all 24 official languages) names each letter
as the reader's language does ("W" is "ve" in German, "double vé" in French), with a pause
after each, and the clip is served inline for the page's <audio controls>.

A clip is made when the reader presses play (the player asks for nothing before), from the
challenge's letters only; the challenge is not used up by listening. Without espeak-ng the
form simply shows no player, and `manage.py check --deploy` warns (core.checks).
"""

import functools
import os
import shutil
import subprocess
import tempfile

from captcha.fields import CaptchaTextInput
from captcha.models import CaptchaStore
from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import get_language

# espeak-ng's voice for each official language (`espeak-ng --voices`).
VOICES = {
    "bg": "bg", "cs": "cs", "da": "da", "de": "de", "el": "el", "en": "en-gb", "es": "es",
    "et": "et", "fi": "fi", "fr": "fr-fr", "ga": "ga", "hr": "hr", "hu": "hu", "it": "it",
    "lt": "lt", "lv": "lv", "mt": "mt", "nl": "nl", "pl": "pl", "pt": "pt", "ro": "ro",
    "sk": "sk", "sl": "sl", "sv": "sv",
}  # fmt: skip
PAUSE = "900ms"  # after each character: time to write it down
WORDS_PER_MINUTE = 120  # espeak-ng's default is 175
SPEAKING_TIMEOUT = 10  # seconds; a clip of five letters takes about 0.1 s


def espeak_path():
    """espeak-ng's path (CAPTCHA_ESPEAK_PATH, else the PATH's), or None if it is not there."""
    path = settings.CAPTCHA_ESPEAK_PATH or shutil.which("espeak-ng")
    return path if path and os.access(path, os.X_OK) else None


@functools.cache
def installed_voices(path):
    """The voices espeak-ng at `path` has, by name."""
    try:
        listing = subprocess.run(  # noqa: S603 (the configured espeak-ng)
            [path, "--voices"], capture_output=True, text=True, timeout=SPEAKING_TIMEOUT,
            check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.split()[1] for line in listing.splitlines()[1:] if line.split())


def voice_for(language):
    """espeak-ng's voice for `language`, or None if it cannot speak it here."""
    path = espeak_path()
    voice = VOICES.get((language or "").split("-")[0])
    if path and voice and voice in installed_voices(path):
        return voice
    return None


def missing_voices(languages):
    """The languages of `languages` that get no audio CAPTCHA here."""
    return [code for code in languages if voice_for(code) is None]


def speech_markup(characters):
    """SSML that spells each character as the voice's language names it, with a pause."""
    spelled = (
        f'<say-as interpret-as="characters">{escape(ch)}</say-as><break time="{PAUSE}"/>'
        for ch in characters
    )
    return f"<speak>{''.join(spelled)}</speak>"


def spoken(characters, language):
    """A WAV clip of `characters`, spelled in `language`'s voice. Written to a file, not to a
    pipe: on a pipe espeak-ng cannot go back to put the clip's length in its header, and a
    player then thinks it lasts 13 hours."""
    with tempfile.NamedTemporaryFile(suffix=".wav") as clip:
        subprocess.run(  # noqa: S603 (a fixed program; the voice and the markup are ours)
            [espeak_path(), "-m", "-v", voice_for(language), "-s", str(WORDS_PER_MINUTE),
             "-w", clip.name, speech_markup(characters)],
            capture_output=True, timeout=SPEAKING_TIMEOUT, check=True,
        )  # fmt: skip
        return clip.read()


def spoken_challenge(request, language, key):
    """The challenge under `key`, spoken in `language`: inline, for an <audio> element."""
    if voice_for(language) is None:
        raise Http404
    challenge = (
        CaptchaStore.objects.filter(hashkey=key, expiration__gt=timezone.now())
        .values_list("challenge", flat=True)
        .first()
    )
    if challenge is None:
        return HttpResponse(status=410)  # used up or expired: the page has a new one
    response = HttpResponse(spoken(challenge, language), content_type="audio/wav")
    patch_cache_control(response, private=True, no_store=True)
    return response


class SpokenCaptchaTextInput(CaptchaTextInput):
    """The library's widget, with the audio in the page's language (None where no voice)."""

    def audio_url(self):
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if voice_for(language) is None:
            return None
        return reverse("captcha-audio-spoken", kwargs={"language": language, "key": self._key})
