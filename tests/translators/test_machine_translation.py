"""Machine translation through wagtail-localize's interface, against a fake DeepL on 127.0.0.1:
a first draft a person reviews, off by default, a failure said plainly (issue 24)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation

from tests.factories import StandardPageFactory, translate_tree

pytestmark = pytest.mark.django_db

AUTH_KEY = "fake-key-for-tests"


class FakeDeepL(BaseHTTPRequestHandler):
    """DeepL's /v2/translate as wagtail-localize calls it: form-encoded texts, the key in the
    Authorization header; each text comes back prefixed with the target language."""

    failing = False
    requests = []

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        type(self).requests.append((self.headers["Authorization"], form))
        if self.failing or self.headers["Authorization"] != f"DeepL-Auth-Key {AUTH_KEY}":
            self.send_response(503)
            self.end_headers()
            return
        target = form["target_lang"][0]
        body = json.dumps(
            {
                "translations": [
                    {"detected_source_language": "EN", "text": f"[{target}] {text}"}
                    for text in form["text"]
                ]
            }  # fmt: skip
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def deepl():
    FakeDeepL.failing, FakeDeepL.requests = False, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeDeepL)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_port}/v2/translate"
    with override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": "translators.machine.DeepL",
            "OPTIONS": {"AUTH_KEY": AUTH_KEY, "ENDPOINT": endpoint, "TIMEOUT": 5},
        }
    ):
        yield FakeDeepL
    server.shutdown()
    server.server_close()


@pytest.fixture
def draft_translation(home_page):
    """A Bulgarian translation of a page, none of its strings translated yet."""
    page = StandardPageFactory(parent=home_page, title="Clean air", slug="clean-air")
    translate_tree(page, "bg")
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="bg"
    )
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    return translation


def machine_translate(translation):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("mt", "", "correct horse x"))
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": "/admin/"},
        follow=True,
    )


def test_machine_translation_is_off_by_default():
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None
    assert get_machine_translator() is None


def test_deepl_drafts_every_string_for_a_person_to_review(deepl, draft_translation):
    response = machine_translate(draft_translation)
    assert response.status_code == 200
    drafted = StringTranslation.objects.filter(locale=draft_translation.target_locale)
    assert drafted.filter(data="[BG] Clean air").exists()
    assert set(drafted.values_list("translation_type", flat=True)) == {"machine"}
    assert set(drafted.values_list("tool_name", flat=True)) == {"DeepL"}
    authorization, form = deepl.requests[0]
    assert authorization == f"DeepL-Auth-Key {AUTH_KEY}"
    assert form["source_lang"] == ["EN"] and form["target_lang"] == ["BG"]


def test_a_failing_service_is_a_message_and_changes_nothing(deepl, draft_translation):
    deepl.failing = True
    response = machine_translate(draft_translation)
    assert response.status_code == 200
    assert "did not answer" in response.content.decode()
    assert not StringTranslation.objects.filter(locale=draft_translation.target_locale).exists()
