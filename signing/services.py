"""Storing a statement: encrypt, check for a duplicate, store and count, in one transaction."""

import datetime
import functools
import hashlib
import hmac
import json
import secrets
from contextlib import nullcontext

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables
from wagtail.models import Page, PageViewRestriction

from core import crypto
from core.argon2 import argon2id
from core.captcha import EXPIRED, RIGHT, answer_state, consume_challenge_sql
from core.prepared import execute_prepared
from initiatives import counters
from initiatives.models import Initiative, SupportCounter

from . import identity as identity_rules
from .models.mailing_list import MailingListEntry, UsedUpdatesToken
from .models.statements import FlaggedPaperForms, Statement
from .rules import ANNEX_REVISION


class AlreadySigned(Exception):
    """This person has already supported this initiative."""


class NoPublicKey(Exception):
    """The initiative has no public key: a statement is never stored unencrypted."""


class InitiativeChanged(Exception):
    """The initiative's signing state changed after it was read: nothing was stored."""


class WrongAnswer(Exception):
    """The CAPTCHA answer was wrong, or its challenge expired (`expired`) or used: nothing was
    stored."""

    def __init__(self, expired=False):
        super().__init__()
        self.expired = expired


class NoUpdatesToken(Exception):
    """An opt-in for updates without an unused token of a signature: nothing was stored."""


# Argon2id for the duplicate-detection hash: memory-hard, so that even someone holding the
# database AND the dedupe key pays about a millisecond and 2 MiB per guess (HMAC-SHA256 took
# 2 µs: the whole EGN space in a minute). More would slow every signature: 2 MiB, one pass is
# ~1.2 ms on one core (bench/dedupe_hash.py; docs/threat-model.md). Changing these changes
# every hash: only before the first statement of a collection. (core/argon2.py computes the
# same hashes as cryptography's Argon2id did, faster: it changed none.)
DEDUPE_ARGON2 = {"iterations": 1, "lanes": 1, "memory_cost": 2 * 1024}


@sensitive_variables("identity")
def dedupe_hash(initiative, identity):
    """The duplicate-detection hash of a statement's identity (keyed_hash), per initiative."""
    return keyed_hash(f"initiative:{initiative.registration_number}", identity)


@sensitive_variables("identity")
def keyed_hash(scope, identity):
    """Argon2id of the normalised identity, keyed: the dedupe key (SIGNING_DEDUPE_SECRET, read
    from SIGNING_DEDUPE_SECRET_FILE in production) is Argon2's secret input, and the salt is a
    key derived from it for `scope` (an initiative, a petition).

    The same person gives unrelated hashes in two scopes, nobody without the key can test
    a guess (the database alone reveals nothing), and with the key each guess costs the Argon2id
    work above.
    """
    key = settings.SIGNING_DEDUPE_SECRET.encode()
    salt = hmac.new(key, scope.encode(), hashlib.sha256).digest()
    return argon2id(identity.encode(), salt=salt, secret=key, length=32, **DEDUPE_ARGON2).hex()


@sensitive_variables("data", "identity")
def record_statement(
    *,
    initiative,
    country,
    data,
    identity,
    language,
    page_revision_id,
    signing_page_id=None,
    partner="",
    answer=None,
):
    """Encrypt and store one statement and count it; raise AlreadySigned for a duplicate.

    With `signing_page_id`, the statement is stored only while that signing page is live and
    has no view restriction (nor an ancestor), as read in the storing statement itself: a page
    taken offline a moment ago takes nothing, whatever any process's cache still says.
    With `answer` (core.captcha.Answer), the storing statement also uses up its CAPTCHA
    challenge, and stores nothing unless the answer was right (WrongAnswer)."""
    statement = sealed_statement(
        initiative, country, data, identity, submitted_on=timezone.localdate(),
        language=language, page_revision_id=page_revision_id,
        partner=partner,  # a code already checked against the initiative's partners
    )  # fmt: skip
    store_and_count(statement, initiative, signing_page_id, answer)
    return statement


# Initiatives known to hold no statement of an earlier identity revision: none is ever added
# (a statement is stored under the current one), so once known it stays true in this process.
_WITHOUT_EARLIER_REVISIONS = set()


def holds_earlier_revisions(initiative):
    known = (initiative.pk, initiative.registration_number)
    if known in _WITHOUT_EARLIER_REVISIONS:
        return False
    earlier = Statement.objects.filter(
        initiative=initiative, identity_revision__lt=identity_rules.REVISION
    ).exists()
    if not earlier:
        _WITHOUT_EARLIER_REVISIONS.add(known)
    return earlier


@sensitive_variables("data", "identity", "plaintext")
def sealed_statement(initiative, country, data, identity, **fields):
    """An unsaved Statement: `data` encrypted to the initiative's key, `identity` hashed.

    While the initiative holds statements of the first identity revision, the statement also
    carries its hash under that one (`first_revision_hash`), to be checked against them."""
    if not initiative.public_key:
        raise NoPublicKey
    plaintext = json.dumps(
        {"annex_revision": ANNEX_REVISION, **data}, ensure_ascii=False, separators=(",", ":")
    ).encode()
    ciphertext = crypto.encrypt(
        crypto.load_public_key(initiative.public_key),
        plaintext,
        crypto.context(initiative.registration_number, country, ANNEX_REVISION),
    )
    statement = Statement(
        initiative=initiative,
        country=country,
        annex_revision=ANNEX_REVISION,
        key_fingerprint=initiative.key_fingerprint,
        suite=crypto.SUITE_NAME,
        ciphertext=ciphertext,
        dedupe_hash=dedupe_hash(initiative, identity),
        identity_revision=identity_rules.REVISION,
        **fields,
    )
    statement.first_revision_hash = None
    if holds_earlier_revisions(initiative):
        statement.first_revision_hash = dedupe_hash(
            initiative, identity_rules.first_revision({"country": country, **data})
        )
    return statement


def signed_before_revision(statement):
    """Whether the statement's signer signed before, under the first identity revision."""
    return statement.first_revision_hash is not None and (
        Statement.objects.filter(
            initiative_id=statement.initiative_id,
            dedupe_hash=statement.first_revision_hash,
            identity_revision=identity_rules.FIRST_REVISION,
        ).exists()
    )


@sensitive_variables("data", "identity")
def record_paper_statement(*, initiative, country, data, identity, signed_on):
    """Encrypt and store a paper statement keyed in by an organiser, WITHOUT counting it.

    The paper forms enter the public counts as the batches the organisers record; counting
    each keyed-in form as well would count it twice. A form of someone whose statement is
    already stored, online or keyed in, raises AlreadySigned: nothing is stored, and the day's
    count of flagged forms goes up (a count only: the form itself stays on paper).
    """
    statement = sealed_statement(
        initiative, country, {**data, "channel": Statement.Channel.PAPER}, identity,
        submitted_on=signed_on, language="", channel=Statement.Channel.PAPER,
    )  # fmt: skip
    if signed_before_revision(statement):
        flag_paper_form(initiative, country)
        raise AlreadySigned
    try:
        with transaction.atomic():
            statement.save(force_insert=True)
    except IntegrityError:
        if not Statement.objects.filter(
            initiative=initiative, dedupe_hash=statement.dedupe_hash
        ).exists():
            raise
        flag_paper_form(initiative, country)
        raise AlreadySigned from None
    return statement


def flag_paper_form(initiative, country):
    with transaction.atomic():
        flagged, _created = FlaggedPaperForms.objects.select_for_update().get_or_create(
            initiative=initiative, country=country, keyed_on=timezone.localdate()
        )
        flagged.count = F("count") + 1
        flagged.save(update_fields=["count"])


@sensitive_variables("address")
def record_mailing_address(initiative, address, token_digest):
    """Store a supporter's address for the organisers' updates, encrypted to their key, with
    nothing that links it to a statement (see signing.models.mailing_list), if `token_digest`
    is that of a token issued with a signature and not used yet (signing.updates_token): it is
    used up in the same transaction, so two requests with one token store one address."""
    if not initiative.public_key:
        raise NoPublicKey
    if token_digest is None:
        raise NoUpdatesToken
    today = timezone.localdate()
    entry = MailingListEntry(
        initiative=initiative,
        added_on=today,
        key_fingerprint=initiative.key_fingerprint,
        ciphertext=crypto.encrypt(
            crypto.load_public_key(initiative.public_key),
            address.encode(),
            crypto.mailing_list_context(initiative.registration_number),
        ),
    )
    try:
        with transaction.atomic():
            UsedUpdatesToken.objects.create(digest=token_digest, used_on=today)
            entry.save(force_insert=True)
    except IntegrityError:
        raise NoUpdatesToken from None
    # A token expires within the hour: the days before yesterday hold only dead ones.
    UsedUpdatesToken.objects.filter(used_on__lt=today - datetime.timedelta(days=1)).delete()
    return entry


def shuffle_mailing_list(before, since=None):
    """Rewrite the addresses for updates added before the day `before` (and from `since`, if
    given) in a random order; return how many were rewritten.

    Stored one by one, they follow the order the opt-ins came in, each a moment after its
    signer's statement: in SQLite's rowids, PostgreSQL's heap and its transaction ids (xmin, one
    sequence for all tables). Each initiative's day is deleted and inserted again, the same
    identifiers and contents in a random order, in one transaction: afterwards the rows of a day
    share one transaction id and their order says nothing. The day itself is stored anyway."""
    # The initiative is locked first, as destroy_statements and remove_from_mailing_list lock
    # it: they wait for the rewrite and then delete the rows as rewritten (a DELETE already
    # waiting on the old rows would skip them and never see the new), and never deadlock.
    return rewrite_days_shuffled(
        MailingListEntry.objects.all(), "initiative_id", Initiative, before, since
    )


def rewrite_days_shuffled(rows, owner_field, owner_model, before, since=None):
    """shuffle_mailing_list's rewrite, for any table of rows with a day (`added_on`) and an owner
    (`owner_field`, an id of `owner_model`, locked first): each owner's day of `rows` before
    `before` (from `since`) deleted and inserted again in a random order, in one transaction."""
    rows = rows.filter(added_on__lt=before)
    if since is not None:
        rows = rows.filter(added_on__gte=since)
    rewritten = 0
    for owner_id, day in rows.values_list(owner_field, "added_on").distinct().order_by():
        with transaction.atomic():
            list(owner_model.objects.select_for_update().filter(pk=owner_id).values("pk"))
            owners_day = rows.filter(**{owner_field: owner_id}, added_on=day)
            day_rows = list(owners_day.select_for_update())
            # By identifier: a row added meanwhile is left as it is, never lost.
            rows.model.objects.filter(pk__in=[row.pk for row in day_rows]).delete()
            secrets.SystemRandom().shuffle(day_rows)
            rows.model.objects.bulk_create(day_rows, batch_size=500)
        rewritten += len(day_rows)
    return rewritten


def store_and_count(statement, initiative, signing_page_id=None, answer=None):
    """Insert the statement and count it, both or neither, if the initiative's signing state in
    the database is still the one the statement was accepted under (the caller may have read it
    from a cache), else raise InitiativeChanged; AlreadySigned for a duplicate; WrongAnswer if
    `answer` was wrong (its challenge is used up whatever happens).

    On PostgreSQL one statement does it all (the challenge used up, the checks, then
    data-modifying CTEs feeding an upsert of a counter shard): a single round trip and a single
    commit, where the ORM needs one for each step. Elsewhere, the ORM in a transaction. A wrong
    answer is thus found after the statement was sealed: a wrong guess costs the sealing (the
    Argon2id hash and the encryption), under the same rate limit as any submission.
    """
    state = {field: getattr(initiative, field) for field in Initiative.SIGNING_STATE_FIELDS}
    if connection.vendor != "postgresql":
        store_and_count_with_orm(statement, state, signing_page_id, answer)
        return
    columns = Statement._meta.concrete_fields
    values = [
        field.get_db_prep_save(field.pre_save(statement, True), connection) for field in columns
    ]
    state_values = [
        Initiative._meta.get_field(field).get_db_prep_value(value, connection)
        for field, value in state.items()
    ]
    # Inside an outer transaction (tests, management commands) a failure must not poison it.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with guard:
        page = [] if signing_page_id is None else [signing_page_id]
        challenge = [] if answer is None else answer.params()
        earlier = []
        if statement.first_revision_hash is not None:
            earlier = [initiative.pk, statement.first_revision_hash, identity_rules.FIRST_REVISION]
        _count, rows = execute_prepared(
            _store_and_count_sql(bool(page), bool(challenge), bool(earlier)),
            [*challenge, initiative.pk, *state_values, *page, *values, *earlier,
             counters.random_shard()],
        )  # fmt: skip
    answered, expired, as_read, stored = rows[0]
    if not answered:
        raise WrongAnswer(expired=bool(expired))
    if not as_read:
        raise InitiativeChanged
    if not stored:
        raise AlreadySigned


def store_and_count_with_orm(statement, state, signing_page_id, answer):
    if answer is not None and (outcome := answer_state(answer)) != RIGHT:
        raise WrongAnswer(expired=outcome == EXPIRED)
    try:
        with transaction.atomic():
            if not Initiative.objects.filter(pk=statement.initiative_id, **state).exists():
                raise InitiativeChanged
            if signing_page_id is not None and not signing_page_open(signing_page_id):
                raise InitiativeChanged
            if signed_before_revision(statement):
                raise AlreadySigned
            statement.save(force_insert=True)
            counters.increment(statement.initiative_id, statement.country)
    except IntegrityError:
        if Statement.objects.filter(
            initiative_id=statement.initiative_id, dedupe_hash=statement.dedupe_hash
        ).exists():
            raise AlreadySigned from None
        raise


def signing_page_open(page_id):
    """Live, and neither it nor an ancestor restricted: the ORM's version of the check that
    _store_and_count_sql makes on PostgreSQL."""
    page = Page.objects.filter(pk=page_id, live=True).only("path").first()
    if page is None:
        return False
    ancestors = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    return not PageViewRestriction.objects.filter(page__path__in=ancestors).exists()


@functools.cache
def _store_and_count_sql(check_page=False, check_answer=False, check_earlier=False):
    quote = connection.ops.quote_name
    statements, counter = quote(Statement._meta.db_table), quote(SupportCounter._meta.db_table)
    initiatives = quote(Initiative._meta.db_table)
    one_per_person = next(
        constraint
        for constraint in Statement._meta.constraints
        if constraint.name == "one_statement_per_person"
    )
    unchanged = " AND ".join(
        f"{quote(Initiative._meta.get_field(field).column)} IS NOT DISTINCT FROM %s"
        for field in Initiative.SIGNING_STATE_FIELDS
    )
    columns = ", ".join(quote(field.column) for field in Statement._meta.concrete_fields)
    placeholders = ", ".join(["%s"] * len(Statement._meta.concrete_fields))
    # Table and column names come from the models, never from input.
    if check_page:
        pages = quote(Page._meta.db_table)
        restrictions = quote(PageViewRestriction._meta.db_table)
        unchanged += (
            f" AND EXISTS (SELECT 1 FROM {pages} p WHERE p.id = %s AND p.live AND NOT EXISTS ("  # noqa: S608
            f"SELECT 1 FROM {restrictions} r JOIN {pages} a ON a.id = r.page_id"
            " WHERE left(p.path, length(a.path)) = a.path))"
        )
    challenge, answered, expired = "", "true", "false"
    if check_answer:
        # Used up first, whatever follows: a right answer is never good for a second try.
        challenge = f"challenge AS ({consume_challenge_sql()}), "
        answered = "EXISTS (SELECT 1 FROM challenge WHERE answered)"
        expired = "EXISTS (SELECT 1 FROM challenge WHERE expired)"
        unchanged += f" AND {answered}"
    new_person = ""
    if check_earlier:
        # Not stored if the signer's hash under the first identity revision is stored already.
        new_person = (
            f" WHERE NOT EXISTS (SELECT 1 FROM {statements} WHERE initiative_id = %s"  # noqa: S608
            " AND dedupe_hash = %s AND identity_revision = %s)"
        )
    return (
        f"WITH {challenge}"  # noqa: S608
        f"as_read AS (SELECT 1 FROM {initiatives} WHERE id = %s AND {unchanged}), "
        f"stored AS (INSERT INTO {statements} ({columns}) SELECT {placeholders} FROM as_read"
        f"{new_person} ON CONFLICT ON CONSTRAINT {quote(one_per_person.name)} DO NOTHING "
        "RETURNING initiative_id, country), "
        f"counted AS (INSERT INTO {counter} (initiative_id, country, shard, count) "
        "SELECT initiative_id, country, %s, 1 FROM stored "
        "ON CONFLICT (initiative_id, country, shard) "
        f"DO UPDATE SET count = {counter}.count + 1) "
        f"SELECT {answered}, {expired}, EXISTS (SELECT 1 FROM as_read),"
        " EXISTS (SELECT 1 FROM stored)"
    )
