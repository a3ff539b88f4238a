"""The registered initiative, its organisers and counts, topics, and the initiative pages."""

import datetime
import functools

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from core.crypto import PrivateKey
from initiatives import models

from .core import LocaleFactory, PublishedPageFactory, section_index_factory

TEST_KEY_PASSPHRASE = "organisers' test passphrase"
GROUP_MEMBER_COUNTRIES = ("DE", "FR", "IT", "PL", "ES")
ORGANISER = "tests.factories.initiatives.OrganiserFactory"
# Argon2id at the least cost a key file may ask (core.crypto): the tests open the key file often;
# production files use 256 MiB.
TEST_KEY_COST = {"memory_cost": 64 * 1024, "iterations": 1}


@functools.cache
def organisers_key():
    """The organisers' private key of every initiative the factories create (one per run:
    generating keys is cheap, but one is enough)."""
    return PrivateKey.generate()


def write_private_key(path, key=None, passphrase=TEST_KEY_PASSPHRASE):
    """The key file the organisers keep, as `generate_signing_key` writes it."""
    return (key or organisers_key()).write_file(path, passphrase, TEST_KEY_COST)


def _today():
    return timezone.localdate()


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = models.Topic


class InitiativeFactory(DjangoModelFactory):
    """An initiative collecting on this site today, with the test key and the organisers the
    regulation requires (the representative Maria Ivanova, a substitute, five members).

    Registered 90 days ago, so the law lets it collect on this site only as a test collection
    (initiatives.collection_routes): the default is one, for training. `real=True` makes it a
    real initiative (then the law sends it to the central system: add `central=True`, or
    `own_system=True` for one registered in 2022 that collected on its own certified system)."""

    name = factory.Sequence(lambda n: f"Initiative {n}")
    registration_number = factory.Sequence(lambda n: f"TEST(2026){n + 1:06d}")
    register_url = "https://citizens-initiative.europa.eu/"
    registration_date = factory.LazyFunction(lambda: _today() - datetime.timedelta(days=90))
    collection_start = factory.LazyFunction(lambda: _today() - datetime.timedelta(days=30))
    collection_end = factory.LazyFunction(lambda: _today() + datetime.timedelta(days=300))
    status = models.Initiative.Status.COLLECTING
    collection = models.Initiative.Collection.ON_SITE
    test_collection = models.Initiative.TestPurpose.TRAINING
    public_key = factory.LazyFunction(lambda: organisers_key().public_key_text())

    class Meta:
        model = models.Initiative
        skip_postgeneration_save = True

    class Params:
        closed = factory.Trait(
            status=models.Initiative.Status.CLOSED,
            collection_end=factory.LazyFunction(lambda: _today() - datetime.timedelta(days=1)),
        )
        real = factory.Trait(test_collection="")
        external = factory.Trait(
            collection=models.Initiative.Collection.EXTERNAL,
            external_system_url="https://citizens-initiative.europa.eu/",
            public_key="",
            test_collection="",
        )
        central = factory.Trait(
            collection=models.Initiative.Collection.CENTRAL,
            external_system_url="https://eci.ec.europa.eu/045/public/",
            public_key="",
            test_collection="",
        )
        # Registered in 2022, collected on its own certified system from 1 September 2022 to
        # 1 September 2023 (the longest period the law allows), closed since.
        own_system = factory.Trait(
            test_collection="",
            status=models.Initiative.Status.CLOSED,
            registration_date=datetime.date(2022, 6, 1),
            collection_start=datetime.date(2022, 9, 1),
            collection_end=datetime.date(2023, 9, 1),
            certificate_of_conformity=factory.SubFactory(
                "wagtail_factories.DocumentFactory", title="Certificate of conformity"
            ),
        )

    # The group the regulation requires to collect: seven organisers in seven member states,
    # among them the representative and the substitute (the contact persons).
    organisers = factory.RelatedFactory(
        ORGANISER,
        factory_related_name="initiative",
        name="Maria Ivanova",
        country="BG",
        role=models.Organiser.Role.REPRESENTATIVE,
        email="maria.ivanova@example.org",
    )
    substitute = factory.RelatedFactory(
        ORGANISER, factory_related_name="initiative", name="Ion Popescu", country="RO",
        role=models.Organiser.Role.SUBSTITUTE,
    )  # fmt: skip
    members = factory.RelatedFactoryList(
        ORGANISER,
        factory_related_name="initiative",
        size=len(GROUP_MEMBER_COUNTRIES),
        country=factory.Sequence(lambda n: GROUP_MEMBER_COUNTRIES[n % len(GROUP_MEMBER_COUNTRIES)]),
    )

    @factory.post_generation
    def revision(obj, create, extracted, **kwargs):
        """A first revision, as the admin saves one, once the record keeps revisions
        (RevisionMixin); after the organisers, so that the revision holds them."""
        if create and extracted is not False and hasattr(obj, "save_revision"):
            obj.save_revision()


class OrganiserFactory(DjangoModelFactory):
    initiative = factory.SubFactory(InitiativeFactory, organisers=None)
    name = factory.Sequence(lambda n: f"Organiser {n}")
    country = "DE"
    role = models.Organiser.Role.MEMBER

    class Meta:
        model = models.Organiser


class PartnerFactory(DjangoModelFactory):
    """A partner organisation whose site (a loopback origin nobody serves) may frame the form."""

    initiative = factory.SubFactory(InitiativeFactory)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    code = factory.Sequence(lambda n: f"partner-{n}")
    origin = factory.Sequence(lambda n: f"https://partner{n}.example")

    class Meta:
        model = models.Partner


class ExternalCountFactory(DjangoModelFactory):
    initiative = factory.SubFactory(InitiativeFactory, external=True)
    country = "BG"
    count = 100

    class Meta:
        model = models.ExternalCount


InitiativeIndexPageFactory = section_index_factory(
    models.InitiativeIndexPage, "Initiatives", "initiatives", show_in_menus=True
)


class InitiativePageFactory(PublishedPageFactory):
    title = factory.LazyAttribute(lambda obj: f"{obj.initiative.name} (page)")
    initiative = factory.SubFactory(InitiativeFactory)
    subject_matter = "We invite the Commission to propose a law."
    objectives = "<p>What the law would do.</p>"

    class Meta:
        model = models.InitiativePage

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        """InitiativePageFactory(topics=[topic, ...]) links the page to those topics."""
        for order, topic in enumerate(extracted or ()):
            models.InitiativeTopic.objects.create(
                page=obj, topic=topic, sort_order=order, locale=obj.locale
            )
