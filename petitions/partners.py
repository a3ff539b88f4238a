"""A petition's partners (petitions.models.PetitionPartner), as the embedded steps and the
figures read them: their codes and origins for core.embedding, their names for the counts."""

from core.embedding import cached_origins

from .models.records import PetitionPartner


def partner_origins(petition_id):
    """{code: origin or ""} of the petition's partners (cached under the content version)."""
    return cached_origins(
        f"petition:{petition_id}", PetitionPartner.objects.filter(petition_id=petition_id)
    )
