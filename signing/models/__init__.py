"""The stored statements (statements), the opt-in addresses (mailing_list) and the signing page
(page).

The statements come first: the page's views (signing.views) read them.
"""

from .statements import DestroyedStatements, FlaggedPaperForms, Statement  # isort: skip
from .mailing_list import MailingListEntry, UsedUpdatesToken  # isort: skip
from .page import SigningPage

__all__ = [
    "DestroyedStatements", "FlaggedPaperForms", "MailingListEntry", "SigningPage", "Statement",
    "UsedUpdatesToken",
]  # fmt: skip
