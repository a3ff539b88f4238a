"""Machine translation for a translator's first draft, through wagtail-localize's interface
(the translation editor's "Translate with DeepL" button, and "Use machine translation" when
syncing). Off unless MACHINE_TRANSLATION is set (site/settings/base.py); a person reviews every
machine-translated string before a reviewer publishes it (docs/translations.md).

wagtail-localize's DeepL translator with two things a site for public bodies needs: the address
of the service can be configured (DeepL's own by default; a test's fake on 127.0.0.1, or a
proxy), and a failure of the service is a clear error for the translator instead of a KeyError
from a reply that has no translations.
"""

import requests
from django.core.exceptions import ImproperlyConfigured
from wagtail_localize.machine_translators.deepl import DeepLTranslator


class MachineTranslationUnavailable(Exception):
    """The service did not translate (down, refused the key, over its quota)."""


class DeepL(DeepLTranslator):
    display_name = "DeepL"

    def __init__(self, options):
        if not options.get("AUTH_KEY"):
            raise ImproperlyConfigured("MACHINE_TRANSLATION=deepl needs DEEPL_AUTH_KEY.")
        super().__init__(options)

    def get_api_endpoint(self):
        return self.options.get("ENDPOINT") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError) as error:
            raise MachineTranslationUnavailable(
                f"DeepL did not translate ({type(error).__name__})"
            ) from None
