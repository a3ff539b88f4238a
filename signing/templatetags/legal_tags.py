from django import template

from .. import legal_texts

register = template.Library()


@register.simple_tag
def legal_text(initiative):
    """The Annex III declaration and privacy statement of the initiative's regime, in the page's
    language (signing.legal_texts)."""
    return {
        "declaration": legal_texts.declaration(initiative),
        "privacy": legal_texts.privacy_statement(initiative),
    }
