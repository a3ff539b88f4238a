"""The admin's password reset, its mail through the outbox: the request answers at once,
whatever the mail server does (a slow or silent SMTP server held a worker for its timeout)."""

from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from .sending import queue


class PasswordResetForm(WagtailPasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        """As Django's, queued: plain text (the outbox sends text; Wagtail's reset mail has no
        HTML part unless a template adds one)."""
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        queue(subject, body, [to_email], from_email or "")
