"""Deployment checks (`manage.py check --deploy`): the rate limit's set-up and the dedupe key.

eci.W001  the cache is per process: each worker counts on its own (a settings module of its own;
          production refuses to start without REDIS_URL unless SINGLE_PROCESS says there is one).
eci.W002  a proxy stands in front (SECURE_PROXY_SSL_HEADER) but SIGNING_TRUSTED_PROXIES is empty:
          every citizen would be counted as the proxy's one address.
eci.W003  SIGNING_TRUSTED_PROXIES trusts a network so wide (more than a /8) that clients in it
          could forge X-Forwarded-For.
eci.W004  SIGNING_CLIENT_IP_HEADER is set: it is no longer read (a header a client can forge).
eci.E001  SIGNING_TRUSTED_PROXIES has an entry that is not an address or network.
eci.W005  the dedupe key comes from the environment (SIGNING_DEDUPE_SECRET), not from a file.
eci.W006  the dedupe key file can be read by other users.
"""

import ipaddress
import os

from django.conf import settings
from django.core import checks

SHARED_CACHES = {
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "core.cache_backend.ResilientRedisCache",
}
WIDEST_TRUSTED_NETWORK = 2**24


@checks.register(checks.Tags.security, deploy=True)
def check_rate_limit_setup(app_configs=None, **kwargs):
    messages = []
    if not settings.SIGNING_RATE_LIMIT:
        return messages
    backend = settings.CACHES[getattr(settings, "RATELIMIT_USE_CACHE", "default")]["BACKEND"]
    if backend not in SHARED_CACHES and not getattr(settings, "SINGLE_PROCESS", False):
        messages.append(
            checks.Warning(
                f"The cache ({backend}) is not shared between processes: each worker counts "
                "submissions on its own, so the rate limit is multiplied by the workers.",
                hint="Set REDIS_URL (see docs/operations.md, Rate limiting).",
                id="eci.W001",
            )
        )
    proxies = list(settings.SIGNING_TRUSTED_PROXIES)
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not proxies:
        messages.append(
            checks.Warning(
                "A proxy stands in front of the site (SECURE_PROXY_SSL_HEADER) but "
                "SIGNING_TRUSTED_PROXIES is empty: every citizen is counted as the proxy's "
                "address, and one limit holds for the whole site.",
                hint="List the proxy's addresses in SIGNING_TRUSTED_PROXIES, e.g. 127.0.0.1.",
                id="eci.W002",
            )
        )
    for proxy in proxies:
        try:
            network = ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            messages.append(
                checks.Error(
                    f"SIGNING_TRUSTED_PROXIES: {proxy!r} is not an address or network.",
                    id="eci.E001",
                )
            )
            continue
        if network.num_addresses > WIDEST_TRUSTED_NETWORK:
            messages.append(
                checks.Warning(
                    f"SIGNING_TRUSTED_PROXIES trusts {network}: any client in it can forge "
                    "X-Forwarded-For and choose its own rate-limit bucket.",
                    hint="List only the proxies' own addresses or small networks.",
                    id="eci.W003",
                )
            )
    if os.environ.get("SIGNING_CLIENT_IP_HEADER") or getattr(
        settings, "SIGNING_CLIENT_IP_HEADER", ""
    ):
        messages.append(
            checks.Warning(
                "SIGNING_CLIENT_IP_HEADER is no longer read: a header a client can send is "
                "never trusted by itself.",
                hint="Remove it and list the proxies in SIGNING_TRUSTED_PROXIES.",
                id="eci.W004",
            )
        )
    return messages


@checks.register(checks.Tags.security, deploy=True)
def check_dedupe_key(app_configs=None, **kwargs):
    """eci.W005: the dedupe key comes from the environment, next to the database credentials.
    eci.W006: the dedupe key file can be read by other users."""
    source = getattr(settings, "SIGNING_DEDUPE_SECRET_SOURCE", None)
    if source is None:
        return []
    if source == "environment":
        return [
            checks.Warning(
                "The dedupe key is read from the environment (SIGNING_DEDUPE_SECRET), where the "
                "database credentials are: whoever has one tends to have both, and with both "
                "the duplicate-detection hashes can be tested against guesses.",
                hint="Put the key in a file readable only by the site's user and set "
                "SIGNING_DEDUPE_SECRET_FILE (see docs/threat-model.md).",
                id="eci.W005",
            )
        ]
    try:
        mode = os.stat(source).st_mode
    except OSError:
        return []
    if mode & 0o077:
        return [
            checks.Warning(
                f"The dedupe key file {source} can be read by other users (mode {mode & 0o777:o}).",
                hint="chmod 600 it, owned by the site's user.",
                id="eci.W006",
            )
        ]
    return []
