"""A content language started in the admin (Settings → Locales) gets its whole tree at once.

wagtail-localize synchronises a locale's tree only when the locale is told where to synchronise
from ("Synchronise content from" in the locale's form); without it, every page of a new
language but the ones translated by hand answered 404 (/de/organise/, /de/news/). Each new
locale is synchronised from the default one: each page not translated yet is an alias of its
source (shown with the source's `lang` and a notice, counted as *not translated* by the
translation state report) until a translator translates it.
"""

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from .groups import setup_language_groups


def default_locale():
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.filter(language_code=code).first()


def synchronise_from_default(locale):
    """Keep `locale`'s tree in step with the default language's, unless it already follows
    another locale; creating the synchronisation builds the tree (wagtail-localize)."""
    source = default_locale()
    if source is None or source.pk == locale.pk:
        return None
    synchronisation, _created = LocaleSynchronization.objects.get_or_create(
        locale=locale, defaults={"sync_from": source}
    )
    setup_language_groups(locale)  # its translators, reviewers and review workflow
    return synchronisation


def start_language_tree(sender, instance, created, raw=False, **kwargs):
    """post_save of Locale. After the commit: the locale form saves its own "Synchronise
    content from" choice in the same transaction, after the locale."""
    if created and not raw:
        transaction.on_commit(lambda: synchronise_from_default(instance))
