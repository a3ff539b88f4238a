"""The one client of the Commission's public services (shared/reference/commission-apis.md).

Every read of the register or of the central online collection system goes through `get_json`:
a timeout, a `User-Agent` naming the site, `Accept: application/json`, a bounded body, and one
exception, `ServiceError`, whose `kind` says what went wrong (not found, unreachable, an answer
that is not the JSON asked for) with a translated message for editors and dashboards. Callers
keep their last good data when it is raised; no visitor's request ever calls this module.
"""

import json
import re
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# ECI(2025)000006: the year and the six-digit number the register files it under.
REGISTRATION_NUMBER = re.compile(r"^ECI\((\d{4})\)(\d{6})$")
# More than any answer of these services; a body beyond it is not an answer of theirs.
MAX_ANSWER_BYTES = 5 * 1024 * 1024


class ServiceError(Exception):
    """A Commission service did not give the data asked for; `kind` says how."""

    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"
    BAD_ANSWER = "bad_answer"

    MESSAGES = {
        NOT_FOUND: _("The Commission's service has no such entry."),
        UNAVAILABLE: _(
            "The Commission's service could not be reached or did not answer in time. Nothing "
            "was changed; try again later."
        ),
        BAD_ANSWER: _(
            "The Commission's service answered with something other than the data asked for. "
            "Nothing was changed; try again later."
        ),
    }

    def __init__(self, kind, detail="", status=None, timed_out=False):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        # What a dashboard says of a failure: the HTTP status answered, or that none came in
        # time (initiatives.central_system).
        self.status, self.timed_out = status, timed_out

    @property
    def message(self):
        return self.MESSAGES[self.kind]


def user_agent():
    """Names the site and where it is, so the Commission can tell who polls it."""
    return settings.COMMISSION_USER_AGENT or (
        f"{settings.WAGTAIL_SITE_NAME} ({settings.WAGTAILADMIN_BASE_URL})"
    )


def get_json(url):
    """The JSON document at `url`, or ServiceError."""
    request = urllib.request.Request(  # noqa: S310 (http(s) addresses from settings only)
        url, headers={"User-Agent": user_agent(), "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.COMMISSION_TIMEOUT_SECONDS
        ) as response:
            body = response.read(MAX_ANSWER_BYTES + 1)
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        error.close()
        kind = ServiceError.NOT_FOUND if error.code == 404 else ServiceError.UNAVAILABLE
        raise ServiceError(kind, f"HTTP {error.code}", status=error.code) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        timed_out = isinstance(error, TimeoutError) or isinstance(
            getattr(error, "reason", None), TimeoutError
        )
        raise ServiceError(
            ServiceError.UNAVAILABLE, type(error).__name__, timed_out=timed_out
        ) from None
    if len(body) > MAX_ANSWER_BYTES or not content_type.endswith("json"):
        raise ServiceError(ServiceError.BAD_ANSWER, content_type)
    try:
        return json.loads(body)
    except ValueError:
        raise ServiceError(ServiceError.BAD_ANSWER, "invalid JSON") from None


def register_details_url(registration_number):
    """`ECI(2025)000006` → `{COMMISSION_REGISTER_URL}/details/2025/000006`; ValueError for a
    number of another form."""
    match = REGISTRATION_NUMBER.match(registration_number.strip())
    if not match:
        raise ValueError(registration_number)
    year, number = match.groups()
    return f"{settings.COMMISSION_REGISTER_URL.rstrip('/')}/details/{year}/{number}"


def read_register(registration_number):
    """The register's details of an initiative (a dict), or ServiceError."""
    details = get_json(register_details_url(registration_number))
    if not isinstance(details, dict):
        raise ServiceError(ServiceError.BAD_ANSWER, "not an object")
    return details
