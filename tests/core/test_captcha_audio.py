"""The CAPTCHA's audio alternative: spoken by espeak-ng in each official language, a pause after
each character, served inline for the page's <audio controls>."""

import array
import io
import wave

import pytest
from captcha.models import CaptchaStore
from django.urls import reverse
from django.utils import translation

from core.captcha_audio import VOICES, espeak_path, installed_voices, voice_for
from tests.translators.test_catalogues import EU_LANGUAGES

pytestmark = pytest.mark.django_db
LOUD = 800  # of 32767: above espeak-ng's silence, below any letter


def clip(client, language, key):
    response = client.get(
        reverse("captcha-audio-spoken", kwargs={"language": language, "key": key})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert "attachment" not in response.get("Content-Disposition", "")  # played, not saved
    return response.content


def pauses(wav_bytes, at_least=0.5):
    """The silent stretches of at least `at_least` seconds between sounds, and the duration."""
    with wave.open(io.BytesIO(wav_bytes)) as audio:
        rate, frames = audio.getframerate(), audio.getnframes()
        samples = array.array("h", audio.readframes(frames))
    window = rate // 50
    loud = [
        max(map(abs, samples[i : i + window]), default=0) > LOUD for i in range(0, frames, window)
    ]
    first, last = loud.index(True), len(loud) - 1 - loud[::-1].index(True)
    gaps, run = [], 0
    for is_loud in loud[first : last + 1]:
        if is_loud:
            if run * window / rate >= at_least:
                gaps.append(run * window / rate)
            run = 0
        else:
            run += 1
    return gaps, frames / rate


def test_every_official_language_has_a_voice():
    assert espeak_path(), "espeak-ng is missing: apt-get install espeak-ng (make test does)"
    assert set(VOICES) == set(EU_LANGUAGES)
    assert set(VOICES.values()) <= installed_voices(espeak_path())


@pytest.fixture
def challenge():
    key = CaptchaStore.generate_key()
    CaptchaStore.objects.filter(hashkey=key).update(challenge="WKQJA", response="wkqja")
    return key


@pytest.mark.parametrize("language", sorted(EU_LANGUAGES))
def test_each_language_gets_a_playable_clip_in_its_own_voice(client, challenge, language):
    spoken = clip(client, language, challenge)
    gaps, seconds = pauses(spoken)
    assert len(gaps) >= 4, gaps  # a pause after each of the five characters but the last
    assert 4 < seconds < 20
    # Spoken by the language's own voice: the same letters in English sound different.
    assert voice_for(language) == VOICES[language]
    if language != "en":
        assert spoken != clip(client, "en", challenge)


def test_the_form_plays_the_clip_in_the_page_s_language(client):
    from core.captcha import SingleUseCaptchaField

    with translation.override("sk"):
        html = SingleUseCaptchaField().widget.render("captcha", None, {"id": "id_captcha"})
    key = CaptchaStore.objects.latest("id").hashkey
    assert f'<audio controls preload="none" src="/captcha/audio/sk/{key}.wav"' in html


def test_a_used_or_unknown_challenge_is_gone_and_an_unknown_language_not_found(client):
    assert client.get("/captcha/audio/de/0123abcd.wav").status_code == 410
    assert client.get("/captcha/audio/xx/0123abcd.wav").status_code == 404
