"""Initiatives → Registered initiatives → Import from the register (initiatives.register_import).

A registration number (GET: reading the register changes nothing) gives a preview: what the
import would change, field by field and per language, and which pages it would create or update.
The editor's confirmation (POST) carries that very entry back, signed, so that what is saved is
what was shown; it needs the permission to change initiatives, and to add one for a new record.
"""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies import ModelPermissionPolicy

from . import register_import
from .commission import REGISTRATION_NUMBER, ServiceError
from .models import Initiative

SALT = "initiatives.register-import"
PREVIEW_SECONDS = 3600
AS_THE_REGISTER_WRITES_IT = _("As the register writes it, for example ECI(2025)000006.")


class RegistrationNumberForm(forms.Form):
    number = forms.RegexField(
        regex=REGISTRATION_NUMBER,
        label=_("registration number"),
        help_text=AS_THE_REGISTER_WRITES_IT,
        error_messages={"invalid": AS_THE_REGISTER_WRITES_IT},
    )

    def clean_number(self):
        return self.cleaned_data["number"].strip()


class RegisterImportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = "change"
    permission_policy = ModelPermissionPolicy(Initiative)
    template_name = "initiatives/admin/register_import.html"
    page_title = _("Import from the register")
    header_icon = "download"
    # Given by the viewset (initiatives.wagtail_hooks).
    index_url_name = edit_url_name = import_url_name = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Initiative._meta.verbose_name_plural},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        form = RegistrationNumberForm(request.GET if "number" in request.GET else None)
        context = {"form": form}
        if form.is_bound and form.is_valid():
            number = form.cleaned_data["number"]
            try:
                entry = register_import.read(number)
            except ServiceError as error:
                message = error.message
                if error.kind == ServiceError.NOT_FOUND:
                    message = _("The register has no initiative %(number)s.") % {"number": number}
                form.add_error("number", message)
            else:
                context |= self.preview(entry)
        return self.render_to_response(self.get_context_data(**context))

    def preview(self, entry):
        return {
            "entry": entry,
            "changes": register_import.changes(entry),
            "pages": register_import.pages_plan(entry, self.request.user),
            "signed_entry": signing.dumps(entry, salt=SALT, compress=True),
        }

    def post(self, request, *args, **kwargs):
        try:
            entry = signing.loads(request.POST.get("entry", ""), salt=SALT, max_age=PREVIEW_SECONDS)
        except signing.BadSignature:
            messages.error(request, _("This preview is too old. Read the register again."))
            return redirect(self.import_url_name)
        number = entry["registration_number"]
        is_new = not Initiative.objects.filter(registration_number=number).exists()
        if is_new and not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        try:
            record = register_import.save(entry, request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(reverse(self.import_url_name) + f"?number={number}")
        messages.success(
            request, _("%(number)s was imported from the register.") % {"number": number}
        )
        return redirect(self.edit_url_name, record.pk)
