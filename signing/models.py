"""The signing page, the stored statements and the counters that make reading progress cheap."""

import uuid

from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.blocks import RICH_TEXT_FEATURES
from home.routing import CachedViewRestrictionsMixin, current_version

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

    # The routes delegate to signing.views (imported late: the views use the models).

    @path("")
    def choose_country(self, request):
        from . import views

        return views.choose_country(request, self)

    @re_path(r"^(?P<country>[a-z]{2})/$")
    def statement_form(self, request, country):
        from . import views

        return views.statement_form(request, self, country)

    @re_path(r"^receipt/(?P<identifier>[0-9a-f-]{36})/$")
    def receipt(self, request, identifier):
        from . import views

        return views.receipt(request, self, identifier)

    @path("lookup/")
    def lookup(self, request):
        from . import views

        return views.lookup(request, self)

    def initiative_page(self):
        from initiatives.models import InitiativePage

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
        initiative = cache.get(key) if cached else None
        if initiative is None:
            initiative = self._read_initiative()
            cache.set(key, initiative, SIGNING_STATE_CACHE_SECONDS)
        return initiative

    def _read_initiative(self):
        from initiatives.models import Initiative

        # filter() before annotate(): the annotation then reads the same (filtered) page.
        return (
            Initiative.objects.filter(pages__path=self.path[: -self.steplen])
            .annotate(page_revision_id=F("pages__live_revision_id"))
            .only("public_key", *Initiative.SIGNING_STATE_FIELDS)
            .get()
        )


class Statement(models.Model):
    """One statement of support: its personal data exists here only as ciphertext."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.PROTECT, related_name="statements"
    )
    country = models.CharField(max_length=2)
    submitted_on = models.DateField()
    language = models.CharField(max_length=10)
    page_revision_id = models.PositiveIntegerField(null=True)
    annex_revision = models.CharField(max_length=20)
    key_fingerprint = models.CharField(max_length=64)
    suite = models.CharField(max_length=80)
    ciphertext = models.BinaryField()
    dedupe_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("statement of support")
        verbose_name_plural = _("statements of support")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "dedupe_hash"], name="one_statement_per_person"
            )
        ]
        indexes = [
            models.Index(fields=["initiative", "country"]),
            models.Index(fields=["initiative", "submitted_on"]),
        ]

    def __str__(self):
        return str(self.id)


class SupportCounter(models.Model):
    """Statements per initiative and country, spread over shards.

    A signing rush usually means every signer supports the same initiative for the same country:
    one counter row would make all of them queue on its lock. Each statement increments one of
    `signing.counters.SHARDS` rows chosen at random instead, and readers add the shards up.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+"
    )
    country = models.CharField(max_length=2)
    shard = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("support counter")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "country", "shard"], name="one_counter_per_shard"
            )
        ]

    def __str__(self):
        return f"{self.initiative_id}/{self.country}/{self.shard}: {self.count}"


class DestroyedStatements(models.Model):
    """How many statements were destroyed, per initiative, country and day of signing.

    Destroying statements must not make the initiative's history disappear: the counters keep
    the totals, and these rows keep the days for the dashboard's chart and the reconciliation.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+"
    )
    country = models.CharField(max_length=2)
    submitted_on = models.DateField()
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("destroyed statements")
        verbose_name_plural = _("destroyed statements")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "country", "submitted_on"], name="one_destroyed_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.initiative_id}/{self.country}/{self.submitted_on}: {self.count}"
