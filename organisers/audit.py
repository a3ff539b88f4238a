"""The organisers' actions written to Wagtail's audit log ("Reports → Site history").

Wagtail's log entries have no editing screen; admins read them in the report and in each
initiative's history. Their data holds counts and reasons, never personal data.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter

BUNDLE_DOWNLOADED = "eci.bundle_downloaded"
STATEMENTS_EXPORTED = "eci.statements_exported"
DESTROYED_ON_DEADLINE = "eci.statements_destroyed_on_deadline"
DESTROYED_ON_DEMAND = "eci.statements_destroyed_on_demand"


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


def register(actions):
    for action, label in (
        (BUNDLE_DOWNLOADED, _("Encrypted statements downloaded")),
        (STATEMENTS_EXPORTED, _("Statements exported from the database")),
        (DESTROYED_ON_DEADLINE, _("Statements destroyed on their deadline")),
        (DESTROYED_ON_DEMAND, _("Statements destroyed on request")),
    ):
        actions.register_action(action)(type("Formatter", (CountsFormatter,), {"label": label}))
