"""A translator's way from the translation editor to a reviewer: "Submit for review".

wagtail-localize's translation editor keeps what a translator types as strings and writes the
page only when someone publishes it; it knows nothing of Wagtail's workflows, and for a user
who may not publish, the last of its actions, which it makes the main button, was "Convert to
alias page": the source's text on the public page at once, in place of the translation. So, for
the page's translators who may not publish it:

- "Submit for review" saves the translation as a draft revision of the page and starts the
  page's workflow ("Translation review (xx)", translators.groups); a reviewer of the language
  approves it, and Wagtail publishes that revision; or asks for changes, and the translator's
  next "Submit for review" resumes the workflow with the new draft.
- "Convert to alias page" is not offered, and its address refuses them: it publishes.

Those who may publish keep wagtail-localize's editor as it is.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias

SUBMIT = "submit-for-review"
WAITING = _(
    "This translation is waiting for its review: a reviewer of this language publishes it or "
    "asks you for changes."
)


def submit_from_translation_editor(request, page):
    """before_edit_page, ahead of wagtail-localize's own (this app's hooks come first): the
    translation editor's "Submit for review" (templates/wagtail_localize/admin/)."""
    if request.method != "POST" or request.POST.get("action") != SUBMIT:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    # In review: nothing to do. New, or sent back with changes asked for: the strings typed so
    # far become the page's draft, the revision a reviewer approves; the workflow starts, or
    # resumes as Wagtail's own editor resumes it.
    state = page.current_workflow_state
    if state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        try:
            translation.save_target(user=request.user, publish=False)
        except ValidationError as error:  # the page's own rules (InitiativePage.clean...)
            messages.error(request, " ".join(error.messages))
            return redirect("wagtailadmin_pages:edit", page.pk)
        if state is None:
            workflow.start(Page.objects.get(pk=page.pk).specific, request.user)
        else:
            state.resume(request.user)
    messages.success(request, WAITING)
    return redirect("wagtailadmin_pages:edit", page.pk)


def convert_to_alias_if_may_publish(request, page_id):
    """wagtail-localize's view asks only that the user may edit the page; converting replaces
    the public translation with the source's text, so it asks what publishing asks."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)


def convert_to_alias_for_publishers_only(menu_items, request, context):
    """construct_page_action_menu: Wagtail's editor of a translation no longer synced offers
    "Convert to alias page" (wagtail-localize's, order 0: the main button wherever "Save draft"
    is not shown, as on a page in review) only to those who may publish the page."""
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
