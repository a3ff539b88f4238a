"""A per-client limit on statement submissions: django-ratelimit, counted in the shared cache.

Who the client is. Behind the documented set-up (a TLS-terminating proxy in front of gunicorn),
REMOTE_ADDR is the proxy's address and the proxy appends the address it saw to X-Forwarded-For.
SIGNING_TRUSTED_PROXIES lists the proxies' addresses or networks. The client is then the
right-most address in X-Forwarded-For that is not a trusted proxy: everything to its left was
written by the client and may be forged. When REMOTE_ADDR is not a trusted proxy the header is
ignored altogether (anyone can send it). IPv6 clients count per /64, which one client holds.

The address never reaches the cache: the key is an HMAC of it under SECRET_KEY (and
django-ratelimit hashes its cache keys again), and each count expires with its window.
Configured by SIGNING_RATE_LIMIT ("submissions/seconds", empty for none). A custom system check
(`manage.py check --deploy`, signing/checks.py) warns on a set-up that would share one bucket or
count per process.

When the cache cannot be reached the limit lets submissions through (RATELIMIT_FAIL_OPEN): a
cache outage must not turn every citizen away, and the single-use CAPTCHA, which lives in the
database, still stands in front of every statement.
"""

import functools
import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

GROUP = "signing-submission"
# The opt-in for updates counts apart: a burst of opt-ins must not use up a signer's limit.
OPT_IN_GROUP = "signing-updates-opt-in"


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def trusted_networks():
    return _networks(tuple(settings.SIGNING_TRUSTED_PROXIES))


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """The client's address as the trusted proxies vouch for it (see the module's docstring)."""
    networks = trusted_networks()
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if not _is_trusted(remote, networks):
        if remote is None:
            return request.META.get("REMOTE_ADDR", "")
        return str(remote)
    client = remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            # A trusted proxy writes only addresses: this was there before it, i.e. forged or
            # damaged. Count under the last hop the proxies vouch for.
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)


def bucket(request):
    """What one client's submissions are counted under: an HMAC of its address (per /64 for
    IPv6), so that the cache never holds an address."""
    address = client_address(request)
    parsed = _address(address)
    if parsed is not None and parsed.version == 6:
        address = str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def parse_limit(text):
    if not text:
        return None
    submissions, seconds = (int(part) for part in text.split("/"))
    return submissions, seconds


def allow_submission(request, group=GROUP):
    """Count this submission; False when the client is over its limit (in `group`'s bucket)."""
    limit = parse_limit(settings.SIGNING_RATE_LIMIT)
    if limit is None:
        return True
    limited = is_ratelimited(
        request,
        group=group,
        key=lambda _group, request: bucket(request),
        rate=limit,
        increment=True,
    )
    return not limited


def allow_opt_in(request):
    """Count this opt-in for updates, in its own bucket (as many per window as submissions)."""
    return allow_submission(request, OPT_IN_GROUP)
