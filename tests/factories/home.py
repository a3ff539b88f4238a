"""The home page and site, standard and contact pages, and the site identity snippet."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from home.models import ContactFormField, ContactPage, HomePage, SiteIdentity, StandardPage

from .core import LocaleFactory, PublishedPageFactory, SiteFactory

# The contact page's questions, as the demo's asks them: (label, field type).
QUESTIONS = [
    ("Your name", "singleline"),
    ("Your email address", "email"),
    ("Your message", "multiline"),
]


class HomePageFactory(PublishedPageFactory):
    title = "Home"
    slug = "home"
    intro = "<p>Find, support and organise citizens' initiatives.</p>"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


def site_home(identity=True, **fields):
    """The English home page as the root of the default site (localhost), in place of the page
    Wagtail's first migration leaves there, and the English site identity."""
    Site.objects.all().delete()
    Page.get_first_root_node().get_children().exact_type(Page).delete()
    home = HomePageFactory(**fields)
    SiteFactory(root_page=home)
    if identity:
        SiteIdentityFactory(locale=home.locale)
    return home


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = "A page of its own."

    class Meta:
        model = StandardPage


class ContactFormFieldFactory(DjangoModelFactory):
    page = None
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True
    locale = factory.LazyAttribute(lambda obj: obj.page.locale)

    class Meta:
        model = ContactFormField


class ContactPageFactory(PublishedPageFactory):
    title = "Contact"
    slug = "contact"
    intro = "<p>Write to us.</p>"
    thank_you_text = "<p>Thank you. We have received your message.</p>"
    subject = "A message from the site"

    class Meta:
        model = ContactPage

    # The demo's questions in order: each Iterator walks QUESTIONS in step with the others.
    form_fields = factory.RelatedFactoryList(
        ContactFormFieldFactory,
        factory_related_name="page",
        size=len(QUESTIONS),
        sort_order=factory.Iterator(range(len(QUESTIONS))),
        label=factory.Iterator(QUESTIONS, getter=lambda question: question[0]),
        field_type=factory.Iterator(QUESTIONS, getter=lambda question: question[1]),
    )


class SiteIdentityFactory(DjangoModelFactory):
    """A live site identity: published through a revision once the model keeps drafts."""

    site_name = "Citizens' Initiatives"
    tagline = "Find, support and organise citizens' initiatives"
    footer_text = "<p>A site for testing.</p>"
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = SiteIdentity

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if hasattr(model_class, "live"):  # DraftStateMixin: an identity shown is a live one
            kwargs.setdefault("live", True)
        instance = super()._create(model_class, *args, **kwargs)
        if hasattr(instance, "save_revision"):
            revision = instance.save_revision()
            if hasattr(revision, "publish"):
                revision.publish()
        return instance
