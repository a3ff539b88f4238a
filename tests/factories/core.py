"""Locales, the site, publishing, and translations made through wagtail-localize."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class LocaleFactory(DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class SiteFactory(wagtail_factories.SiteFactory):
    hostname = "localhost"
    port = 80
    is_default_site = True
    site_name = "Citizens' Initiatives"


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page as an editor leaves it: added to its parent, then published through a revision
    (so that it has a live revision and the publishing signals run). `publish=False` leaves it
    a draft."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        return create and extracted is not False

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        """Publish once every post-generation step of a subclass has run (a contact page's form
        fields, an initiative page's topics), so that the live revision holds what they add."""
        super()._after_postgeneration(instance, create, results)
        if results and results.get("publish"):
            instance.save_revision().publish()


def section_index_factory(model, title, slug, **fields):
    """The factory of a section's index page (initiatives, guidance, news): a published page
    of `model` with its usual title and slug; nothing else to it."""
    return factory.make_factory(
        model, FACTORY_CLASS=PublishedPageFactory, title=title, slug=slug, **fields
    )


def translate(instance, language_code, publish=True, **texts):
    """Translate a page or snippet into `language_code` the way a translator does in the admin:
    through wagtail-localize, so the translation stays linked to its source.

    `texts` gives the translation of a field by its segment path (`title`, `site_name`, ...),
    None to leave it untranslated (wagtail-localize then publishes the source's text);
    every other string gets the source text followed by ` [xx]`, except the slug, which is kept
    (the demo's URLs are the same in every language). Returns the translated object.
    """
    locale = LocaleFactory(language_code=language_code)
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        path = segment.context.path
        if path in texts:
            data = texts[path]
            if data is None:
                continue
        elif path == "slug":
            data = segment.string.data
        else:
            data = f"{segment.string.data} [{language_code}]"
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": data, "translation_type": "manual"},
        )
    if isinstance(instance, Page):
        # wagtail-localize would publish at the end of the transaction (never, in a test).
        translation.save_target(publish=False)
        target = instance.get_translation(locale)
        if publish:
            target.get_latest_revision().publish()
        return type(instance).objects.get(pk=target.pk)
    translation.save_target(publish=publish)
    return instance.get_translation(locale)


def translate_tree(page, *language_codes):
    """Translate a page and whichever of its ancestors are not translated yet; returns
    {language code: the page's translation}."""
    found = {}
    ancestors = [a.specific for a in page.get_ancestors(inclusive=True).filter(depth__gt=1)]
    for code in language_codes:
        locale = LocaleFactory(language_code=code)
        for ancestor in ancestors:
            existing = ancestor.get_translation_or_none(locale)
            found[code] = existing.specific if existing else translate(ancestor, code)
    return found
