"""A local fake of the Commission's register and central online collection system.

No machine of this project reaches the real services; this one answers on 127.0.0.1 with the
shapes documented in shared/reference/commission-apis.md, and with the failures clients must
survive. A test sets what it answers (`register[...]`, `collections[...]`) and how it fails
(`fail(...)`), then points the site at `fake.url`:

    with CommissionFake() as fake:
        fake.register["2025/000006"] = register_details(...)
        fake.collections["045"] = {"signatureCount": 1234, "goal": 1000000, "map": {"fr": 1234}}
        fake.fail("/045/public/api/report/map", "forbidden")

Paths:
- `/core/api/register/details/{YEAR}/{NUMBER}`: `register[f"{YEAR}/{NUMBER}"]`, as JSON.
- `/{NNN}/public/api/report/progression`: `{"signatureCount": ..., "goal": ...}`.
- `/{NNN}/public/api/report/map`: `{"signatureCountryCount": [{"countryCode": "fr", ...}]}`.
- `/{NNN}/public/api/initiative/description`: `collections[NNN]["description"]`.

Failures, by path (`fail(path, how)`; `fail(path, None)` heals it): "forbidden" (403 with an
HTML body, as the central system answers some collections), "timeout" (answers nothing until
the client gives up; released when the fake closes), "bad_json", "server_error" (500 with an
HTML body). Every request is recorded in `requests` as (path, headers), so a test can check the
`User-Agent` a client sends and how often it polls.
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REGISTER_PATH = re.compile(r"^/core/api/register/details/(\d{4})/(\d{6})$")
COLLECTION_PATH = re.compile(
    r"^/(\d{3})/public/api/(report/progression|report/map|initiative/description)$"
)

FORBIDDEN_PAGE = b"<!DOCTYPE html><html><body><h1>403 Cannot Access</h1></body></html>"
ERROR_PAGE = b"<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>"


def register_details(year, number, *, versions, sos_total=None, sos_entries=None, **other):
    """A register answer: `versions` maps a language code (any case) to its title, objectives
    and support link; `sos_entries` maps a country code (the register writes GR for Greece) to
    its figure, and the total defaults to their sum. Other keys (dates, status, answer,
    funding) pass through as given."""
    details = {
        "year": str(year),
        "number": str(number),
        "linguisticVersions": [
            {"languageCode": code.upper(), **version} for code, version in versions.items()
        ],
        **other,
    }
    if sos_entries is not None:
        details["sosReport"] = {
            "totalSignatures": sum(sos_entries.values()) if sos_total is None else sos_total,
            "entry": [
                {"countryCodeType": country, "total": total}
                for country, total in sos_entries.items()
            ],
        }
    return details


class CommissionFake:
    def __init__(self):
        self.register = {}
        self.collections = {}
        self.failures = {}
        self.requests = []
        self._released = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def collection_url(self, number):
        """The collection's public address, as the record holds it (`.../045/public/`)."""
        return f"{self.url}/{number}/public/"

    def fail(self, path, how):
        if how is None:
            self.failures.pop(path, None)
        else:
            assert how in {"forbidden", "timeout", "bad_json", "server_error"}, how
            self.failures[path] = how

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._released.set()
        self._server.shutdown()
        self._server.server_close()

    def answer(self, path):
        """(status, content type, body) for a path, failures first."""
        how = self.failures.get(path)
        if how == "forbidden":
            return 403, "text/html", FORBIDDEN_PAGE
        if how == "server_error":
            return 500, "text/html", ERROR_PAGE
        if how == "bad_json":
            return 200, "application/json", b'{"signatureCount": 12'
        if match := REGISTER_PATH.match(path):
            details = self.register.get(f"{match[1]}/{match[2]}")
            if details is None:
                return 404, "application/json", b'{"error": "not found"}'
            return 200, "application/json", json.dumps(details).encode()
        if match := COLLECTION_PATH.match(path):
            collection = self.collections.get(match[1])
            if collection is None:
                return 404, "text/html", b"<html><body>Not found</body></html>"
            if match[2] == "report/progression":
                body = {key: collection[key] for key in ("signatureCount", "goal")}
            elif match[2] == "report/map":
                body = {
                    "signatureCountryCount": [
                        {"countryCode": country.lower(), "count": count}
                        for country, count in collection.get("map", {}).items()
                    ]
                }
            else:
                body = collection.get("description", {})
            return 200, "application/json", json.dumps(body).encode()
        return 404, "text/html", b"<html><body>Not found</body></html>"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library's name)
                path = self.path.split("?", 1)[0]
                fake.requests.append((path, dict(self.headers)))
                if fake.failures.get(path) == "timeout":
                    fake._released.wait(timeout=30)
                    return
                status, content_type, body = fake.answer(path)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler
