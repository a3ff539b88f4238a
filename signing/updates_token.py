"""The proof that an opt-in for updates follows a signature: a single-use token.

It is issued with the redirect to the receipt, once a statement is stored: a random nonce,
signed with SECRET_KEY (timestamped, salted with the initiative), in a cookie that only the
signing page's updates route receives (HttpOnly, for TOKEN_SECONDS; partitioned in a partner's
frame, like the CSRF cookie). Nothing is written on the signing path. The opt-in consumes it
(signing.services.record_mailing_address): the hash of its nonce goes into UsedUpdatesToken,
under a unique key, in the transaction that stores the address, so one token stores one address
at most, whichever process gets it first; a missing, forged, expired or used one stores nothing.

Nothing ties the token to the statement: it is in no URL and no stored row with it, and the
used tokens are kept as hashes with the day only.
"""

import hashlib
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing

from core.middleware import partition_cookie

from .embedding import is_embedded

COOKIE_NAME = "eci_updates"
# Long enough to read the receipt and type an address, short enough that a token left in a
# browser is soon worth nothing.
TOKEN_SECONDS = 3600


def _signer(initiative_id):
    return signing.TimestampSigner(salt=f"signing.updates:{initiative_id}")


def new_token(initiative_id):
    return _signer(initiative_id).sign(secrets.token_urlsafe(16))


def _path(signing_page):
    return urlsplit(signing_page.url + signing_page.reverse_subpage("updates")).path


def issue(request, response, signing_page, initiative_id):
    """Give the signer of the statement just stored one opt-in for updates."""
    response.set_cookie(
        COOKIE_NAME, new_token(initiative_id), max_age=TOKEN_SECONDS, path=_path(signing_page),
        secure=settings.CSRF_COOKIE_SECURE, httponly=True, samesite="Lax",
    )  # fmt: skip
    if is_embedded(request):
        partition_cookie(response, COOKIE_NAME)
    return response


def used(response, signing_page):
    """Drop the cookie of the token just consumed."""
    response.delete_cookie(COOKIE_NAME, path=_path(signing_page))
    return response


def token_digest(request, initiative_id):
    """The hash of the nonce of a valid token (this initiative's, not expired) the request
    carries, or None."""
    try:
        nonce = _signer(initiative_id).unsign(
            request.COOKIES.get(COOKIE_NAME, ""), max_age=TOKEN_SECONDS
        )
    except signing.BadSignature:
        return None
    return hashlib.sha256(nonce.encode()).hexdigest()
