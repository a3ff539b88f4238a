"""The site chrome: navigation, language switcher, hreflang alternates, breadcrumbs."""

import functools

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.content_version import built_once_key, current_version
from home.models import ContactPage, SiteIdentity, UntranslatedFields

register = template.Library()


def _site(request):
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


def _home(request):
    """The home page in the active language, or in the default language for an interface-only
    language."""
    homes = _home_pages(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


def _home_pages(request):
    """{language code: live home page} for the request's site, cached on the request."""
    if not hasattr(request, "_home_pages"):
        root = _site(request).root_page
        request._home_pages = {
            home.locale.language_code: home
            for home in root.get_translations(inclusive=True).live().select_related("locale")
        }
    return request._home_pages


def language_versions(request, page):
    """Where each interface language leads from here, cached on the request.

    A page links to its own translation; where there is none, to that language's home page (and
    is not announced as an alternate). A mirror (an alias the locale sync made, still showing the
    source's text) is linked but not announced: it is no translation. A language offered for
    the interface only (no pages of its own) leads to this same page, in the site's default
    language where it has a version, with the interface in that language. Pages outside the
    tree translate their URL.
    """
    if hasattr(request, "_language_versions"):
        return request._language_versions
    translations = {}
    if isinstance(page, Page):
        translations = {
            version.locale.language_code: version
            for version in page.get_translations(inclusive=True).live().select_related("locale")
        }
    homes = _home_pages(request)
    content_languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    versions = []
    for code, name in settings.LANGUAGES:
        # Wagtail builds a page's URL in the active language when that language falls back to
        # the page's: from /sk/ an English page would keep /sk/. Each link is built in its own
        # language, so "English" leads to /en/.
        with translation.override(code):
            if page is None:
                url, is_alternate = translate_url(request.get_full_path(), code), True
            elif code in translations:
                version = translations[code]
                url, is_alternate = version.get_url(request), version.alias_of_id is None
            elif code not in content_languages and isinstance(page, Page):
                # An interface-only language shows the default-language page under its own
                # prefix (settings: LANG_INFO fallbacks).
                shown = translations.get(settings.LANGUAGE_CODE) or page
                url, is_alternate = shown.get_url(request), False
            else:
                home = homes.get(code) or homes.get(settings.LANGUAGE_CODE)
                url, is_alternate = (home.get_url(request) if home else f"/{code}/"), False
        versions.append({"code": code, "name": name, "url": url, "is_alternate": is_alternate})
    request._language_versions = versions
    return versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    current = get_language()
    return {
        "versions": language_versions(request, context.get("page")),
        "current": current,
        "current_name": dict(settings.LANGUAGES).get(current, current),
    }


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def language_alternates(context):
    request = context["request"]
    versions = [
        version
        for version in language_versions(request, context.get("page"))
        if version["is_alternate"]
    ]
    default = next((v for v in versions if v["code"] == settings.LANGUAGE_CODE), None)
    return {"request": request, "versions": versions, "default": default}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home(request)
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else ""
    items = [
        (item, current_path.startswith(item.path))
        for item in (home.get_children().live().in_menu() if home else [])
    ]
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home(context["request"])
    return home.get_url(context["request"]) if home else f"/{get_language()}/"


@register.simple_tag
def site_identity():
    key = f"site-identity:{current_version()}:{get_language()}"
    identity = cache.get(key)
    if identity is None:
        identity = SiteIdentity.for_active_language()
        cache.set(key, identity, settings.ROUTE_CACHE_SECONDS)
    return identity


@register.simple_tag(takes_context=True)
def chrome_version(context):
    """Part of the key of the cached header, footer and alternates (templates/base.html): it
    changes with any change to the page tree, the sites or the site identity, and holds the
    scheme and host the page was asked for (its alternates are absolute links)."""
    request = context.get("request")
    return built_once_key(request) if request is not None else current_version()


@register.simple_tag
def chrome_seconds():
    return settings.ROUTE_CACHE_SECONDS


@register.simple_tag(takes_context=True)
def contact_page_url(context):
    page = ContactPage.objects.live().filter(locale=Locale.get_active()).first()
    return page.get_url(context["request"]) if page else ""


@functools.lru_cache(maxsize=64)
def _language_of_locale(locale_id):
    """Per process; cleared when a locale is saved or deleted (home.apps), since SQLite may give
    a new locale the id of a deleted one."""
    return Locale.objects.get(pk=locale_id).language_code


def forget_locale_languages(**kwargs):
    _language_of_locale.cache_clear()


@register.filter
def text_language(page):
    """The language of a page's text when it differs from the interface's, else "".

    An interface-only language shows pages in the language they exist in, and a content
    language shows the mirror (alias) of a page nobody has translated yet, which holds its
    source's text (translators/languages.py); the templates mark that text with `lang` (for
    screen readers and translation tools) and say so.
    """
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return ""
    if getattr(page, "alias_of_id", None):
        if not hasattr(page, "_alias_locale_id"):
            page._alias_locale_id = (
                Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
            )
        locale_id = page._alias_locale_id or locale_id
    code = _language_of_locale(locale_id)
    return code if code != get_language() else ""


def _untranslated(page):
    """The UntranslatedFields of a translated page (or None), read once per page object.

    Pages in the default language are the sources and are never looked up.
    """
    if not hasattr(page, "_untranslated"):
        page._untranslated = None
        if _language_of_locale(page.locale_id) != settings.LANGUAGE_CODE:
            page._untranslated = UntranslatedFields.objects.filter(page_id=page.pk).first()
    return page._untranslated


@register.filter
def untranslated_language(page, field=""):
    """The language of the source text a translated page still shows, in `field` if given, or
    in any of its fields; else "". (A whole page in another language: text_language.)"""
    if getattr(page, "locale_id", None) is None or not page.pk:
        return ""
    record = _untranslated(page)
    if record is None or (field and field not in record.fields):
        return ""
    return record.language if record.language != get_language() else ""


@register.simple_tag
def lang_of(page, field=""):
    """` lang="xx"` for an element holding a page's text (or its `field`) in another language
    than the interface: a page of the default language under an interface-only language, or a
    field not translated yet in a published translation."""
    code = text_language(page) or (untranslated_language(page, field) if field else "")
    return format_html(' lang="{}"', code) if code else ""


@register.filter
def language_name(code):
    """A language's name in that language (the names the language switcher shows)."""
    return dict(settings.LANGUAGES).get(code, code)


@register.simple_tag
def block_language(page, field, block):
    """The language of one block of a partly translated StreamField that still shows its
    source's text, else "" (home/untranslated.py records such blocks as "field.<block id>")."""
    if getattr(page, "locale_id", None) is None or not page.pk or not getattr(block, "id", None):
        return ""
    record = _untranslated(page)
    if record is None or f"{field}.{block.id}" not in record.fields:
        return ""
    return record.language if record.language != get_language() else ""
