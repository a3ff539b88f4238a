"""XML sitemaps: one per content language, and an index that lists them."""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view


class LanguageSitemap(Sitemap):
    """The live pages of the active language (Wagtail's own lists the default language's tree)."""

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.localized.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def language_sitemap(request):
    return wagtail_sitemap_view(request, sitemaps={"pages": LanguageSitemap})


def sitemap_index(request):
    items = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        with translation.override(code):
            items.append(SitemapIndexItem(request.build_absolute_uri(reverse("sitemap"))))
    return render(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")
