from django import template

from ..legal_text import legal_text_for

register = template.Library()


@register.simple_tag
def legal_text(initiative):
    """The Annex III declaration and privacy statement of the initiative's regime, in the page's
    language (signing.legal_text)."""
    return legal_text_for(initiative)
