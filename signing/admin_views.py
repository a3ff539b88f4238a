"""The admin's answer to a second signing page under one initiative page.

Wagtail refuses one (SigningPage.max_count_per_parent) with a bare "Sorry, you do not have
permission to access this area". These two views, routed before Wagtail's own (eci_site.urls),
say why and lead to the signing page that exists; any other request goes on to Wagtail's view.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages import create as wagtail_create
from wagtail.models import Page

from .models import SigningPage


def existing_signing_page(parent_page_id):
    return SigningPage.objects.child_of(get_object_or_404(Page, id=parent_page_id)).first()


def explain_the_existing(request, signing_page):
    messages.warning(
        request,
        _(
            "This initiative already has its signing page, “%(title)s”: an initiative is signed "
            "on one page only. Edit that page instead of adding another."
        )
        % {"title": signing_page.title},
        buttons=[
            messages.button(reverse("wagtailadmin_pages:edit", args=[signing_page.id]), _("Edit"))
        ],
    )
    return redirect("wagtailadmin_explore", signing_page.get_parent().id)


@require_admin_access
def add_subpage(request, parent_page_id):
    existing = existing_signing_page(parent_page_id)
    if existing is not None:
        return explain_the_existing(request, existing)
    return wagtail_create.add_subpage(request, parent_page_id)


@require_admin_access
def create_signing_page(request, parent_page_id):
    existing = existing_signing_page(parent_page_id)
    if existing is not None:
        return explain_the_existing(request, existing)
    return wagtail_create.CreateView.as_view()(request, "signing", "signingpage", parent_page_id)
