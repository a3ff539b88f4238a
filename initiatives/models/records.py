"""The registered facts of an initiative: one record, shared by every language.

The registered facts (registration number, dates, status, how statements are collected, counts
from an external system, organisers) live on `Initiative`, a snippet that is not translated: every
language version of an initiative page (initiatives.models.pages) points at the same record, so
the collection window, the status and the counts can never differ between languages.
"""

from django.contrib.admin import display
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.crypto import UnusableKey, fingerprint

from .. import collection_routes
from ..admin_forms import PAPER_PERMISSION, InitiativeAdminForm, OrganisersPanel
from ..countries import COUNTRY_CHOICES, country_name


def optional_date(verbose_name, help_text=""):
    """A date of the record that may be empty: not known yet, or not (yet) reached."""
    return models.DateField(null=True, blank=True, verbose_name=verbose_name, help_text=help_text)


def optional_text(max_length, verbose_name, help_text=""):
    """A line of text that may be left empty (stored as "", as Django advises for text)."""
    return models.CharField(
        max_length=max_length, blank=True, verbose_name=verbose_name, help_text=help_text
    )


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


class Initiative(RevisionMixin, ClusterableModel):
    """A registered initiative: a legal record, so every saved version is kept as a revision
    (History, and Compare between any two). Edited in the admin (initiatives.wagtail_hooks)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        COLLECTING = "collecting", _("Collecting signatures")
        CLOSED = "closed", _("Collection closed")
        SUBMITTED = "submitted", _("Submitted")
        ANSWERED = "answered", _("Answered")

    class Collection(models.TextChoices):
        # Which online route the law leaves an initiative is decided by its registration date
        # (initiatives.collection_routes); paper is open to every initiative whatever this says.
        ON_SITE = "on_site", _("On this site")
        CENTRAL = "central", _("On the Commission's central online collection system")
        EXTERNAL = "external", _("On an external online collection system")

    class TestPurpose(models.TextChoices):
        CERTIFICATION = "certification", _("Tests of the competent authority before certification")
        TRAINING = "training", _("Training")
        DEMONSTRATION = "demonstration", _("Demonstration")

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
    collection_start = optional_date(_("collection start"))
    collection_end = optional_date(_("collection end"))
    status = models.CharField(
        max_length=20, choices=Status, default=Status.REGISTERED, verbose_name=_("status")
    )
    collection = models.CharField(
        max_length=20,
        choices=Collection,
        default=Collection.ON_SITE,
        verbose_name=_("statements are collected"),
    )
    keys_in_paper_statements = models.BooleanField(
        default=False,
        verbose_name=_("organisers key in paper statements"),
        help_text=_("Organisers with the permission may key in the data of signed paper forms."),
    )
    external_system_url = models.URLField(
        blank=True,
        verbose_name=_("address of the online collection system"),
        help_text=_(
            "On the Commission's central system, the collection's public address, for example "
            "https://eci.ec.europa.eu/045/public/"
        ),
    )
    test_collection = models.CharField(
        max_length=20,
        choices=TestPurpose,
        blank=True,
        verbose_name=_("test collection"),
        help_text=_(
            "A test collection runs the whole collection on this site, but every page, figure "
            "and export says it is a test, and nothing of it counts for a real initiative."
        ),
    )
    certificate_of_conformity = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("certificate of conformity"),
        help_text=_(
            "The certificate of the online collection system (Annex IV of Regulation (EU) "
            "2019/788), published on the signing page."
        ),
    )
    public_key = models.TextField(
        blank=True,
        verbose_name=_("organisers' public key"),
        help_text=_(
            "Paste the public key that `manage.py generate_signing_key` prints when the "
            "organisers run it on their own computer. Statements are encrypted to it; it can be "
            "replaced only before the first statement is stored."
        ),
    )
    key_fingerprint = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("public key fingerprint")
    )
    submitted_to_authorities_on = optional_date(
        _("statements submitted to the competent authorities on")
    )
    submitted_to_commission_on = optional_date(
        _("initiative submitted to the Commission on"),
        _(
            "The statements must be destroyed one month after this date at the latest; the "
            "collection dashboard shows the deadline."
        ),
    )
    withdrawn_on = optional_date(
        _("initiative withdrawn on"),
        _("Under Regulation 2019/788 the statements are destroyed one month after a withdrawal."),
    )
    legal_hold_reason = optional_text(
        500,
        _("legal hold: the proceedings"),
        _(
            "Administrative or judicial proceedings that need the statements. While this is "
            "filled in, no statement is destroyed, on the deadline or on request."
        ),
    )
    legal_hold_until = optional_date(
        _("legal hold: the proceedings end on"),
        _(
            "Leave empty while the end is not known. The statements are kept until one month "
            "after this day (one week under Regulation 211/2011)."
        ),
    )
    partner_counts_public = models.BooleanField(
        default=False,
        verbose_name=_("publish the statements per partner"),
        help_text=_("Adds each partner's count of statements to the open counts."),
    )
    is_demonstration = models.BooleanField(
        default=False,
        verbose_name=_("demonstration data"),
        help_text=_("Shows a notice that this initiative is fictional."),
    )
    # Filled by the register import (initiatives.register_import), read only in the admin.
    registered_language = optional_text(2, _("language of the registration"))
    registration_decision = optional_text(30, _("the Commission's decision to register"))
    answered_on = optional_date(_("answered by the Commission on"))
    answer_documents = models.JSONField(
        default=list, blank=True, editable=False, verbose_name=_("the Commission's answer")
    )
    imported_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("last imported from the register")
    )
    # Who may reach this initiative's statements in the admin (core.access): the users
    # of this group, made with the initiative (Settings → Groups), and superusers.
    organisers_group = models.OneToOneField(
        "auth.Group",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organised_initiative",
        verbose_name=_("organisers' group"),
    )

    base_form_class = InitiativeAdminForm  # what collecting on this site requires
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("registration_number"), FieldPanel("registration_date")]),
        FieldPanel("register_url"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("collection_start"), FieldPanel("collection_end")]),
        MultiFieldPanel(
            [
                FieldPanel("collection"),
                FieldPanel("test_collection"),
                FieldPanel("certificate_of_conformity"),
                FieldPanel("keys_in_paper_statements"),
                FieldPanel("external_system_url"),
                InlinePanel("external_counts", label=_("Statements per country")),
            ],
            heading=_("How statements of support are collected"),
        ),
        OrganisersPanel(
            [InlinePanel("paper_batches", label=_("Batches of paper statements"))],
            heading=_("Paper statements"),
            permission=PAPER_PERMISSION,
        ),
        InlinePanel("organisers", label=_("Organisers")),
        MultiFieldPanel(
            [InlinePanel("partners", label=_("Partners")), FieldPanel("partner_counts_public")],
            heading=_("Partners and embedding"),
        ),
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
        MultiFieldPanel(
            [
                FieldPanel("registered_language", read_only=True),
                FieldPanel("registration_decision", read_only=True),
                FieldPanel("answered_on", read_only=True),
                FieldPanel("imported_at", read_only=True),
            ],
            heading=_("From the Commission's register"),
        ),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-registration_date"]
        # Wagtail's group editor drops a label's last words when they are the model's name
        # ("… of an initiative" showed as "… of an"): no label ends with "initiative".
        permissions = [
            (
                "follow_collection",
                "Can see the collection dashboard and download encrypted statements",
            ),
            ("destroy_statements", "Can destroy an initiative's statements of support"),
            ("record_paper_statements", "Can record an initiative's paper statements"),
            ("key_in_paper_statements", "Can key in the data of paper statements of support"),
        ]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="initiative")

    def __str__(self):
        return f"{self.registration_number} {self.name}"

    def organisers_group_name(self):
        """The name of the group of its organisers (core.access)."""
        return f"Organisers of {self.registration_number}"

    @property
    def revisions(self):
        return self._revisions

    @display(description=_("collection window"))
    def collection_window(self):
        start, end = self.collection_start, self.collection_end
        if not (start or end):
            return "—"
        # ISO dates: a legal record read by people of every language, in one sortable form,
        # with non-breaking hyphens so that a narrow column wraps between the two dates only.
        shown = (day.isoformat().replace("-", "\u2011") if day else "…" for day in (start, end))
        return " – ".join(shown)

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
        self.key_fingerprint = fingerprint(self.public_key) if self.public_key.strip() else ""
        super().save(*args, **kwargs)

    @property
    def collects_on_site(self):
        return self.collection == self.Collection.ON_SITE

    @property
    def collects_on_central_system(self):
        return self.collection == self.Collection.CENTRAL

    @property
    def is_test_collection(self):
        return bool(self.test_collection)

    @property
    def central_system_link(self):
        """The central system's signing page in the active language (`?lg=xx`); for a record
        without that address (set to collect here, which the law refuses), its register entry,
        which leads there; or ""."""
        return collection_routes.central_signing_url(
            self.external_system_url or self.register_url, translation.get_language()
        )

    # What signing reads to take a statement and bind it to this initiative; the fingerprint
    # stands for the key. A statement is stored only while these are as it read them. The
    # registration date, the test purpose and the certificate decide the law's route
    # (initiatives.collection_routes); a certificate is read by its id, never loaded.
    SIGNING_STATE_FIELDS = (
        "registration_number",
        "registration_date",
        "collection",
        "test_collection",
        "certificate_of_conformity_id",
        "status",
        "collection_start",
        "collection_end",
        "key_fingerprint",
    )

    def signing_state_on(self, today):
        """Whether this site takes statements today, and if not, why not: "open",
        "not_yet_open", "closed", "external" (another system the editors name), or "central"
        (the Commission's central system: chosen, or the only route the law leaves a record
        set to collect here; initiatives.collection_routes)."""
        if self.collects_on_central_system or (
            self.collects_on_site and collection_routes.central_system_only(self)
        ):
            return "central"
        if not self.collects_on_site:
            return "external"
        may_collect = collection_routes.is_test(self) or collection_routes.has_certificate(self)
        window_open = (
            self.collection_start is not None
            and self.collection_end is not None
            and self.collection_start <= today <= self.collection_end
            and collection_routes.within_period(self, today)
        )
        ready = bool(self.key_fingerprint) and may_collect
        if self.status == self.Status.COLLECTING and window_open and ready:
            return "open"
        not_started = self.collection_start is None or today < self.collection_start
        if self.status == self.Status.REGISTERED or (
            self.status == self.Status.COLLECTING
            and (not_started or not ready)
            and collection_routes.within_period(self, today)
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


class PaperBatch(Orderable):
    """Statements of support collected on paper, counted by the organisers: one batch per
    member state and day collected. They count like any statement (progress, open counts); a
    paper statement whose data are later keyed in is stored for the export but not counted
    again, so the paper figure is the sum of these batches, less the keyed-in forms flagged as
    duplicates of an earlier statement (initiatives.figures)."""

    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="paper_batches")
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, verbose_name=_("country"))
    collected_on = models.DateField(verbose_name=_("collected on"))
    count = models.PositiveIntegerField(verbose_name=_("statements"))

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("collected_on"), FieldPanel("count")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("batch of paper statements")
        verbose_name_plural = _("batches of paper statements")


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


class CountOfStatements(models.Model):
    """A number of statements for one initiative and country, kept per part (abstract): the
    field that splits an initiative and country's count into rows, named once, in the table's
    constraint (one_row_per_part).

    Counts outlive the statements they count: they hold no personal data, and the progress
    and the organisers' records still need them after the statements are destroyed.
    """

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    country = models.CharField(max_length=2)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        (one_row,) = self._meta.constraints
        part = getattr(self, one_row.fields[-1])
        return f"{self.initiative_id}/{self.country}/{part}: {self.count}"


def one_row_per_part(part, name):
    """The constraint of a CountOfStatements table: one row per initiative, country and `part`."""
    return [models.UniqueConstraint(fields=["initiative", "country", part], name=name)]


class SupportCounter(CountOfStatements):
    """Statements per initiative and country, spread over shards (see initiatives.counters).

    A signing rush usually means every signer supports the same initiative for the same country:
    one counter row would make all of them queue on its lock. Each statement increments one of
    `initiatives.counters.SHARDS` rows chosen at random instead, and readers add the shards up.
    The table keeps the name it had when signing owned it: moving the model moved no data.
    """

    shard = models.PositiveSmallIntegerField()

    class Meta:
        db_table = "signing_supportcounter"
        verbose_name = _("support counter")
        constraints = one_row_per_part("shard", "one_counter_per_shard")
