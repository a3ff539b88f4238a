"""Fuzzing every public URL pattern, query string and form: no input may produce a 500.

The site is a tree built once for the module from the factories (every page type, in the
content languages, with a collecting, a closed and an external initiative); every URL pattern
comes from that tree (`page.url`, `reverse_subpage()`) or from `reverse()`. Only the garbage
appended to them (path suffixes, query strings, bodies) is generated.

Hypothesis, bounded and derandomised (the same examples on every run, no example database), so
CI is reproducible. The inputs include invalid UTF-8 (percent-encoded and raw), NUL and other
control characters, huge values, repeated and too many fields, and broken form encodings. Every
response is counted; the totals are printed at the end of the module (look for "fuzz:").
"""

import os
import string
from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signing.models import Statement
from signing.rules import RULES
from tests.conftest import FIGURES
from tests.factories import (
    ContactPageFactory,
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SigningPageFactory,
    StandardPageFactory,
    TopicFactory,
    site_home,
    translate_tree,
)
from tests.signing.helpers import form_url, lookup_url

pytestmark = pytest.mark.django_db

# Examples per test (FUZZ_EXAMPLES=1000 make test for a longer run; the default keeps make test
# within a minute or two on a shared machine).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# The content languages and two interface-only ones (English pages under /sk/ and /mt/).
LANGUAGES = ["en", "bg", "ro", "sk", "mt"]
CONTENT_LANGUAGES = [code for code, _name in django_settings.WAGTAIL_CONTENT_LANGUAGES]
SENT = {"requests": 0, "5xx": 0}


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    FIGURES.append(f"fuzz: {SENT['requests']} requests sent, {SENT['5xx']} answered >= 500")


def send(client, method, path, query="", body=None, content_type=None, **headers):
    """One request through the whole stack; a 500 is an answer to count, not an exception."""
    url = path + ("?" + query if query else "")
    extra = {} if content_type is None else {"content_type": content_type}
    response = client.generic(method, url, body or b"", **extra, **headers)
    SENT["requests"] += 1
    if response.status_code >= 500:
        SENT["5xx"] += 1
    assert response.status_code < 500, (method, url[:300], (body or b"")[:300])
    return response


def fresh_client(csrf=False):
    client = Client(SERVER_NAME="localhost", enforce_csrf_checks=csrf)
    client.raise_request_exception = False
    return client


# --- What is sent ------------------------------------------------------------------------------

nasty_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "\x00", "\x00\x01\x02", "%", "%ZZ", "%ff%fe", "../../etc/passwd", "' OR 1=1 --",
         "<script>alert(1)</script>", "\u202e", "\ud7ff", "𝒳𝒴", "Ω" * 3, "null", "-1",
         "99999999999999999999", "1e309", "NaN", "0x10", " ", "\r\n", "a\x00b",
         "3f2b8c1e-5d4a-4b7e-9c0d-1a2b3c4d5e6f", "------------------------------------"]
    ),
    st.builds(lambda char, count: char * count, st.sampled_from("aЯ\x00%9 "),
              st.integers(1000, 30_000)),
)  # fmt: skip
# Raw bytes, percent-encoded: invalid UTF-8 (lone continuation bytes, overlongs, surrogates).
nasty_bytes = st.one_of(
    st.binary(max_size=24),
    st.sampled_from([b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80" * 9]),
)
encoded_value = st.one_of(
    nasty_text.map(lambda text: quote(text, safe="")),
    nasty_bytes.map(lambda raw: quote_from_bytes(raw, safe="")),
    st.sampled_from(["%", "%%", "%G0", "=", "&&", "a=b=c", "%00"]),
)
field_names = st.one_of(
    st.sampled_from(
        ["country", "step", "identifier", "q", "page", "status", "topic", "first_names",
         "family_names", "document_type", "document_number", "date_of_birth", "street",
         "street_number", "postal_code", "city", "residence_country", "declaration",
         "privacy", "captcha_0", "captcha_1", "your_name", "your_email_address",
         "your_message", "csrfmiddlewaretoken", "next", "password", "username", "x"]
    ),
    st.text(alphabet=string.ascii_letters + "_[]%.", min_size=1, max_size=12),
)  # fmt: skip
pairs = st.lists(st.tuples(field_names, encoded_value), max_size=12)


@st.composite
def query_strings(draw):
    """Ordinary, repeated, huge and malformed query strings."""
    kind = draw(st.sampled_from(["pairs", "pairs", "repeated", "many", "junk", "huge"]))
    if kind == "pairs":
        return "&".join(f"{quote(key, safe='')}={value}" for key, value in draw(pairs))
    if kind == "repeated":
        key, value = draw(field_names), draw(encoded_value)[:200]
        return "&".join([f"{quote(key, safe='')}={value}"] * draw(st.integers(2, 300)))
    if kind == "huge":  # past DATA_UPLOAD_MAX_MEMORY_SIZE for a body
        return "x=" + "a" * 3_000_000
    if kind == "many":
        return "&".join(f"f{number}=1" for number in range(draw(st.integers(900, 1200))))
    return draw(st.sampled_from(["%", "&", "=", "%ff", "a", "a&&&b==", "%00=%00", "?" * 50]))


@st.composite
def form_bodies(draw):
    """(body, content type): urlencoded with repeated fields and raw bytes, or broken multipart."""
    kind = draw(st.sampled_from(["urlencoded", "urlencoded", "raw", "multipart", "json"]))
    if kind == "urlencoded":
        return (draw(query_strings()).encode("ascii"), "application/x-www-form-urlencoded")
    if kind == "raw":
        raw = b"&".join(
            draw(nasty_bytes) + b"=" + draw(nasty_bytes) for _ in range(draw(st.integers(1, 8)))
        )
        return raw, "application/x-www-form-urlencoded"
    if kind == "multipart":
        boundary = draw(st.sampled_from(["B", "", "x" * 100, "--", "\x00"]))
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="first_names"\r\n\r\n'.encode()
            + draw(nasty_bytes)
            + draw(st.sampled_from([b"\r\n--B--\r\n", b"", b"\r\n--B\r\n", b"--"]))
        )
        return body, f"multipart/form-data; boundary={boundary}"
    return draw(st.sampled_from([b"{", b"[]", b"\x00"])), "application/json"


# --- Where it is sent ----------------------------------------------------------------------------


def build_site():
    """Every page type once, translated into the content languages; returns the pages, by
    name, as {language: the page that answers under /language/}."""
    home = site_home()
    index = InitiativeIndexPageFactory(parent=home)
    topic = TopicFactory(name="Clean air")
    collecting = InitiativePageFactory(parent=index, initiative=InitiativeFactory(), title="Air")
    collecting.topic_links.create(topic=topic)
    collecting.save_revision().publish()
    sign = SigningPageFactory(parent=collecting)
    closed = InitiativePageFactory(parent=index, initiative=InitiativeFactory(closed=True))
    closed_sign = SigningPageFactory(parent=closed)
    external = InitiativePageFactory(parent=index, initiative=InitiativeFactory(external=True))
    news_index = NewsIndexPageFactory(parent=home)
    guidance_index = GuidanceIndexPageFactory(parent=home)
    leaves = {
        "home": home, "initiatives": index, "initiative": collecting, "sign": sign,
        "closed": closed, "closed_sign": closed_sign, "external": external,
        "contact": ContactPageFactory(parent=home), "about": StandardPageFactory(parent=home),
        "news": news_index, "news_item": NewsPageFactory(parent=news_index),
        "guidance": guidance_index, "guide": GuidancePageFactory(parent=guidance_index),
    }  # fmt: skip
    translated = {
        name: translate_tree(page, *CONTENT_LANGUAGES[1:]) for name, page in leaves.items()
    }
    return {
        name: {lang: translated[name].get(lang, page) for lang in LANGUAGES}
        for name, page in leaves.items()
    }


def in_language(lang, page, step=None, **kwargs):
    with translation.override(lang):  # interface-only languages keep their prefix
        if step is None:
            return page.url
        return page.url + page.reverse_subpage(step, kwargs=kwargs or None)


OPEN_COUNTS = ("open-counts-json", "open-counts-countries-csv", "open-counts-days-csv")


def public_paths(site):
    """Every public URL pattern once: the fixed views, each page type in each language, each
    signing step and each member state's form."""
    paths = ["/",  # the bare root: the language redirect
             reverse("sitemap-index"), reverse("robots-txt"), reverse("health"),
             reverse("captcha-refresh"), reverse("captcha-image", kwargs={"key": "abc"}),
             reverse("captcha-image-2x", kwargs={"key": "abc"}),
             reverse("captcha-audio", kwargs={"key": "abc"}),
             reverse("wagtaildocs_serve", args=(1, "x.pdf")),
             reverse("wagtaildocs_authenticate_with_password", args=(1,))]  # fmt: skip
    for name in ("initiative", "closed", "external"):  # the open counts of each kind
        number = site[name]["en"].initiative.registration_number
        paths += [reverse(view, args=[number]) for view in OPEN_COUNTS]
    number = site["initiative"]["en"].initiative.registration_number
    for lang in LANGUAGES:  # a paper form (signing.paper_form_views), Part A and Part B
        with translation.override(lang):
            paths += [reverse("paper-form", args=[number, code]) for code in ("de", "bg")]
    for lang in LANGUAGES:
        with translation.override(lang):
            paths += [
                reverse(name)
                for name in (
                    "search",
                    "html-sitemap",
                    "sitemap",
                    "news-rss",
                    "news-atom",
                    "wagtailcore_login",
                )
            ]
            paths.append(reverse("wagtailcore_authenticate_with_password", args=(1, 1)))
        paths += [in_language(lang, pages[lang]) for pages in site.values()]
        for sign in (site["sign"][lang], site["closed_sign"][lang]):
            paths.append(in_language(lang, sign, "lookup"))
    with translation.override("en"):
        paths += [form_url(site["sign"]["en"], code) for code in RULES]
    return sorted(set(paths))


path_suffixes = st.one_of(
    st.just(""),
    st.sampled_from(["xx/", "bg/", "BG/", "receipt/", "lookup/x/", "%ff/", "%00/", "..%2f/",
                     "a" * 3000 + "/", "/", "//", "%2e%2e/", "\u00e9/"]),
    st.text(alphabet=string.hexdigits.lower() + "-", min_size=36, max_size=36).map(
        lambda text: f"receipt/{text}/"
    ),
    nasty_bytes.map(lambda raw: quote_from_bytes(raw, safe="/") + "/"),
)  # fmt: skip


@pytest.fixture(scope="module")
def site(module_db):
    """The tree, built once: the tests only read it (what a request writes rolls back)."""
    with module_db.unblock():
        return build_site()


@pytest.fixture(scope="module")
def paths(module_db, site):
    with module_db.unblock():
        return public_paths(site)


@pytest.fixture(scope="module")
def signing(module_db, site):
    """The collecting initiative's signing addresses: each language's country choice and forms,
    and the Bulgarian lookup."""
    with module_db.unblock():
        forms = []
        for lang in LANGUAGES:
            with translation.override(lang):
                forms += [form_url(site["sign"][lang], code)
                          for code in ("BG", "DE", "EE", "PL", "SE", "BE", "ES", "IE")]  # fmt: skip
        with translation.override("en"):
            english = {code: form_url(site["sign"]["en"], code) for code in RULES}
            choice = site["sign"]["en"].url
            initiatives = site["initiatives"]["en"].url
        with translation.override("bg"):
            lookup = lookup_url(site["sign"]["bg"])
        with translation.override("ro"):
            search = reverse("search")
        with translation.override("en"):
            english_search, login = reverse("search"), reverse("wagtailcore_login")
    return {"forms": forms, "english": english, "choice": choice, "lookup": lookup,
            "search": search, "initiatives": initiatives,
            "others": [english_search, login, reverse("captcha-refresh")]}  # fmt: skip


def test_fuzz_covers_every_public_url_pattern(paths):
    assert len(paths) > 60
    for needle in ("/sign/lookup/", "/feeds/news.atom", "/contact/", "/captcha/audio/",
                   "/counts/", "/days.csv", "/paper-forms/"):  # fmt: skip
        assert any(needle in path for path in paths), needle


@FUZZ
@given(data=st.data())
def test_fuzz_every_public_url_with_any_query_string(paths, data):
    client = fresh_client()
    path = data.draw(st.sampled_from(paths)) + data.draw(path_suffixes)
    query = data.draw(query_strings())
    send(client, "GET", path, query)
    send(client, data.draw(st.sampled_from(["HEAD", "OPTIONS", "TRACE", "PATCH"])), path, query)


@FUZZ
@given(data=st.data())
def test_fuzz_every_form_with_any_body(paths, signing, data):
    client = fresh_client(csrf=data.draw(st.booleans()))
    forms = list(signing["forms"])
    forms += [path for path in paths if "/contact" in path or "/sign/" in path]
    forms += signing["others"]
    body, content_type = data.draw(form_bodies())
    send(client, data.draw(st.sampled_from(["POST", "POST", "PUT", "DELETE"])),
         data.draw(st.sampled_from(forms)), data.draw(query_strings()) if data.draw(
             st.booleans()) else "", body, content_type)  # fmt: skip


@FUZZ
@given(
    country=st.sampled_from(sorted(RULES)),
    fields=st.dictionaries(field_names, st.lists(nasty_text, min_size=1, max_size=3), max_size=10),
)
def test_fuzz_statement_forms_with_any_fields(signing, country, fields):
    """Through the form parser as a browser would send them: each member state's form."""

    client = fresh_client()
    response = client.post(signing["english"][country], fields)
    SENT["requests"] += 1
    SENT["5xx"] += response.status_code >= 500
    assert response.status_code < 500
    assert not Statement.objects.exists()  # nothing passes without a solved CAPTCHA


@FUZZ
@given(value=nasty_text)
def test_fuzz_receipt_lookup_and_search(signing, value):
    client = fresh_client()
    for path, key in ((signing["lookup"], "identifier"), (signing["search"], "q"),
                      (signing["choice"], "country"),
                      (signing["initiatives"], "topic")):  # fmt: skip
        send(client, "GET", path, f"{key}={quote(value, safe='')}")


# Hosts: outside ALLOWED_HOSTS, malformed, allowed with another port, huge.
hosts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["evil.example", "localhost:6666", "localhost:", "localhost:x", "[::1",
                     "[::1]:80", "localhost@evil.example", "localhost\x00", "LOCALHOST",
                     "xn--80ak6aa92e.com", " localhost", "localhost.", "a" * 5000]),
)  # fmt: skip
ALLOWED = ("localhost", "testserver", "127.0.0.1")


@FUZZ
@given(data=st.data())
def test_fuzz_every_public_url_with_any_host(paths, data):
    """A Host outside ALLOWED_HOSTS is a 400 on every path, /healthz included."""
    client = fresh_client()
    path, host = data.draw(st.sampled_from(paths)), data.draw(hosts)
    response = send(client, data.draw(st.sampled_from(["GET", "POST"])), path, HTTP_HOST=host)
    name, _colon, port = host.lower().rstrip(".").partition(":")
    if name not in ALLOWED or (port and not port.isdigit()):
        assert response.status_code == 400, host


@FUZZ
@given(number=nasty_text, view=st.sampled_from(OPEN_COUNTS))
def test_fuzz_open_counts_with_any_registration_number(site, number, view):
    """Whatever stands for the registration number (NUL included: PostgreSQL refuses it in a
    query) is a 404 or a file, never a 500."""
    ending = {"open-counts-json": ".json", "open-counts-countries-csv": "/countries.csv",
              "open-counts-days-csv": "/days.csv"}[view]  # fmt: skip
    send(fresh_client(), "GET", "/counts/" + quote(number, safe="") + ending)
