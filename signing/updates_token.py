"""The proof that an opt-in for updates follows a signature: a single-use token.

It is issued with the redirect to the receipt, once a statement is stored: a random nonce,
signed with SECRET_KEY (timestamped, salted with the initiative), in a cookie of that
initiative's (HttpOnly, for TOKEN_SECONDS; partitioned in a partner's frame, like the CSRF
cookie). Its path is the whole site: the updates route has one address per language, and a
signer may switch language on the receipt before opting in; only the updates view reads it.
Nothing is written on the signing path. The opt-in consumes it
(signing.services.record_mailing_address): the hash of its nonce goes into UsedUpdatesToken,
under a unique key, in the transaction that stores the address, so one token stores one address
at most, whichever process gets it first; a missing, forged, expired or used one stores nothing.

Nothing ties the token to the statement: it is in no URL and no stored row with it, and the
used tokens are kept as hashes with the day only.
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing

from core.middleware import partition_cookie

from .embedding import is_embedded

COOKIE_PREFIX = "eci_updates_"
# Long enough to read the receipt and type an address, short enough that a token left in a
# browser is soon worth nothing.
TOKEN_SECONDS = 3600


def _signer(initiative_id):
    return signing.TimestampSigner(salt=f"signing.updates:{initiative_id}")


def new_token(initiative_id):
    return _signer(initiative_id).sign(secrets.token_urlsafe(16))


def cookie_name(initiative_id):
    """One cookie per initiative: signing a second initiative keeps the first one's opt-in."""
    return f"{COOKIE_PREFIX}{initiative_id}"


def issue(request, response, initiative_id):
    """Give the signer of the statement just stored one opt-in for updates."""
    name = cookie_name(initiative_id)
    response.set_cookie(
        name, new_token(initiative_id), max_age=TOKEN_SECONDS,
        secure=settings.CSRF_COOKIE_SECURE, httponly=True, samesite="Lax",
    )  # fmt: skip
    if is_embedded(request):
        partition_cookie(response, name)
    return response


def used(request, response, initiative_id):
    """Drop the cookie of the token just consumed (in a partner's frame, from that partner's
    partitioned jar, where it was set)."""
    name = cookie_name(initiative_id)
    response.delete_cookie(name)
    if is_embedded(request):
        partition_cookie(response, name)
    return response


def token_digest(request, initiative_id):
    """The hash of the nonce of a valid token (this initiative's, not expired) the request
    carries, or None."""
    try:
        nonce = _signer(initiative_id).unsign(
            request.COOKIES.get(cookie_name(initiative_id), ""), max_age=TOKEN_SECONDS
        )
    except signing.BadSignature:
        return None
    return hashlib.sha256(nonce.encode()).hexdigest()
