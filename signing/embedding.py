"""The signing flow as partners embed it (core.embedding), for an initiative's partners.

The statement form posts to its own address, and the blank form's page, built once for everyone
(signing/blank_form.py), has the flow's parameters filled in per request like its CSRF token.
Each function here is core.embedding's, with the partners of the initiative `initiative_id`.
"""

from core import embedding
from core.embedding import EMBED, PARTNER, is_embedded
from initiatives.partners import partner_origins

__all__ = ["EMBED", "PARTNER", "is_embedded"]


def partner_code(request, initiative_id):
    return embedding.partner_code(request, partner_origins(initiative_id))


def flow_parameters(request, initiative_id):
    return embedding.flow_parameters(request, partner_origins(initiative_id))


def with_flow(url, request, initiative_id, keep_partner=True):
    return embedding.with_flow(url, request, partner_origins(initiative_id), keep_partner)


def flow_links(request, initiative_id):
    return embedding.flow_links(request, partner_origins(initiative_id))


def framed_by_partners(response, initiative_id):
    return embedding.framed_by_partners(response, partner_origins(initiative_id))


def frame_if_embedded(request, response, initiative_id):
    return embedding.frame_if_embedded(request, response, partner_origins(initiative_id))
