from django import template

from ..mailing_list import UpdatesOptInForm

register = template.Library()


@register.inclusion_tag("signing/updates_form.html", takes_context=True)
def updates_opt_in(context):
    """The opt-in for the organisers' updates, blank and unticked, while the initiative collects
    (on the receipt: a step of its own, whose form is sent to the updates route)."""
    initiative = context["initiative"]
    return {
        "form": UpdatesOptInForm() if initiative.is_collecting() else None,
        "page": context["page"],
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
        "embedded": context.get("embedded"),  # in a partner's frame the opt-in stays framed
    }
