"""Which fields of a published translation still show its source's text.

wagtail-localize fills a field nobody has translated yet with the source's text (a translation
may be published before it is complete). On publishing, each translatable field is compared
with the source content the translation was made from (its TranslationSource); the fields that
are unchanged and have none of their strings translated are recorded in UntranslatedFields, and
the templates mark them like the pages of an interface-only language (site_tags.lang_of and the
notice in base.html). A StreamField some of whose blocks are translated is recorded block by
block ("body.<block id>"): a Bulgarian page with one English block marks that block only
(site_tags.block_language, templates/includes/stream.html), which is also how a block whose
source changed since it was translated shows until its new strings are translated.
"""

from wagtail.fields import StreamField
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import (
    SourceDeletedError,
    StringSegment,
    StringTranslation,
    TranslationSource,
)

from .models import UntranslatedFields


def untranslated_fields(page):
    """(the source's language, [names of the fields still holding its text]) for a page."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )
    if source is None:
        return "", []
    try:
        original = source.as_instance()
    except SourceDeletedError:
        return "", []
    # A translator may keep the source's words (a name, "Contact" in Romanian): a field with a
    # translation entered for any of its strings is translated, whatever it says.
    translated_paths = set(
        StringTranslation.objects.filter(
            locale_id=page.locale_id, context__object_id=page.translation_key
        ).values_list("context__path", flat=True)
    )
    translated = {path.split(".")[0] for path in translated_paths}
    names = []
    for translatable in get_translatable_fields(type(page)):
        if not isinstance(translatable, TranslatableField) or translatable.field_name == "slug":
            continue
        field = page._meta.get_field(translatable.field_name)
        if not field.concrete or field.is_relation:
            continue
        if field.name in translated:
            if isinstance(field, StreamField):
                names += untranslated_blocks(page, source, field.name, translated_paths)
            continue
        if field.value_from_object(page) and field.value_to_string(page) == field.value_to_string(
            original
        ):
            names.append(field.name)
    return source.locale.language_code, names


def untranslated_blocks(page, source, name, translated_paths):
    """["name.<block id>"] for the blocks of a partly translated StreamField that hold text of
    the source and none of whose strings is translated."""
    with_text = {
        path.split(".")[1]
        for path in StringSegment.objects.filter(
            source=source, context__path__startswith=f"{name}."
        ).values_list("context__path", flat=True)
    }
    done = {path.split(".")[1] for path in translated_paths if path.startswith(f"{name}.")}
    return [
        f"{name}.{block.id}"
        for block in getattr(page, name)
        if block.id in with_text and block.id not in done
    ]


def record_untranslated_fields(sender, instance, **kwargs):
    """page_published: what the published version leaves untranslated, replacing what was."""
    language, names = untranslated_fields(instance)
    if names:
        UntranslatedFields.objects.update_or_create(
            page_id=instance.pk, defaults={"language": language, "fields": names}
        )
    else:
        UntranslatedFields.objects.filter(page_id=instance.pk).delete()
