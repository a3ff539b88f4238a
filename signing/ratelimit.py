"""A per-client limit on statement submissions, counted in the cache.

The client's address never reaches the cache: the key is an HMAC of it, and the count expires
with its window. Configured by SIGNING_RATE_LIMIT ("submissions/seconds", empty for none).
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    header = settings.SIGNING_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The proxy appends the address it saw: the last one is the one it vouches for.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def parse_limit(text):
    if not text:
        return None
    submissions, seconds = (int(part) for part in text.split("/"))
    return submissions, seconds


def allow_submission(request):
    """Count this submission; False when the client is over its limit."""
    limit = parse_limit(settings.SIGNING_RATE_LIMIT)
    if limit is None:
        return True
    submissions, seconds = limit
    client = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    key = f"signing-rate:{client}:{int(time.time() // seconds)}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        count = 1
    return count <= submissions
