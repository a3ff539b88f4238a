from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponsePermanentRedirect
from django.urls import include, path
from django.views.decorators.cache import cache_page
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import sitemaps, views
from news.feeds import NewsAtomFeed, NewsFeed


def feed_cache(view):
    """Cache a feed under its canonical URL only: a query string would otherwise make another
    cache entry for the same feed, and a client could fill the cache at will. A feed takes no
    parameters, so any query string is sent to the canonical URL (one redirect, nothing cached).
    """
    cached = cache_page(settings.FEED_CACHE_SECONDS)(view)

    def feed(request, *args, **kwargs):
        if request.META.get("QUERY_STRING"):
            return HttpResponsePermanentRedirect(request.path)
        return cached(request, *args, **kwargs)

    return feed


# Outside the language prefix: the admin, files, CAPTCHA images and the sitemap index.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("healthz", views.health, name="health"),
]

# Everything a citizen reads carries its language: /en/..., /bg/..., /ro/...
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("sitemap/", views.html_sitemap, name="html-sitemap"),
    path("sitemap.xml", sitemaps.language_sitemap, name="sitemap"),
    path("feeds/news.rss", feed_cache(NewsFeed()), name="news-rss"),
    path("feeds/news.atom", feed_cache(NewsAtomFeed()), name="news-atom"),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
