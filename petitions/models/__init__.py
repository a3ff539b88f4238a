"""A petition's record, its pages and its signatures. See petitions.fields for what it asks."""

from .pages import PetitionIndexPage, PetitionPage
from .public import PublicSignature
from .records import PaperBatch, Petition, PetitionPartner, Signature, UpdatesAddress

__all__ = [
    "PaperBatch",
    "Petition",
    "PetitionIndexPage",
    "PetitionPage",
    "PetitionPartner",
    "PublicSignature",
    "Signature",
    "UpdatesAddress",
]
