"""The stored statements (statements) and the signing page (page).

The statements come first: the page's views (signing.views) read them.
"""

from .statements import DestroyedStatements, Statement  # isort: skip
from .page import SigningPage

__all__ = ["DestroyedStatements", "SigningPage", "Statement"]
