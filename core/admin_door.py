"""The admin's door: a locked-out login's answer, and who must give a second factor.

Failed logins are counted by django-axes in the shared cache, per client address and per account
(settings: AXES_*): after 10 in a row, that address or that account is refused for 15 minutes,
the right password included, before any password is hashed; `locked_out` says so.

A second factor (TOTP, wagtail-2fa on django-otp) is required of every account that can reach
statements or publish (`needs_second_factor`): superusers, the holders of the collection's
permissions (the organisers: dashboard, encrypted bundles, keying in, destruction), and
whoever may publish pages or snippets. Other editors and translators log in with a password.
"""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import F
from django.shortcuts import render
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import views as wagtail_2fa_views
from wagtail_2fa.middleware import VerifyUserMiddleware

# The permissions that reach statements (initiatives' Meta.permissions).
STATEMENT_PERMISSIONS = (
    "initiatives.follow_collection",
    "initiatives.destroy_statements",
    "initiatives.key_in_paper_statements",
)


def needs_second_factor(user):
    if not user.is_active:
        return False
    if user.is_superuser or any(user.has_perm(name) for name in STATEMENT_PERMISSIONS):
        return True
    publishes = Permission.objects.filter(codename__startswith="publish_")
    if publishes.filter(group__user=user).exists() or publishes.filter(user=user).exists():
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


class SecondFactorMiddleware(VerifyUserMiddleware):
    """wagtail-2fa's check, for the accounts that need a second factor only."""

    def _require_verified_user(self, request):
        required = super()._require_verified_user(request)
        # Read by wagtail-2fa's menu hook: an account without the need keeps its menu.
        request.user.enable_2fa = required and needs_second_factor(request.user)
        return request.user.enable_2fa


def locked_out(request, original_response, credentials):
    """django-axes' answer to a login refused after too many failures (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "core/locked_out.html",
        {"minutes": minutes, "failures": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


class TokenForm(wagtail_2fa_forms.TokenForm):
    """wagtail-2fa's form for the code, naming the device to check it against: django-otp
    1.7.2 and later no longer try each of a user's devices in turn, and wagtail-2fa 1.8.0's
    form has no device field. The device the user used last (their only one, as a rule)."""

    def clean(self):
        device = (
            TOTPDevice.objects.filter(user=self.user, confirmed=True)
            .order_by(F("last_used_at").desc(nulls_last=True), "pk")
            .first()
        )
        if device is not None:
            self.cleaned_data["otp_device"] = device.persistent_id
        return super().clean()


class SecondFactorLoginView(wagtail_2fa_views.LoginView):
    form_class = TokenForm
