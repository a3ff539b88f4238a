from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponsePermanentRedirect
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import admin_door, captcha_audio, captcha_picture
from core.page_cache import public_page
from home import sitemaps, views
from news.feeds import NewsAtomFeed, NewsFeed
from signing import admin_views as signing_admin
from signing.paper_form_views import paper_form

# Public, the same for everyone: cached by the server's page cache and by a CDN
# (core/page_cache.py; the pages of the tree are listed in settings.PUBLIC_PAGE_KINDS).
sitemap = public_page("sitemap")
content = public_page("content")


def feed_cache(view):
    """A feed is public and cached under its canonical URL only: a query string would otherwise
    make another cache entry for the same feed, and a client could fill the cache at will. A
    feed takes no parameters, so any query string is sent to the canonical URL."""
    public = public_page("feed")(view)

    def feed(request, *args, **kwargs):
        if request.META.get("QUERY_STRING"):
            return HttpResponsePermanentRedirect(request.path)
        return public(request, *args, **kwargs)

    return feed


# Outside the language prefix: the admin, files, CAPTCHA images and the sitemap index.
urlpatterns = [
    # Before Wagtail's own: a second signing page under an initiative is refused with a reason.
    path("admin/pages/<int:parent_page_id>/add_subpage/", signing_admin.add_subpage),
    path(
        "admin/pages/add/signing/signingpage/<int:parent_page_id>/",
        signing_admin.create_signing_page,
    ),
    # wagtail-2fa's code form, naming the device as django-otp now asks (core/admin_door.py).
    path("admin/2fa/auth", admin_door.SecondFactorLoginView.as_view(), name="wagtail_2fa_auth"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The library's picture, drawn for less (core/captcha_picture.py); its other views as they are.
    re_path(r"^captcha/image/(?P<key>\w+)/$", captcha_picture.captcha_image, {"scale": 1}),
    re_path(r"^captcha/image/(?P<key>\w+)@2/$", captcha_picture.captcha_image, {"scale": 2}),
    # The audio alternative in the reader's language (core/captcha_audio.py).
    re_path(
        r"^captcha/audio/(?P<language>[a-z]{2})/(?P<key>\w+)\.wav$",
        captcha_audio.spoken_challenge,
        name="captcha-audio-spoken",
    ),
    path("captcha/", include("captcha.urls")),
    path("counts/", include("initiatives.urls")),
    path("sitemap.xml", sitemap(sitemaps.sitemap_index), name="sitemap-index"),
    path("robots.txt", sitemap(views.robots_txt), name="robots-txt"),
    path("healthz", views.health, name="health"),
]

# Everything a citizen reads carries its language: /en/..., /bg/..., /ro/...
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("sitemap/", content(views.html_sitemap), name="html-sitemap"),
    path("sitemap.xml", sitemap(sitemaps.language_sitemap), name="sitemap"),
    path("feeds/news.rss", feed_cache(NewsFeed()), name="news-rss"),
    path("feeds/news.atom", feed_cache(NewsAtomFeed()), name="news-atom"),
    # The paper statement-of-support form of every initiative, per member state, in this language.
    path("paper-forms/<str:registration_number>/<str:country>.pdf", paper_form, name="paper-form"),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
