"""Deployment check (`manage.py check --deploy`) of the CAPTCHA's audio alternative.

eci.W101  espeak-ng is missing, or has no voice for some of the site's languages: their readers
          get the CAPTCHA picture only (apt-get install espeak-ng; CAPTCHA_ESPEAK_PATH).
"""

from django.conf import settings
from django.core import checks

from .captcha_audio import espeak_path, missing_voices


@checks.register(checks.Tags.security, deploy=True)
def check_captcha_voices(app_configs=None, **kwargs):
    languages = [code for code, _name in settings.LANGUAGES]
    if not espeak_path():
        return [
            checks.Warning(
                "espeak-ng is not installed: the CAPTCHA has no audio alternative, in any "
                "language.",
                hint="apt-get install espeak-ng (or set CAPTCHA_ESPEAK_PATH).",
                id="eci.W101",
            )
        ]
    missing = missing_voices(languages)
    if missing:
        return [
            checks.Warning(
                f"espeak-ng has no voice for {', '.join(missing)}: the CAPTCHA has no audio "
                "alternative in these languages.",
                hint="Install Debian's espeak-ng-data, or a build of espeak-ng with them.",
                id="eci.W101",
            )
        ]
    return []
