"""Counts from the Commission's central online collection system: the periodic job that reads
them (`read_central_system`, run by `manage.py read_central_system`) and what it keeps.

For each initiative on the central system whose collection is open (or closed within
LAG_DAYS: the figures lag), at most every CENTRAL_SYSTEM_READ_SECONDS, the job reads the total
(`api/report/progression` under the collection's address, in the record) and each member
state's figure: from the central system's `api/report/map` when it answers and its figures add
up to the total, otherwise from the register's statements-of-support report (`sosReport`, the
dependable source, which lags). A reading is kept (models.CentralReading) only when its member
states add up to its total and the total has not fallen below the last reading; otherwise, or
when a service fails (an HTTP error such as the 403 with an HTML page some collections answer,
a timeout, an unreachable host, an answer that is not the documented JSON), the last good
reading stays and the initiative's state (models.CentralSystemState) says what failed and
since when, for the organisers' dashboard; the next attempt waits twice as long each time, up
to CENTRAL_SYSTEM_BACKOFF_LIMIT_SECONDS.

One process reads an initiative at a time: it claims it in the database by a conditional
UPDATE, so two runs of the job (a cron overlap, two servers) never poll it twice. No visitor's
request reads the services: pages read the readings from the database, through the counts
snapshot (initiatives.figures), which a new reading renews.
"""

import datetime
import logging
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .commission import ServiceError, get_json, register_details_url
from .countries import MEMBER_STATES
from .figures import forget_snapshot
from .models import CentralReading, CentralSystemState, Initiative

logger = logging.getLogger(__name__)

# Figures keep changing for a while after the collection closes (the services lag by hours).
LAG_DAYS = 30
# The services' country codes that are not the site's (the EU writes EL for Greece).
COUNTRY_ALIASES = {"EL": "GR"}


@dataclass
class Failure(Exception):
    """Why a reading was not kept: `code` (timeout, http_status, unreachable, bad_answer,
    total_fell, countries_mismatch: the organisers' dashboard has a sentence for each), the
    address that failed, and the figures that say more (an HTTP status, the seconds waited, two
    totals)."""

    code: str
    url: str = ""
    details: dict = field(default_factory=dict)

    def __str__(self):
        return f"{self.code} {self.details} {self.url}".strip()


def fetch_json(url):
    """The JSON the service answers at `url` (initiatives.commission, the one client of the
    Commission's services: its timeout, User-Agent and bounded body), or a Failure that says
    what went wrong."""
    try:
        return get_json(url)
    except ServiceError as error:
        if error.timed_out:
            seconds = settings.COMMISSION_TIMEOUT_SECONDS
            raise Failure("timeout", url, {"seconds": f"{seconds:g}"}) from None
        if error.status is not None:
            raise Failure("http_status", url, {"status": error.status}) from None
        if error.kind == ServiceError.BAD_ANSWER:
            raise Failure("bad_answer", url) from None
        raise Failure("unreachable", url) from None


def _count(value, url):
    """A count as the services write it: a whole number, never negative."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Failure("bad_answer", url)
    return value


def _countries(pairs, url):
    """{site's country code: count} from (code, count) pairs, or a Failure when a code is no
    member state's or appears twice."""
    countries = {}
    for code, count in pairs:
        code = COUNTRY_ALIASES.get(str(code).upper(), str(code).upper())
        if code not in MEMBER_STATES or code in countries:
            raise Failure("bad_answer", url)
        countries[code] = _count(count, url)
    return countries


def _entries(answer, *path, url):
    """The list at `path` in a JSON answer, each of its items an object."""
    for key in path:
        answer = answer.get(key) if isinstance(answer, dict) else None
    if not isinstance(answer, list) or not all(isinstance(item, dict) for item in answer):
        raise Failure("bad_answer", url)
    return answer


def collection_address(initiative):
    address = initiative.external_system_url
    return address if address.endswith("/") else address + "/"


def read_total(initiative):
    url = urljoin(collection_address(initiative), "api/report/progression")
    answer = fetch_json(url)
    return _count(answer.get("signatureCount") if isinstance(answer, dict) else None, url), url


def read_map(initiative):
    url = urljoin(collection_address(initiative), "api/report/map")
    entries = _entries(fetch_json(url), "signatureCountryCount", url=url)
    return _countries(((row.get("countryCode"), row.get("count")) for row in entries), url)


def read_register(initiative):
    """The register's per-country figures; None for a number the register does not hold (the
    demo's)."""
    try:
        url = register_details_url(initiative.registration_number)
    except ValueError:
        return None
    entries = _entries(fetch_json(url), "sosReport", "entry", url=url)
    return _countries(((row.get("countryCodeType"), row.get("total")) for row in entries), url)


def read_collection(initiative, last):
    """(total, {country: count}, source) of a good reading, or a Failure."""
    total, url = read_total(initiative)
    if last is not None and total < last.total:
        raise Failure("total_fell", url, {"before": last.total, "after": total})
    failures = []
    for source, read in ((CentralReading.Source.MAP, read_map),
                         (CentralReading.Source.REGISTER, read_register)):  # fmt: skip
        try:
            countries = read(initiative)
        except Failure as failure:
            failures.append(failure)
            continue
        if countries is None:
            continue
        if sum(countries.values()) == total:
            return total, countries, source
        failures.append(
            Failure(
                "countries_mismatch",
                url,
                {"sum": sum(countries.values()), "total": total, "source": source.value},
            )
        )
    # A mismatch says more than a source that failed (the map's 403 is a known habit).
    mismatches = [failure for failure in failures if failure.code == "countries_mismatch"]
    raise (mismatches or failures)[-1]


def initiatives_to_read(today):
    """Initiatives on the central system with its address, collecting or closed lately (an
    unknown date does not stop the readings: a few requests cost less than missing figures)."""
    lately = today - datetime.timedelta(days=LAG_DAYS)
    return Initiative.objects.filter(
        Q(collection_start__isnull=True) | Q(collection_start__lte=today),
        Q(collection_end__isnull=True) | Q(collection_end__gte=lately),
        collection=Initiative.Collection.CENTRAL,
    ).exclude(external_system_url="")


def _claim(initiative, now, due_only):
    """Whether this process may read the initiative now: no other holds it and (unless
    `due_only` is false) its next reading is due. The claim lasts until every request of one
    reading could have timed out, so a process that died leaves it free again."""
    lease = datetime.timedelta(seconds=4 * settings.COMMISSION_TIMEOUT_SECONDS + 60)
    claimable = CentralSystemState.objects.filter(initiative=initiative).filter(
        Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    )
    if due_only:
        claimable = claimable.filter(Q(next_reading_at__isnull=True) | Q(next_reading_at__lte=now))
    return claimable.update(leased_until=now + lease) == 1


def backoff(failures):
    """Seconds until the next attempt after `failures` failures in a row."""
    period = settings.CENTRAL_SYSTEM_READ_SECONDS
    return min(settings.CENTRAL_SYSTEM_BACKOFF_LIMIT_SECONDS, period * 2 ** max(0, failures - 1))


def read_initiative(initiative, now):
    """Read one initiative (claimed by this process), keep a good reading or record the
    failure, and free the claim. Returns the CentralReading or the Failure."""
    state = CentralSystemState.objects.get(initiative=initiative)
    last = initiative.central_readings.order_by("-read_at").first()
    try:
        total, countries, source = read_collection(initiative, last)
    except Failure as failure:
        state.failures += 1
        state.failing_since = state.failing_since or now
        state.failure, state.failure_details = failure.code, {**failure.details, "url": failure.url}
        state.last_attempt_at, state.leased_until = now, None
        state.next_reading_at = now + datetime.timedelta(seconds=backoff(state.failures))
        state.save()
        logger.warning("central system: %s not read: %s", initiative.registration_number, failure)
        return failure
    with transaction.atomic():
        reading = CentralReading.objects.create(
            initiative=initiative, read_at=now, total=total, countries=countries, source=source
        )
        state.failures, state.failing_since, state.failure, state.failure_details = 0, None, "", {}
        state.last_attempt_at, state.leased_until = now, None
        state.next_reading_at = now + datetime.timedelta(seconds=backoff(0))
        state.save()
        # Pages show it at their next snapshot, taken at once (not within the snapshot's third).
        transaction.on_commit(forget_snapshot)
    return reading


def read_central_system(now=None, due_only=True):
    """The periodic job: read every initiative on the central system that is due and that no
    other process is reading. Returns [(initiative, CentralReading or Failure)]; never raises
    for a service's failure."""
    now = now or timezone.now()
    initiatives = list(initiatives_to_read(timezone.localdate(now)))
    CentralSystemState.objects.bulk_create(
        [CentralSystemState(initiative=initiative) for initiative in initiatives],
        ignore_conflicts=True,
    )
    return [
        (initiative, read_initiative(initiative, now))
        for initiative in initiatives
        if _claim(initiative, now, due_only)
    ]
