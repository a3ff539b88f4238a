"""Open Graph and Twitter card metadata for every page, in its language (templates/base.html):
what a network shows when someone shares a link to the site."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from .site_tags import language_versions

register = template.Library()

# Open Graph names a locale language_TERRITORY: each official language in its member state
# (English as in Ireland, where it is official in the EU).
OG_LOCALES = {
    "bg": "bg_BG", "cs": "cs_CZ", "da": "da_DK", "de": "de_DE", "el": "el_GR", "en": "en_IE",
    "es": "es_ES", "et": "et_EE", "fi": "fi_FI", "fr": "fr_FR", "ga": "ga_IE", "hr": "hr_HR",
    "hu": "hu_HU", "it": "it_IT", "lt": "lt_LT", "lv": "lv_LV", "mt": "mt_MT", "nl": "nl_NL",
    "pl": "pl_PL", "pt": "pt_PT", "ro": "ro_RO", "sk": "sk_SK", "sl": "sl_SI", "sv": "sv_SE",
}  # fmt: skip
# Streams a page may show an image in, and the block type of an image (core.blocks.BodyBlock).
IMAGE_STREAMS = ("body", "annex")
SHARED_IMAGE = "fill-1200x630"


def first_image(page):
    """The first image block of the page's stream, or None."""
    for name in IMAGE_STREAMS:
        for block in getattr(page, name, None) or ():
            if block.block_type == "image":
                return block.value
    return None


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context):
    request = context["request"]
    page = context.get("page")
    identity = context.get("identity")
    site_name = identity.site_name if identity else ""
    meta = {
        "site_name": site_name,
        "title": site_name,
        "description": identity.tagline if identity else "",
        "url": request.build_absolute_uri(request.path),
        "locale": OG_LOCALES.get(get_language(), get_language()),
        "alternates": [
            OG_LOCALES.get(version["code"], version["code"])
            for version in language_versions(request, page)
            if version["is_alternate"] and version["code"] != get_language()
        ],
    }
    if isinstance(page, Page):
        # The page's own address, never the route's: base.html caches this per page, and a
        # routable page's routes include receipts.
        meta["url"] = request.build_absolute_uri(page.get_url(request))
        meta["title"] = page.seo_title or page.title
        meta["description"] = page.search_description or meta["description"]
        image = first_image(page)
        if image is not None:
            rendition = image.get_rendition(SHARED_IMAGE)
            meta["image"] = request.build_absolute_uri(rendition.url)
            meta["image_alt"] = getattr(image, "contextual_alt_text", "") or image.title
    return meta
