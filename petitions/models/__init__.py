"""A petition's record, its pages and its signatures. See petitions.fields for what it asks."""

from .pages import PetitionIndexPage, PetitionPage
from .public import PublicSignature
from .records import Petition, PetitionPartner, Signature, UpdatesAddress

__all__ = [
    "Petition",
    "PetitionIndexPage",
    "PetitionPage",
    "PetitionPartner",
    "PublicSignature",
    "Signature",
    "UpdatesAddress",
]
