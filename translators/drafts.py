"""A translation saved as a draft stays a draft: visitors keep the page as it was published.

wagtail-localize saves every translation of a page (a draft from its editor or "Sync translated
pages", a new one from "Translate this page") into the page's own row before it saves the
revision, and that row is what visitors see: a draft went public at once, and a page translated
from the mirror of its source (translators.languages) showed a half-translated draft. After
each save (wagtail-localize writes a TranslationLog then), the row gets back what was public: the
live revision's content, or, for a former mirror never published as a translation, its source's
content, recorded as untranslated so that it is marked with the source's `lang` and a notice.
A translation saved with "publish" is published after the commit, from its revision, as before.
"""

from wagtail.models import Page
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import SourceDeletedError

from home.models import UntranslatedFields


def shown_fields(page):
    """The page's translatable fields held in its own row (not slugs, not child objects)."""
    names = []
    for translatable in get_translatable_fields(type(page)):
        if not isinstance(translatable, TranslatableField) or translatable.field_name == "slug":
            continue
        field = page._meta.get_field(translatable.field_name)
        if field.concrete and not field.is_relation:
            names.append(field.name)
    return names


def keep_public_content(sender, instance, created, raw=False, **kwargs):
    """post_save of wagtail-localize's TranslationLog."""
    revision = instance.revision
    if (
        not created
        or raw
        or revision is None
        or not issubclass(revision.base_content_type.model_class(), Page)
    ):
        return
    page = Page.objects.get(pk=revision.object_id).specific
    if not page.live or page.alias_of_id:
        return
    names = shown_fields(page)
    if page.live_revision_id:
        public = page.live_revision.as_object()
    else:
        try:
            public = instance.source.get_source_instance()
        except (SourceDeletedError, Page.DoesNotExist):
            return
        UntranslatedFields.objects.update_or_create(
            page_id=page.pk,
            defaults={"language": instance.source.locale.language_code, "fields": names},
        )
    for name in names:
        setattr(page, name, getattr(public, name))
    page.save(update_fields=names, clean=False)
