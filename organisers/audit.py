"""The organisers' actions written to Wagtail's audit log ("Reports → Site history").

Wagtail's log entries have no editing screen; admins read them in the report and in each
initiative's or petition's history. Their data holds counts and reasons, never personal data.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter, log

BUNDLE_DOWNLOADED = "eci.bundle_downloaded"
PETITION_BUNDLE_DOWNLOADED = "eci.petition_bundle_downloaded"
STATEMENTS_EXPORTED = "eci.statements_exported"
DESTROYED_ON_DEADLINE = "eci.statements_destroyed_on_deadline"
DESTROYED_ON_DEMAND = "eci.statements_destroyed_on_demand"
PAPER_STATEMENT_KEYED_IN = "eci.paper_statement_keyed_in"
PAPER_FORM_FLAGGED = "eci.paper_form_flagged"
MAILING_LIST_REMOVED = "eci.mailing_list_removed"
LEGAL_HOLD_SET = "eci.legal_hold_set"
LEGAL_HOLD_LIFTED = "eci.legal_hold_lifted"


class CountsFormatter(LogFormatter):
    """'<what happened>: 1,234 statements (BG 1,000, DE 234)'."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        total = data.get("total", 0)
        countries = ", ".join(
            f"{code} {count}" for code, count in data.get("countries", {}).items()
        )
        message = ngettext(
            "%(what)s: %(total)s statement", "%(what)s: %(total)s statements", total
        ) % {
            "what": self.label,
            "total": total,
        }
        return f"{message} ({countries})" if countries else message

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


class CountFormatter(LogFormatter):
    """'<what happened>: 3' (a number of addresses, or of a petition's signatures)."""

    def format_message(self, log_entry):
        return f"{self.label}: {(log_entry.data or {}).get('total', 0)}"


class HoldFormatter(LogFormatter):
    """'<Legal hold set>', with the proceedings and their end as the comment."""

    def format_message(self, log_entry):
        return str(self.label)

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        end = data.get("until")
        return f"{data.get('reason', '')} ({end})" if end else data.get("reason", "")


def log_legal_hold(initiative, user):
    """Write a change of the initiative's legal hold to the audit log (nothing if unchanged)."""
    before = getattr(initiative, "hold_as_loaded", ("", None))
    reason, until = initiative.legal_hold_fields()
    if (reason, until) == before:
        return
    data = {"reason": reason, "until": until.isoformat() if until else None}
    if not reason:
        data = {"reason": before[0], "until": before[1].isoformat() if before[1] else None}
    log(initiative, LEGAL_HOLD_SET if reason else LEGAL_HOLD_LIFTED, user=user, data=data)
    initiative.hold_as_loaded = (reason, until)


def register(actions):
    for action, label in (
        (BUNDLE_DOWNLOADED, _("Encrypted statements downloaded")),
        (STATEMENTS_EXPORTED, _("Statements exported from the database")),
        (DESTROYED_ON_DEADLINE, _("Statements destroyed on their deadline")),
        (DESTROYED_ON_DEMAND, _("Statements destroyed on request")),
        (PAPER_STATEMENT_KEYED_IN, _("Paper statement keyed in")),
        (PAPER_FORM_FLAGGED, _("Paper form flagged as a duplicate, not stored")),
    ):
        actions.register_action(action)(type("Formatter", (CountsFormatter,), {"label": label}))
    for action, label in (
        (PETITION_BUNDLE_DOWNLOADED, _("Encrypted signatures downloaded")),
        (MAILING_LIST_REMOVED, _("Removed from the mailing list for the organisers' updates")),
    ):
        actions.register_action(action)(type("Formatter", (CountFormatter,), {"label": label}))
    for action, label in (
        (LEGAL_HOLD_SET, _("Legal hold set or changed")),
        (LEGAL_HOLD_LIFTED, _("Legal hold lifted")),
    ):
        actions.register_action(action)(type("Formatter", (HoldFormatter,), {"label": label}))
