"""Petition pages: the index, and one translated page per petition, whose routes are the
steps of signing (petitions.views)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock
from core.embedding import flow_links
from core.pages import IndexPage
from core.route_cache import CachedViewRestrictionsMixin

from .. import embed_views, views
from ..figures import figures_for
from ..partners import partner_origins
from .public import published
from .records import Petition

PUBLISHED_ON_PAGE = 100  # the newest approved names and comments


class PetitionIndexPage(IndexPage):
    """Every petition in this language, newest first."""

    subpage_types = ["petitions.PetitionPage"]

    class Meta:
        verbose_name = _("petition index")

    def listing(self, request):
        pages = (
            PetitionPage.objects.live()
            .descendant_of(self)
            .select_related("petition")
            .order_by("-first_published_at", "-pk")
        )
        return {"petitions": self.paginate(request, pages)}


class PetitionPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """A petition in one language: its text, its count and the way to sign it.

    The record it belongs to is synchronised: a translation always shows the same petition's
    figures and collects for it."""

    petition = models.ForeignKey(
        Petition, on_delete=models.PROTECT, related_name="pages", verbose_name=_("petition")
    )
    summary = models.TextField(
        max_length=600,
        verbose_name=_("what the petition asks"),
        help_text=_("One or two sentences, shown above the count and in listings."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("why it matters"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("petition"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    override_translatable_fields = [SynchronizedField("petition")]
    parent_page_types = ["petitions.PetitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("petition page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["petition"] = self.petition
        context["figures"] = figures_for(self.petition)
        context["public_signatures"] = published(self.petition)[:PUBLISHED_ON_PAGE]
        # A partner's link to the page (`?partner=`) leads on to the form with its code.
        context.update(flow_links(request, partner_origins(self.petition_id)))
        return context

    # The steps (petitions.views): the page, the form, "check your e-mail", the link's two
    # pages (confirm, remove), and the open counts.

    @path("sign/")
    def sign(self, request):
        return views.sign(request, self)

    @path("sent/")
    def sent(self, request):
        return views.sent(request, self)

    @re_path(r"^confirm/(?P<token>[A-Za-z0-9_-]{43})/$")
    def confirm(self, request, token):
        return views.confirm(request, self, token)

    @re_path(r"^remove/(?P<token>[A-Za-z0-9_-]{43})/$")
    def remove(self, request, token):
        return views.remove(request, self, token)

    # What partners put on their sites (petitions.embed_views).

    @path("widget/")
    @path("widget/<slug:partner>/")
    def widget(self, request, partner=""):
        return embed_views.widget(request, self, partner)

    @path("embed/")
    def embed(self, request):
        return embed_views.embed(request, self)

    @path("counts/")
    def counts_json(self, request):
        return views.counts_json(request, self)

    @path("counts/days/")
    def days_csv(self, request):
        return views.days_csv(request, self)
