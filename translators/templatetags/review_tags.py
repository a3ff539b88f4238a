"""The translation editor of a translator who may not publish (translators/review.py)."""

import json

from django import template

from ..review import WAITING

register = template.Library()


@register.filter
def without_convert_to_alias(props):
    """wagtail-localize's editor props without "Convert to alias page": its editor makes the
    last of its actions the main button, which for a user who may not publish was this one."""
    props = json.loads(props)
    props["links"]["convertToAliasUrl"] = None
    return json.dumps(props)


@register.simple_tag
def waiting_for_review():
    return WAITING
