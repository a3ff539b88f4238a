"""A statement's receipt, rendered once per signing page, country, day and language.

A receipt shows the initiative, the country the statement counts for, the day it was submitted
and its identifier; only the identifier differs between the signers of one initiative, country
and day. The first receipt of each is rendered in full, its identifier replaced by a mark (it
appears in the page and in the links of the language switcher), and kept in the cache under the
content version (any change to the tree, the initiative or the chrome sets a new one). Every
other receipt of that day is the kept page with its own identifier put back: one prepared query
(the statement) and one cache read, where a full rendering loads the initiative page and walks
the templates. The cache holds no personal data: a receipt has none. The opt-in for updates on it
posts a form, so its CSRF token is a mark too, filled per request as on the blank form.
"""

import datetime
import functools

from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from core.prepared import execute_prepared
from initiatives.countries import MEMBER_STATES

from .blank_form import CSRF_MARK, built_once
from .embedding import EMBED, frame_if_embedded, is_embedded
from .models.statements import Statement

# Letters and digits only: they pass through HTML and URL escaping unchanged, and no text on the
# page contains them by chance.
IDENTIFIER_MARK = "receiptmark5c0e91d7a3b2"


def build(request, signing_page, statement):
    initiative_page = signing_page.initiative_page()
    embedded = is_embedded(request)
    identifier = str(statement.id)
    html = render_to_string(
        "signing/receipt.html",
        {
            "page": signing_page,
            "initiative_page": initiative_page,
            "initiative": initiative_page.initiative,
            "statement": statement,
            "step": 3,
            "country_name": MEMBER_STATES[statement.country],
            "share_url": request.build_absolute_uri(initiative_page.url),
            "csrf_token": CSRF_MARK,
            # In a partner's frame the flow carries on framed; the partner code is not carried
            # past the statement (signing.views), so the page is the same for every partner.
            "embedded": embedded,
            "flow": {EMBED: "1"} if embedded else {},
        },
        request=request,
    )
    if identifier not in html or IDENTIFIER_MARK in html:
        raise RuntimeError("the receipt's page lost its identifier")
    return html.replace(identifier, IDENTIFIER_MARK)


def receipt_statement(identifier, initiative_id):
    """What a receipt shows of the statement `identifier` of the initiative (its identifier,
    country and day), or None: one prepared SELECT, where the ORM's query costs more than the
    rest of the receipt."""
    id_field = Statement._meta.get_field("id")
    _count, rows = execute_prepared(_receipt_sql(), [
        id_field.get_db_prep_value(identifier, connection), initiative_id,
    ])  # fmt: skip
    if not rows:
        return None
    country, submitted_on = rows[0]
    if isinstance(submitted_on, str):  # SQLite's column, read without the ORM's converters
        submitted_on = datetime.date.fromisoformat(submitted_on)
    return Statement(id=identifier, country=country, submitted_on=submitted_on)


@functools.cache
def _receipt_sql():
    quote = connection.ops.quote_name
    country, day, identifier, initiative = (
        quote(Statement._meta.get_field(name).column)
        for name in ("country", "submitted_on", "id", "initiative")
    )
    # Table and column names come from the model, never from input.
    return (
        f"SELECT {country}, {day} FROM {quote(Statement._meta.db_table)}"  # noqa: S608
        f" WHERE {identifier} = %s AND {initiative} = %s"
    )


def receipt_response(request, signing_page, statement):
    """The receipt of `statement`, which must belong to the signing page's initiative."""
    parts = [signing_page.pk, statement.country, statement.submitted_on.isoformat()]
    html = built_once(request, "receipt", parts, lambda: build(request, signing_page, statement))
    response = HttpResponse(
        html.replace(IDENTIFIER_MARK, str(statement.id)).replace(CSRF_MARK, get_token(request))
    )
    # A receipt says who signed where: no browser or proxy may keep it, and no request made from
    # it (the opt-in for updates above all) may carry its address, the statement's identifier.
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "origin"
    return frame_if_embedded(request, response, signing_page.initiative().pk)
