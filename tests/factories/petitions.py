"""A petition's record and its pages: the index, and a petition page under it."""

import factory
from factory.django import DjangoModelFactory

from petitions import models

from .core import PublishedPageFactory, section_index_factory
from .initiatives import organisers_key


class PetitionFactory(DjangoModelFactory):
    """An open petition asking names and country of residence, with the organisers' test key."""

    name = factory.Sequence(lambda n: f"Petition {n}")
    addressee = "The European Parliament"
    target = 1000
    fields = ["given_names", "family_names", "country"]
    public_key = factory.LazyFunction(lambda: organisers_key().public_key_text())

    class Meta:
        model = models.Petition


PetitionIndexPageFactory = section_index_factory(models.PetitionIndexPage, "Petitions", "petitions")


class PetitionPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Petition page {n}")
    summary = "Safe cycling routes to every school."
    petition = factory.SubFactory(PetitionFactory)

    class Meta:
        model = models.PetitionPage


class PetitionPartnerFactory(DjangoModelFactory):
    petition = factory.SubFactory(PetitionFactory)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    code = factory.Sequence(lambda n: f"partner-{n}")
    origin = "https://partner.example"

    class Meta:
        model = models.PetitionPartner
