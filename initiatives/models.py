"""Initiatives: the registered facts (one record, shared by every language) and their pages.

The registered facts (registration number, dates, status, how statements are collected, counts
from an external system, organisers) live on `Initiative`, a snippet that is not translated: every
language version of an initiative page points at the same record, so the collection window, the
status and the counts can never differ between languages. The page carries what is translated:
title, subject matter, objectives, annex.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.routing import current_version

from .countries import COUNTRY_CHOICES, country_name

INITIATIVES_PER_PAGE = 12


@register_snippet
class Topic(TranslatableMixin, models.Model):
    name = models.CharField(max_length=100, verbose_name=_("name"))
    slug = models.SlugField(max_length=100, verbose_name=_("slug"))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Initiative(ClusterableModel):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        COLLECTING = "collecting", _("Collecting signatures")
        CLOSED = "closed", _("Collection closed")
        SUBMITTED = "submitted", _("Submitted")
        ANSWERED = "answered", _("Answered")

    class Collection(models.TextChoices):
        ON_SITE = "on_site", _("On this site")
        EXTERNAL = "external", _("On an external online collection system")

    name = models.CharField(
        max_length=255,
        verbose_name=_("working name"),
        help_text=_("For the admin only; the public title is the page title in each language."),
    )
    registration_number = models.CharField(
        max_length=50, unique=True, verbose_name=_("registration number")
    )
    register_url = models.URLField(blank=True, verbose_name=_("entry in the official register"))
    registration_date = models.DateField(verbose_name=_("registration date"))
    collection_start = models.DateField(null=True, blank=True, verbose_name=_("collection start"))
    collection_end = models.DateField(null=True, blank=True, verbose_name=_("collection end"))
    status = models.CharField(
        max_length=20, choices=Status, default=Status.REGISTERED, verbose_name=_("status")
    )
    collection = models.CharField(
        max_length=20,
        choices=Collection,
        default=Collection.ON_SITE,
        verbose_name=_("statements are collected"),
    )
    external_system_url = models.URLField(
        blank=True, verbose_name=_("address of the external collection system")
    )
    public_key = models.TextField(
        blank=True,
        verbose_name=_("organisers' public key"),
        help_text=_(
            "Printed by `manage.py generate_signing_key` on the organisers' computer. Statements "
            "are encrypted to it; it can be replaced only before the first statement is stored."
        ),
    )
    key_fingerprint = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("public key fingerprint")
    )
    submitted_to_authorities_on = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("statements submitted to the national authorities on"),
    )
    submitted_to_commission_on = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("initiative submitted to the Commission on"),
        help_text=_(
            "The statements must be destroyed one month after this date at the latest; the "
            "collection dashboard shows the deadline."
        ),
    )
    withdrawn_on = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("initiative withdrawn on"),
        help_text=_(
            "Under Regulation 2019/788 the statements are destroyed one month after a withdrawal."
        ),
    )
    legal_hold_reason = models.CharField(
        max_length=500,
        blank=True,
        verbose_name=_("legal hold: the proceedings"),
        help_text=_(
            "Administrative or judicial proceedings that need the statements. While this is "
            "filled in, no statement is destroyed, on the deadline or on request."
        ),
    )
    legal_hold_until = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("legal hold: the proceedings end on"),
        help_text=_(
            "Leave empty while the end is not known. The statements are kept until one month "
            "after this day (one week under Regulation 211/2011)."
        ),
    )
    is_demonstration = models.BooleanField(
        default=False,
        verbose_name=_("demonstration data"),
        help_text=_("Shows a notice that this initiative is fictional."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("registration_number"), FieldPanel("registration_date")]),
        FieldPanel("register_url"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("collection_start"), FieldPanel("collection_end")]),
        MultiFieldPanel(
            [
                FieldPanel("collection"),
                FieldPanel("external_system_url"),
                InlinePanel("external_counts", label=_("Statements per country")),
            ],
            heading=_("How statements of support are collected"),
        ),
        InlinePanel("organisers", label=_("Organisers")),
        MultiFieldPanel(
            [FieldPanel("public_key"), FieldPanel("key_fingerprint", read_only=True)],
            heading=_("Encryption of statements collected on this site"),
        ),
        FieldRowPanel(
            [FieldPanel("submitted_to_authorities_on"), FieldPanel("submitted_to_commission_on")],
            heading=_("Submission"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("withdrawn_on"),
                FieldPanel("legal_hold_reason"),
                FieldPanel("legal_hold_until"),
            ],
            heading=_("Withdrawal and legal hold"),
        ),
        FieldPanel("is_demonstration"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-registration_date"]
        permissions = [
            (
                "follow_collection",
                "Can see the collection dashboard and download encrypted statements",
            ),
            ("destroy_statements", "Can destroy the statements of support of an initiative"),
        ]

    def __str__(self):
        return f"{self.registration_number} {self.name}"

    def clean(self):
        start, end = self.collection_start, self.collection_end
        if start and end and end < start:
            raise ValidationError(
                {"collection_end": _("The collection cannot end before it starts.")}
            )
        if self.collection == self.Collection.EXTERNAL and not self.external_system_url:
            raise ValidationError(
                {"external_system_url": _("Give the address of the external system.")}
            )
        if self.legal_hold_until and not self.legal_hold_reason.strip():
            raise ValidationError(
                {"legal_hold_reason": _("Name the proceedings that the statements are held for.")}
            )
        self.clean_public_key()

    def clean_public_key(self):
        from signing.crypto import UnusableKey, fingerprint

        if not self.public_key.strip():
            new_fingerprint = ""
        else:
            try:
                new_fingerprint = fingerprint(self.public_key)
            except UnusableKey as error:
                raise ValidationError({"public_key": str(error)}) from None
        if self.pk and new_fingerprint != self.key_fingerprint and self.statements.exists():
            raise ValidationError(
                {
                    "public_key": _(
                        "Statements have already been encrypted to the current key: replacing "
                        "it now would split them between two keys, and the organisers could no "
                        "longer export them together. Keep the current key."
                    )
                }
            )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.hold_as_loaded = instance.legal_hold_fields()
        return instance

    def legal_hold_fields(self):
        """(reason, end) of the legal hold, to tell the audit log when it changes."""
        return (
            (self.__dict__.get("legal_hold_reason") or "").strip(),
            self.__dict__.get("legal_hold_until"),
        )

    def save(self, *args, **kwargs):
        from signing.crypto import fingerprint

        self.key_fingerprint = fingerprint(self.public_key) if self.public_key.strip() else ""
        super().save(*args, **kwargs)

    @property
    def collects_on_site(self):
        return self.collection == self.Collection.ON_SITE

    # What signing reads to take a statement and bind it to this initiative; the fingerprint
    # stands for the key. A statement is stored only while these are as it read them.
    SIGNING_STATE_FIELDS = (
        "registration_number",
        "collection",
        "status",
        "collection_start",
        "collection_end",
        "key_fingerprint",
    )

    def signing_state_on(self, today):
        """Whether this site takes statements today, and if not, why not."""
        if not self.collects_on_site:
            return "external"
        window_open = (
            self.collection_start is not None
            and self.collection_end is not None
            and self.collection_start <= today <= self.collection_end
        )
        if self.status == self.Status.COLLECTING and window_open and self.key_fingerprint:
            return "open"
        not_started = self.collection_start is None or today < self.collection_start
        if self.status == self.Status.REGISTERED or (
            self.status == self.Status.COLLECTING and (not_started or not self.key_fingerprint)
        ):
            return "not_yet_open"
        return "closed"

    @property
    def opening_date(self):
        """The start of the collection, while it is still ahead."""
        start = self.collection_start
        return start if start and start > timezone.localdate() else None

    @property
    def signing_state(self):
        return self.signing_state_on(timezone.localdate())

    def is_collecting(self, today=None):
        """Open for signing on this site: collecting, a public key set, today in the window."""
        return self.signing_state_on(today or timezone.localdate()) == "open"


class ExternalCount(Orderable):
    """Statements counted by an external collection system, entered by editors."""

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="external_counts")
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, verbose_name=_("country"))
    count = models.PositiveIntegerField(default=0, verbose_name=_("statements"))

    panels = [FieldRowPanel([FieldPanel("country"), FieldPanel("count")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "country"], name="one_external_count_per_country"
            )
        ]


class Organiser(Orderable):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member of the organisers' group")
        REPRESENTATIVE = "representative", _("Representative (contact person)")
        SUBSTITUTE = "substitute", _("Substitute (contact person)")

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="organisers")
    name = models.CharField(max_length=200, verbose_name=_("name"))
    country = models.CharField(
        max_length=2, choices=COUNTRY_CHOICES, verbose_name=_("country of residence")
    )
    role = models.CharField(
        max_length=20, choices=Role, default=Role.MEMBER, verbose_name=_("role")
    )
    email = models.EmailField(
        blank=True,
        verbose_name=_("public contact email"),
        help_text=_("Only for contact persons, and only if they agreed to publish it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("email")]),
    ]

    @property
    def is_contact_person(self):
        return self.role != self.Role.MEMBER

    @property
    def country_name(self):
        # Not get_country_display(): it hashes all 27 translated choices on every call.
        return country_name(self.country)


class InitiativeIndexPage(Page):
    """ "Find an initiative": every initiative in this language, filterable by status and topic."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["initiatives.InitiativePage"]

    class Meta:
        verbose_name = _("initiative index")

    def get_context(self, request, *args, **kwargs):
        from .progress import attach_progress

        context = super().get_context(request, *args, **kwargs)
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
        page_of_results = Paginator(pages, INITIATIVES_PER_PAGE).get_page(request.GET.get("page"))
        attach_progress(page_of_results.object_list)
        context.update(
            initiatives=page_of_results,
            statuses=Initiative.Status.choices,
            topics=topics,
            selected_status=status,
            selected_topic=topic,
        )
        return context


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

    class Meta:
        verbose_name = _("initiative page")

    def get_context(self, request, *args, **kwargs):
        from .progress import attach_progress

        context = super().get_context(request, *args, **kwargs)
        shown = self.shown_besides_counts()
        self.initiative = shown["initiative"]
        context.update(shown)
        attach_progress([self])  # the counts: read on every view, in one query
        return context

    def shown_besides_counts(self):
        """The initiative, its organisers, the topics and the signing page, from the cache: they
        change only with the page tree or the initiative, and either sets a new cache version
        (home/routing.py)."""
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
        from signing.models import SigningPage

        return SigningPage.objects.live().child_of(self).first()


class InitiativeTopic(TranslatableMixin, Orderable):
    # Translatable, so that each translation of the page links to the topic in its own language.
    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass
