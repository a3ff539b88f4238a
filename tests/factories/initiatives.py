"""The registered initiative, its organisers and counts, topics, and the initiative pages."""

import datetime
import functools

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from core.crypto import PrivateKey
from initiatives.models import (
    ExternalCount,
    Initiative,
    InitiativeIndexPage,
    InitiativePage,
    InitiativeTopic,
    Organiser,
    Partner,
    Topic,
)

from .core import LocaleFactory, PublishedPageFactory

TEST_KEY_PASSPHRASE = "organisers' test passphrase"
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
    key = key or organisers_key()
    path.write_text(key.to_file_json(passphrase, TEST_KEY_COST), encoding="utf-8")
    path.chmod(0o600)
    return path


def _today():
    return timezone.localdate()


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Topic


class InitiativeFactory(DjangoModelFactory):
    """An initiative collecting on this site today, with the test key and one contact person."""

    name = factory.Sequence(lambda n: f"Initiative {n}")
    registration_number = factory.Sequence(lambda n: f"TEST(2026){n + 1:06d}")
    register_url = "https://citizens-initiative.europa.eu/"
    registration_date = factory.LazyFunction(lambda: _today() - datetime.timedelta(days=90))
    collection_start = factory.LazyFunction(lambda: _today() - datetime.timedelta(days=30))
    collection_end = factory.LazyFunction(lambda: _today() + datetime.timedelta(days=300))
    status = Initiative.Status.COLLECTING
    collection = Initiative.Collection.ON_SITE
    public_key = factory.LazyFunction(lambda: organisers_key().public_key_text())

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    class Params:
        closed = factory.Trait(
            status=Initiative.Status.CLOSED,
            collection_end=factory.LazyFunction(lambda: _today() - datetime.timedelta(days=1)),
        )
        external = factory.Trait(
            collection=Initiative.Collection.EXTERNAL,
            external_system_url="https://citizens-initiative.europa.eu/",
            public_key="",
        )

    organisers = factory.RelatedFactory(
        "tests.factories.initiatives.OrganiserFactory",
        factory_related_name="initiative",
        name="Maria Ivanova",
        country="BG",
        role=Organiser.Role.REPRESENTATIVE,
        email="maria.ivanova@example.org",
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
    role = Organiser.Role.MEMBER

    class Meta:
        model = Organiser


class PartnerFactory(DjangoModelFactory):
    """A partner organisation whose site (a loopback origin nobody serves) may frame the form."""

    initiative = factory.SubFactory(InitiativeFactory)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    code = factory.Sequence(lambda n: f"partner-{n}")
    origin = factory.Sequence(lambda n: f"https://partner{n}.example")

    class Meta:
        model = Partner


class ExternalCountFactory(DjangoModelFactory):
    initiative = factory.SubFactory(InitiativeFactory, external=True)
    country = "BG"
    count = 100

    class Meta:
        model = ExternalCount


class InitiativeIndexPageFactory(PublishedPageFactory):
    title = "Initiatives"
    slug = "initiatives"
    show_in_menus = True

    class Meta:
        model = InitiativeIndexPage


class InitiativePageFactory(PublishedPageFactory):
    title = factory.LazyAttribute(lambda obj: f"{obj.initiative.name} (page)")
    initiative = factory.SubFactory(InitiativeFactory)
    subject_matter = "We invite the Commission to propose a law."
    objectives = "<p>What the law would do.</p>"

    class Meta:
        model = InitiativePage

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        """InitiativePageFactory(topics=[topic, ...]) links the page to those topics."""
        for order, topic in enumerate(extracted or ()):
            InitiativeTopic.objects.create(
                page=obj, topic=topic, sort_order=order, locale=obj.locale
            )

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):  # after the topics
        if create and extracted is not False:
            obj.save_revision().publish()
