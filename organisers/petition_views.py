"""A petition's collection in the organisers' admin: its dashboard and its encrypted bundle.

As for an initiative (organisers.views), each view asks the permission
(`initiatives.follow_collection`, which the petition's organisers' group carries) AND membership
of that petition's group, or a superuser (core.access.may); anyone else gets 403. Only counts
are read: the signatures are encrypted to the organisers' key, and the bundle carries them so.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.log_actions import log

from core.access import may
from petitions.bundle import petition_bundle
from petitions.fields import residence_choices
from petitions.figures import counted
from petitions.models import Petition, UpdatesAddress

from .audit import PETITION_BUNDLE_DOWNLOADED
from .views import FOLLOW, OrganisedMixin, bundle_response


class PetitionDashboard(OrganisedMixin, TemplateView):
    permission_required = FOLLOW
    records = staticmethod(Petition.objects.all)
    pk_url_kwarg = "petition_pk"
    page_title = _("Collection dashboard")
    template_name = "organisers/petition_dashboard.html"

    def get_context_data(self, **kwargs):
        petition = self.organised
        figures = counted(petition)  # afresh: the public pages' figures may be minutes old
        names = dict(residence_choices())
        return super().get_context_data(
            petition=petition,
            record=[
                (capfirst(Petition._meta.get_field(name).verbose_name), value)
                for name, value in (
                    ("addressee", petition.addressee),
                    ("target", petition.target),
                    ("closes_on", petition.closes_on),
                    ("status", petition.get_status_display()),
                    ("delivered_on", petition.delivered_on),
                    ("delivery_record", petition.delivery_record),
                )
            ],
            can_edit=self.request.user.has_perm("petitions.change_petition"),
            figures=figures,
            online=figures.total - figures.paper,
            countries=[(names.get(code, code), n) for code, n in figures.countries.items()],
            batches=list(petition.paper_batches.order_by("collected_on", "country")),
            # The confirmed signers' addresses, on the organisers' list or a partner's.
            updates=UpdatesAddress.objects.filter(petition=petition, signature=None).count(),
            updates_label=UpdatesAddress._meta.verbose_name_plural,
            **kwargs,
        )


class DownloadPetitionBundle(View):
    """The confirmed signatures of one petition, encrypted, streamed (a POST, as for an
    initiative's bundle: no prefetch or crawler can cause a download the audit log records)."""

    def post(self, request, petition_pk):
        petition = get_object_or_404(Petition, pk=petition_pk)
        if not may(request.user, FOLLOW, petition):
            raise PermissionDenied
        lines, counts = petition_bundle(petition)
        log(petition, PETITION_BUNDLE_DOWNLOADED, user=request.user, data=counts)
        return bundle_response(lines, f"petition-{petition.pk}-{timezone.localdate()}")
