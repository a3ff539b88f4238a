"""Which fields of a published translation still show its source's text.

wagtail-localize fills a field nobody has translated yet with the source's text (a translation
may be published before it is complete). On publishing, each translatable field is compared
with the source content the translation was made from (its TranslationSource); the fields that
are unchanged and have none of their strings translated are recorded in UntranslatedFields, and
the templates mark them like the pages of an interface-only language (site_tags.lang_of and the
notice in base.html).
"""

from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import SourceDeletedError, StringTranslation, TranslationSource

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
    translated = {
        path.split(".")[0]
        for path in StringTranslation.objects.filter(
            locale_id=page.locale_id, context__object_id=page.translation_key
        ).values_list("context__path", flat=True)
    }
    names = []
    for translatable in get_translatable_fields(type(page)):
        if not isinstance(translatable, TranslatableField) or translatable.field_name == "slug":
            continue
        field = page._meta.get_field(translatable.field_name)
        if not field.concrete or field.is_relation or field.name in translated:
            continue
        if field.value_from_object(page) and field.value_to_string(page) == field.value_to_string(
            original
        ):
            names.append(field.name)
    return source.locale.language_code, names


def record_untranslated_fields(sender, instance, **kwargs):
    """page_published: what the published version leaves untranslated, replacing what was."""
    language, names = untranslated_fields(instance)
    if names:
        UntranslatedFields.objects.update_or_create(
            page_id=instance.pk, defaults={"language": language, "fields": names}
        )
    else:
        UntranslatedFields.objects.filter(page_id=instance.pk).delete()
