"""wagtail-localize's "Sync translated pages", publishing only where the user may publish, and
its machine translation, saying plainly when the service failed.

Its "Publish immediately" published every language the source is translated into, whoever asked:
a translator allowed to publish only German and Finnish published Bulgarian and Romanian too
(issue 22). Here the sync itself (the source's new strings, machine translation if asked) is
wagtail-localize's; the publishing is done per language, only where the user may publish the
translated page (or snippet), and the other languages keep their drafts for their reviewers.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.edit_translation import machine_translate
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .machine import MachineTranslationUnavailable


def may_publish(user, translation):
    target = translation.get_target_instance()
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    if isinstance(target, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(target)))
    return True  # nothing to publish: saving is all there is


class PublishWhereAllowedUpdateTranslationsView(UpdateTranslationsView):
    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        form.cleaned_data["publish_translations"] = False  # synced here, published below
        response = super().form_valid(form)
        if publish:
            refused = []
            for translation in self.object.translations.filter(enabled=True).select_related(
                "target_locale"
            ):
                if may_publish(self.request.user, translation):
                    with contextlib.suppress(ValidationError):  # as wagtail-localize does
                        translation.save_target(user=self.request.user, publish=True)
                else:
                    refused.append(translation.target_locale.get_display_name())
            if refused:
                messages.warning(
                    self.request,
                    _(
                        "Not published in %(languages)s: you may not publish in these languages. "
                        "Their translations keep their drafts for their reviewers."
                    )
                    % {"languages": ", ".join(sorted(refused))},
                )
        return response


@require_POST
def machine_translate_or_say_why(request, translation_id):
    """wagtail-localize's "Translate with …" button; a service that fails (down, over its quota)
    leaves every string as it was and says so, instead of a server error."""
    try:
        return machine_translate(request, translation_id)
    except MachineTranslationUnavailable:
        messages.error(
            request,
            _(
                "The machine translation service did not answer; nothing was changed. Try again "
                "later, or translate by hand."
            ),
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
