"""Factories for every model the tests build: wagtail-factories for pages, factory-boy for the rest.

Each app's tests build the small tree they need from these (see tests/conftest.py for the shared
fixtures); only tests/demo/ loads the demo content.
"""

from .core import LocaleFactory, SiteFactory, translate, translate_tree
from .guidance import GuidanceIndexPageFactory, GuidancePageFactory, online_collection_guide
from .home import (
    ContactFormFieldFactory,
    ContactPageFactory,
    HomePageFactory,
    SiteIdentityFactory,
    StandardPageFactory,
    site_home,
)
from .initiatives import (
    TEST_KEY_PASSPHRASE,
    ExternalCountFactory,
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    OrganiserFactory,
    PartnerFactory,
    TopicFactory,
    organisers_key,
    write_private_key,
)
from .news import NewsIndexPageFactory, NewsPageFactory
from .signing import SigningPageFactory, StatementFactory, signing_tree

__all__ = [
    "TEST_KEY_PASSPHRASE",
    "ContactFormFieldFactory",
    "ContactPageFactory",
    "ExternalCountFactory",
    "GuidanceIndexPageFactory",
    "GuidancePageFactory",
    "HomePageFactory",
    "InitiativeFactory",
    "InitiativeIndexPageFactory",
    "InitiativePageFactory",
    "LocaleFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "OrganiserFactory",
    "PartnerFactory",
    "SigningPageFactory",
    "SiteFactory",
    "SiteIdentityFactory",
    "StandardPageFactory",
    "StatementFactory",
    "TopicFactory",
    "signing_tree",
    "site_home",
    "online_collection_guide",
    "organisers_key",
    "translate",
    "translate_tree",
    "write_private_key",
]
