"""The home page, standard pages, the contact form and the translatable site chrome."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.captcha import SingleUseCaptchaField
from core.pages import ArticlePage
from guidance.models import GuidancePage
from initiatives.models import InitiativePage
from initiatives.progress import attach_progress
from news.models import NewsPage
from outbox.sending import queue


class HomePage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("featured_initiatives", label=_("Featured initiatives")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "initiatives.InitiativeIndexPage",
        "petitions.PetitionIndexPage",
        "guidance.GuidanceIndexPage",
        "news.NewsIndexPage",
        "home.StandardPage",
        "home.ContactPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the deepest live page on the path in one query, then let it route the rest.

        Wagtail walks the tree with two queries per level; every page of this site sits under
        a home page, so resolving here makes each request, a signature included, cheaper. The
        page found routes what remains (a routable page's steps, or a 404 for an unknown child).
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        deepest = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            raise Http404
        return deepest.specific.route(request, path_components[deepest.depth - self.depth :])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Page links are synchronised between translations: show each featured initiative in
        # this page's language where it has been translated, in one query.
        keys = [
            link.initiative.translation_key
            for link in self.featured_initiatives.select_related("initiative")
        ]
        localized = {}
        for candidate in (
            InitiativePage.objects.live()
            .filter(
                translation_key__in=keys, locale_id__in=[self.locale_id, Locale.get_default().pk]
            )
            # A test collection's figures never stand beside real initiatives' (its own page
            # and the index show it, marked).
            .filter(initiative__test_collection="")
            .select_related("initiative")
        ):
            if candidate.locale_id == self.locale_id or candidate.translation_key not in localized:
                localized[candidate.translation_key] = candidate
        featured = attach_progress(localized[key] for key in keys if key in localized)
        context["featured"] = featured
        context["latest_news"] = (
            NewsPage.objects.live().descendant_of(self).order_by("-date", "-pk")[:3]
        )
        # Entry points to guidance: the guides directly under the guidance section.
        context["guides"] = (
            GuidancePage.objects.live().descendant_of(self).filter(depth=self.depth + 2)
        )
        return context


class HomeFeaturedInitiative(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_initiatives")
    initiative = models.ForeignKey(
        "initiatives.InitiativePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("initiative"),
    )

    panels = [FieldPanel("initiative")]


class StandardPage(ArticlePage):
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ContactFormField(TranslatableMixin, AbstractFormField):
    # Translatable, so wagtail-localize offers the labels and help texts to translators.
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    # The submission keys stay the same in every language, so submissions line up.
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm):
    """Wagtail's form builder, with a CAPTCHA that keeps bots out of the stored submissions."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("introduction"))
    thank_you_text = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("thank-you text")
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email the submissions (optional: leave the address empty to only store)"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        TranslatableField("subject"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields["captcha"] = SingleUseCaptchaField(
            label=_("Type the characters you see in the picture"),
            help_text=_("This shows us that a person, not a program, is writing."),
        )
        return form

    @transaction.atomic
    def process_form_submission(self, form):
        """Store the submission and, when the page has a recipient, queue its e-mail in the
        same transaction: the mail is sent after the commit, and retried by send_queued_mail,
        never while the citizen waits (an SMTP failure cannot lose or duplicate a message)."""
        # The CAPTCHA answer is not part of the message: do not store or email it.
        form.cleaned_data.pop("captcha", None)
        submission = AbstractForm.process_form_submission(self, form)
        if self.to_address:
            queue(
                self.subject,
                self.render_email(form),
                [address.strip() for address in self.to_address.split(",") if address.strip()],
                self.from_address,
            )
        return submission


class SiteIdentity(
    DraftStateMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model
):
    """The words around every page: the site's name, tagline and footer note, per language.

    Drafts, revisions and a preview of the header and footer, as for a page: only the live
    version of each language is shown to visitors (edited in home.wagtail_hooks).
    """

    site_name = models.CharField(max_length=100, verbose_name=_("site name"))
    tagline = models.CharField(max_length=200, blank=True, verbose_name=_("tagline"))
    footer_text = RichTextField(
        features=["bold", "italic", "link"], blank=True, verbose_name=_("footer text")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="site_identity")

    panels = [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("footer_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")
        # One per language: a second one would silently replace the real one on every page.
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_site_identity_per_language")
        ]

    def __str__(self):
        return self.site_name

    def clean(self):
        super().clean()
        if (
            self.locale_id
            and SiteIdentity.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                _(
                    "This language already has its site identity: edit that one instead of "
                    "adding another."
                )
            )

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "home/site_identity_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"identity": self, "request": request}

    @classmethod
    def for_active_language(cls):
        identities = {item.locale_id: item for item in cls.objects.filter(live=True)}
        active = Locale.get_active()
        return identities.get(active.pk) or identities.get(Locale.get_default().pk)


class UntranslatedFields(models.Model):
    """The fields of a published translation that still hold its source's text.

    wagtail-localize publishes a partly translated page with the source's strings in the fields
    not translated yet; the templates mark them with the source's `lang` and say so. Recorded when
    the translation is published (home/untranslated.py), so a page view reads one row, not every
    field's segments.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="untranslated_fields"
    )
    language = models.CharField(max_length=10, help_text=_("The language of the source's text."))
    fields = models.JSONField(default=list)

    class Meta:
        verbose_name = _("untranslated fields")
        verbose_name_plural = _("untranslated fields")

    def __str__(self):
        return f"{self.page_id}: {', '.join(self.fields)} ({self.language})"
