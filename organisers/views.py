"""The collection dashboard in Wagtail's admin, bundle downloads and deletion on request
(a petition's: organisers.petition_views).

Each view of one initiative asks two things (core.access.may): that the user holds the
permission (`initiatives.follow_collection` for the dashboard and bundles,
`initiatives.destroy_statements` to destroy, `initiatives.key_in_paper_statements` to key in,
`initiatives.record_paper_statements` to record paper batches),
and that the user is one of that initiative's organisers (or a superuser). Anyone else gets
403. Nothing here shows personal data: the database holds none in the clear, and the views read
counts only.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from core.access import may, organised_by
from initiatives.deadlines import legal_hold
from initiatives.figures import figures_by_initiative
from initiatives.models import Initiative
from petitions.figures import with_totals
from petitions.models import Petition
from signing.paper_form_views import form_links

from .audit import BUNDLE_DOWNLOADED, DESTROYED_ON_DEMAND
from .bundle import bundle_lines
from .dashboard import central_system_readings, overview
from .records import initiative_record, mailing_list, stored_statements
from .retention import StatementsHeld, destroy_statements

FOLLOW = "initiatives.follow_collection"
HELD_MESSAGE = _(
    "The statements of this initiative are held for proceedings and cannot be destroyed."
)
DESTROY = "initiatives.destroy_statements"
KEY_IN = "initiatives.key_in_paper_statements"
RECORD_PAPER = "initiatives.record_paper_statements"


def collected_here():
    return Initiative.objects.filter(collection=Initiative.Collection.ON_SITE)


def followed():
    """What the dashboards follow: collections on this site, and on the Commission's central
    system (its click-throughs, its paper statements)."""
    routes = [Initiative.Collection.ON_SITE, Initiative.Collection.CENTRAL]
    return Initiative.objects.filter(collection__in=routes)


class CollectionIndex(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The initiatives and the petitions the user organises (all of them for a superuser)."""

    permission_required = FOLLOW
    raise_exception = True
    page_title = _("Collection")
    header_icon = "list-ul"
    template_name = "organisers/index.html"

    def get_context_data(self, **kwargs):
        initiatives = list(organised_by(self.request.user, followed()))
        # Online, paper and external: the total the public pages show (initiatives/figures.py).
        figures = figures_by_initiative(initiatives, exact=True)[0] if initiatives else {}
        for initiative in initiatives:
            initiative.total = sum(f.total for f in figures.get(initiative.pk, {}).values())
        # Online (confirmed) and paper.
        petitions = with_totals(list(organised_by(self.request.user, Petition.objects.all())))
        return super().get_context_data(
            initiatives=initiatives,
            petitions=petitions,
            central=central_system_readings(initiatives),
            **kwargs,
        )


class OrganisedMixin(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    """A view of one collection (an initiative's or a petition's, from `records`, by the URL's
    `pk_url_kwarg`): for whoever holds the permission AND organises it (core.access.may)."""

    raise_exception = True
    header_icon = "list-ul"
    pk_url_kwarg = "pk"

    def dispatch(self, request, *args, **kwargs):
        self.organised = get_object_or_404(self.records(), pk=kwargs[self.pk_url_kwarg])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        return may(self.request.user, self.permission_required, self.organised)

    def get_page_title(self):
        return f"{self.page_title}: {self.organised}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("collection:index"), "label": _("Collection")},
            {"url": "", "label": self.get_page_title()},
        ]


class InitiativeMixin(OrganisedMixin):
    records = staticmethod(collected_here)

    @property
    def initiative(self):
        return self.organised


class CollectionDashboard(InitiativeMixin, TemplateView):
    permission_required = FOLLOW
    records = staticmethod(followed)
    page_title = _("Collection dashboard")
    template_name = "organisers/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            initiative=self.initiative,
            can_destroy=may(self.request.user, DESTROY, self.initiative),
            can_key_in=may(self.request.user, KEY_IN, self.initiative),
            can_record_paper=may(self.request.user, RECORD_PAPER, self.initiative),
            **overview(self.initiative),
            paper_forms=form_links(self.initiative),
            **kwargs,
        )


class DownloadBundle(View):
    """The encrypted statements of one initiative, streamed (a POST, so that no prefetch or
    crawler can cause a download that the audit log would then record)."""

    def post(self, request, pk):
        initiative = get_object_or_404(collected_here(), pk=pk)
        if not may(request.user, FOLLOW, initiative):
            raise PermissionDenied
        count = initiative.statements.count()
        addresses = initiative.mailing_list.count()
        log(
            initiative, BUNDLE_DOWNLOADED, user=request.user,
            data={"total": count, "addresses": addresses},
        )  # fmt: skip
        lines = bundle_lines(
            initiative_record(initiative), count, stored_statements(initiative),
            mailing_list(initiative),
        )  # fmt: skip
        return bundle_response(
            lines, f"{slugify(initiative.registration_number)}-{timezone.localdate()}"
        )


def bundle_response(lines, name):
    """A bundle's lines as a download named `name`.bundle.jsonl, kept by no cache."""
    response = StreamingHttpResponse(lines, content_type="application/x-ndjson")
    response["Content-Disposition"] = f'attachment; filename="{name}.bundle.jsonl"'
    response["Cache-Control"] = "no-store"
    return response


class ConfirmDestroyForm(forms.Form):
    registration_number = forms.CharField(
        label=_("Type the registration number of the initiative to confirm"), max_length=50
    )
    reason = forms.CharField(
        label=_("Reason (kept in the audit log)"), max_length=500, widget=forms.Textarea
    )

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean_registration_number(self):
        value = self.cleaned_data["registration_number"].strip()
        if value != self.initiative.registration_number:
            raise forms.ValidationError(_("This is not the registration number of the initiative."))
        return value


class DestroyStatements(InitiativeMixin, FormView):
    permission_required = DESTROY
    page_title = _("Destroy the statements")
    template_name = "organisers/destroy.html"
    form_class = ConfirmDestroyForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "initiative": self.initiative}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            initiative=self.initiative,
            stored=self.initiative.statements.count(),
            hold=legal_hold(self.initiative),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            destroyed = destroy_statements(
                self.initiative,
                action=DESTROYED_ON_DEMAND,
                user=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except StatementsHeld:
            messages.error(self.request, HELD_MESSAGE)
            return redirect("collection:dashboard", pk=self.initiative.pk)
        count = sum(destroyed.values())
        messages.success(
            self.request,
            ngettext(
                "%(count)s statement was destroyed; the counts are kept.",
                "%(count)s statements were destroyed; the counts are kept.",
                count,
            )
            % {"count": count},
        )
        return redirect("collection:dashboard", pk=self.initiative.pk)
