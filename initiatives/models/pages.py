"""Initiative pages: the index ("Find an initiative") and one translated page per initiative.

The page carries what is translated (title, subject matter, objectives, annex); the registered
facts come from its `Initiative` record (initiatives.models.records).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.content_version import current_version
from core.pages import IndexPage

from ..admin_forms import InitiativePageForm
from ..chart import daily_chart
from ..countries import countries_in_reading_order
from ..daily import public_series
from ..figures import signed_online
from ..progress import attach_progress
from .records import Initiative, Topic


class InitiativeIndexPage(IndexPage):
    """ "Find an initiative": every initiative in this language, filterable by status and topic."""

    subpage_types = ["initiatives.InitiativePage"]
    per_page = 12

    class Meta:
        verbose_name = _("initiative index")

    def listing(self, request):
        pages = (
            InitiativePage.objects.live()
            .descendant_of(self)
            .select_related("initiative")
            .order_by("-initiative__registration_date", "-pk")
        )
        status = request.GET.get("status", "")
        if status in Initiative.Status.values:
            pages = pages.filter(initiative__status=status)
        else:
            status = ""
        topics = Topic.objects.filter(locale=self.locale)
        topic = request.GET.get("topic", "")
        if topic in {t.slug for t in topics}:
            pages = pages.filter(topic_links__topic__slug=topic).distinct()
        else:
            topic = ""
        page_of_results = self.paginate(request, pages)
        attach_progress(page_of_results.object_list)
        count = page_of_results.paginator.count
        return {
            "initiatives": page_of_results,
            "status": ngettext("%(counter)s initiative", "%(counter)s initiatives", count)
            % {"counter": count},
            "statuses": Initiative.Status.choices,
            "topics": topics,
            "selected_status": status,
            "selected_topic": topic,
        }


def paper_form_links(initiative, nationalities):
    """(country name, address) of the paper form of each member state in the active language.
    The forms are the signing app's, found by their URL's name (this app may not import it);
    one reverse() for all 27."""
    sample = reverse(
        "paper-form",
        kwargs={"registration_number": initiative.registration_number, "country": "xx"},
    )
    prefix = sample.removesuffix("xx.pdf")
    return [(name, f"{prefix}{code.lower()}.pdf") for code, name in nationalities]


class InitiativePage(Page):
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("registered initiative"),
    )
    subject_matter = models.TextField(verbose_name=_("subject matter"))
    objectives = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("objectives"))
    annex = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("annex"),
        help_text=_("Further information on the subject, objectives and background."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("initiative"),
        FieldPanel("subject_matter"),
        FieldPanel("objectives"),
        FieldPanel("annex"),
        InlinePanel("topic_links", label=_("Topics")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subject_matter"),
        index.SearchField("objectives"),
    ]
    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = ["signing.SigningPage"]
    base_form_class = InitiativePageForm  # each topic once

    class Meta:
        verbose_name = _("initiative page")

    def clean(self):
        """One page per record and language: a second one would be listed twice, and every
        count and link would have two places. Checked on every save, drafts included."""
        super().clean()
        if self.initiative_id and self.locale_id:
            other = (
                InitiativePage.objects.filter(
                    initiative_id=self.initiative_id, locale_id=self.locale_id
                )
                .exclude(pk=self.pk)
                .first()
            )
            if other is not None:
                raise ValidationError(
                    {
                        "initiative": _(
                            "This initiative already has a page in this language: “%(title)s”. "
                            "Edit that page, or translate it into another language."
                        )
                        % {"title": other.title}
                    }
                )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shown = self.shown_besides_counts()
        self.initiative = shown["initiative"]
        context.update(shown)
        context["nationalities"] = countries_in_reading_order()  # one tap to one's own form
        context["paper_forms"] = paper_form_links(self.initiative, context["nationalities"])
        attach_progress([self])  # the counts: the shared snapshot (initiatives.figures)
        online = signed_online(self.initiative, self.figures)
        context["chart"] = daily_chart(public_series(self.initiative, online))
        context["share_url"] = request.build_absolute_uri(request.path)
        return context

    def shown_besides_counts(self):
        """The initiative, its organisers, the topics and the signing page, from the cache: they
        change only with the page tree or the initiative, and either sets a new cache version
        (core.content_version)."""
        key = f"initiative-page:{current_version()}:{self.pk}"
        shown = cache.get(key)
        if shown is None:
            shown = {
                "initiative": self.initiative,
                "organisers": list(self.initiative.organisers.all()),
                "topics": [link.topic for link in self.topic_links.select_related("topic")],
                "signing_page": self.signing_page(),
            }
            cache.set(key, shown, settings.ROUTE_CACHE_SECONDS)
        return shown

    def signing_page(self):
        """Found through the tree: the only child type an initiative page allows is the signing
        page (subpage_types), and at most one (SigningPage.max_count_per_parent). By path, not
        get_children(): treebeard's get_children() trusts the stored child count
        (numchild), which wagtail-localize can leave at 0 on a translation it gave children."""
        return Page.objects.child_of(self).live().specific().first()


class InitiativeTopic(TranslatableMixin, Orderable):
    # Translatable, so that each translation of the page links to the topic in its own language.
    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass
