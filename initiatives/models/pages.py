"""Initiative pages: the index ("Find an initiative") and one translated page per initiative.

The page carries what is translated (title, subject matter, objectives, annex); the registered
facts come from its `Initiative` record (initiatives.models.records), the same for every language
version. For an initiative imported from the register, the title and objectives are the
register's text in the page's language (initiatives.models.register): derived on every save,
never translated, locked in the editor.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.content_version import current_version
from core.pages import IndexPage

from ..admin_forms import SAME_RECORD, InitiativePageForm, LockedFieldPanel, LockedTitlePanel
from ..chart import daily_chart
from ..countries import countries_in_reading_order
from ..daily import public_series
from ..figures import signed_online
from ..progress import attach_progress
from .records import Initiative, Topic
from .register import answer_links, registered_text


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


class RegisteredTextField(TranslatableField):
    """A page field translated through wagtail-localize for a record typed in by hand; for an
    initiative imported from the register, neither translated nor synchronised (the translation
    editor does not offer it): each language version derives it from the register's text."""

    def is_translated(self, obj):
        return obj.registered_text() is None

    def is_synchronized(self, obj):
        return self.is_translated(obj) and super().is_synchronized(obj)


class InitiativePage(Page):
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("registered initiative"),
    )
    # Not registered text: Regulation 2019/788 registers a title and objectives (the register
    # holds no subject matter), so it is the site's own summary, optional, and translated.
    subject_matter = models.TextField(blank=True, verbose_name=_("subject matter"))
    objectives = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("objectives"))
    annex = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("annex"),
        help_text=_("Further information on the subject, objectives and background."),
    )

    base_form_class = InitiativePageForm
    content_panels = [
        LockedTitlePanel("title"),
        LockedFieldPanel("initiative"),
        FieldPanel("subject_matter"),
        LockedFieldPanel("objectives"),
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
    override_translatable_fields = [
        RegisteredTextField("title"),
        RegisteredTextField("objectives"),
        # The record is the same in every language: copied on every sync, never overridden.
        SynchronizedField("initiative", overridable=False),
    ]

    class Meta:
        verbose_name = _("initiative page")

    def registered_text(self):
        """The register's text this page shows (initiatives.models.register), or None."""
        if not self.initiative_id:
            return None
        locale = self.locale if self.locale_id else self.get_default_locale()
        return registered_text(self.initiative, locale.language_code)

    def apply_registered_text(self):
        text = self.registered_text()
        if text is not None:
            self.title = self.draft_title = text.title
            self.objectives = text.objectives

    def language_versions(self):
        """The other language versions of this page (its translations and their source)."""
        return InitiativePage.objects.filter(translation_key=self.translation_key).exclude(
            pk=self.pk
        )

    def shares_its_record(self):
        """Other language versions exist, and all show this page's record."""
        records = set(self.language_versions().values_list("initiative_id", flat=True))
        return records == {self.initiative_id}

    def clean(self):
        super().clean()
        # Whatever a form, a translation or a sync put in them, the registered fields are the
        # register's: derived here, so every revision and the live page hold the same text.
        self.apply_registered_text()
        if not self.initiative_id:
            return
        if self.language_versions().exclude(initiative_id=self.initiative_id).exists():
            raise ValidationError({"initiative": SAME_RECORD})
        # One page per record and language: a second one would be listed twice, and every
        # count and link would have two places. Checked on every save, drafts included.
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

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:  # also when saved without clean()
            self.apply_registered_text()
        return super().save(*args, **kwargs)

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
        # In the reader's language where the Commission published one.
        context["answer_links"] = answer_links(self.initiative, get_language())
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
                "registered_text": self.registered_text(),
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
