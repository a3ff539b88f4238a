"""The signing page and statements of support, stored through the signing service."""

import factory
from django.utils import timezone

from signing.models import SigningPage, Statement
from signing.services import record_statement

from .core import PublishedPageFactory
from .home import site_home
from .initiatives import InitiativeFactory, InitiativeIndexPageFactory, InitiativePageFactory


class SigningPageFactory(PublishedPageFactory):
    title = "Sign"
    slug = "sign"

    class Meta:
        model = SigningPage


class StatementFactory(factory.Factory):
    """A statement encrypted, stored and counted by `signing.services.record_statement`, as the
    form would store it (without the CAPTCHA and the form: see tests/signing/helpers.py for
    signing through the site)."""

    initiative = factory.SubFactory("tests.factories.initiatives.InitiativeFactory")
    country = "BG"
    first_names = "Maria"
    family_names = factory.Sequence(lambda n: f"Petrova{n}")
    document_type = "personal.number"
    document_number = factory.Sequence(lambda n: f"{n:010d}")
    language = "en"
    page_revision_id = None
    partner = ""

    class Meta:
        model = Statement

    @classmethod
    def _create(cls, model_class, initiative, country, language, page_revision_id, partner, **data):
        identity = f"{country}|{data.get('document_type')}|{data.get('document_number')}"
        return record_statement(
            initiative=initiative, country=country, data=data, identity=identity,
            language=language, page_revision_id=page_revision_id, partner=partner,
        )  # fmt: skip

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("a statement exists only once stored: use create()")


def today():
    return timezone.localdate()


def signing_tree(**initiative_fields):
    """home → initiatives → an initiative's page → its signing page, in English, on the default
    site; returns the signing page."""

    home = site_home()
    index = InitiativeIndexPageFactory(parent=home)
    initiative = InitiativeFactory(**initiative_fields)
    page = InitiativePageFactory(parent=index, initiative=initiative, title="Clean air")
    return SigningPageFactory(parent=page)
