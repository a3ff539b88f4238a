"""The signing page: where citizens sign an initiative collected on this site."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES
from core.content_version import current_version, versioned_cache
from core.route_cache import CachedViewRestrictionsMixin
from initiatives.models import Initiative, InitiativePage

from .. import call_to_sign, embed_views, mailing_list, views

# Short, because a per-process cache learns of an opened collection only when this runs out.
SIGNING_STATE_CACHE_SECONDS = 10


class SigningPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """Where citizens sign an initiative collected on this site, under its initiative page.

    Its routes are the steps: choose the country of nationality, fill in that country's form,
    read the receipt; plus a public receipt lookup. See `signing.views`.
    """

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("Shown above the choice of country."),
    )

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy statement"),
        help_text=_("The page with the full privacy statement, linked from the form."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("privacy_page")]
    parent_page_types = ["initiatives.InitiativePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("signing page")

    # The routes are the steps; their views are in signing.views.

    @path("")
    def choose_country(self, request):

        return views.choose_country(request, self)

    @re_path(r"^(?P<country>[a-z]{2})/$")
    def statement_form(self, request, country):

        return views.statement_form(request, self, country)

    @re_path(r"^receipt/(?P<identifier>[0-9a-f-]{36})/$")
    def receipt(self, request, identifier):

        return views.receipt(request, self, identifier)

    @path("lookup/")
    def lookup(self, request):

        return views.lookup(request, self)

    # What partners embed on their sites (signing.embed_views).

    @path("widget/")
    @path("widget/<slug:partner>/")
    def widget(self, request, partner=""):

        return embed_views.widget(request, self, partner)

    @path("embed/")
    def embed(self, request):

        return embed_views.embed(request, self)

    # The call to sign of an initiative on the Commission's central system (signing.call_to_sign).

    @path("central-system/")
    @path("central-system/<slug:partner>/")
    def to_central_system(self, request, partner=""):

        return call_to_sign.to_central_system(request, self, partner)

    @path("updates/")
    def updates(self, request):

        return mailing_list.updates(request, self)

    def initiative_page(self):

        return InitiativePage.objects.select_related("initiative").get(
            path=self.path[: -self.steplen]
        )

    def initiative(self, cached=True):
        """The initiative this page collects for, with the fields signing reads (see
        Initiative.SIGNING_STATE_FIELDS) and `page_revision_id`, the live revision of its page.

        A signing rush reads it from the cache, under the version that any change to the tree or
        to an initiative bumps, for SIGNING_STATE_CACHE_SECONDS at most (a per-process cache sees
        another process's bump only then). A stale copy cannot let a statement through: one is
        stored only while those fields are unchanged in the database (signing.services).
        """
        key = f"signing-initiative:{current_version()}:{self.pk}"
        initiative = versioned_cache.get(key, SIGNING_STATE_CACHE_SECONDS) if cached else None
        if initiative is None:
            initiative = self._read_initiative()
            versioned_cache.set(key, initiative, SIGNING_STATE_CACHE_SECONDS)
        return initiative

    def _read_initiative(self):

        # filter() before annotate(): the annotation then reads the same (filtered) page.
        return (
            Initiative.objects.filter(pages__path=self.path[: -self.steplen])
            .annotate(page_revision_id=F("pages__live_revision_id"))
            .only("public_key", *Initiative.SIGNING_STATE_FIELDS)
            .get()
        )
