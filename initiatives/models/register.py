"""The text the Commission registered, one row per language version, on the record.

The register publishes each language version of an initiative's title and objectives. They are
the law's text, not the site's: no translator may change them, and a page must never show
another version than the register's. So they live on the record (not translated, one for every
language), filled only by the register import (initiatives.register_import), and each language's
initiative page derives its title and objectives from the row of its language
(InitiativePage.registered_text). Records typed in by hand have no rows: their pages keep their
own translated text.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from core.blocks import RICH_TEXT_FEATURES

from .records import Initiative


class RegisteredText(Orderable):
    initiative = ParentalKey(Initiative, on_delete=models.CASCADE, related_name="registered_texts")
    language = models.CharField(max_length=2, verbose_name=_("Language"))
    title = models.CharField(max_length=500, verbose_name=_("Title"))
    # As the register gives it, cleaned to the rich text the site's editors may write.
    objectives = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("objectives"))
    # The central system's signing page in this language, and the decision to register in it.
    support_link = models.URLField(
        max_length=500, blank=True, verbose_name=_("address of the online collection system")
    )
    decision_url = models.URLField(
        max_length=500, blank=True, verbose_name=_("the Commission's decision to register")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("registered text")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "language"], name="one_registered_text_per_language"
            )
        ]

    def __str__(self):
        return f"{self.initiative_id}/{self.language}: {self.title}"


def registered_text(initiative, language):
    """The registered text a page in `language` shows: that language's version, else the
    version the initiative was registered in (a language the register has no version in), else
    None for a record typed in by hand."""
    texts = {text.language: text for text in initiative.registered_texts.all()}
    if not texts:
        return None
    return (
        texts.get(language)
        or texts.get(initiative.registered_language)
        or min(texts.values(), key=lambda text: text.language)
    )


# The documents of the Commission's answer, by the register's name for each.
ANSWER_DOCUMENTS = {
    "COMMUNICATION": _("Communication"),
    "FOLLOW_UP": _("Follow-up"),
    "PRESS_RELEASE": _("Press release"),
    "ANNEX": _("Annex"),
}


def answer_links(initiative, language):
    """[(label, address)] of the Commission's answer, each in `language` where the register
    has it."""
    return [
        (ANSWER_DOCUMENTS.get(document["kind"], document["kind"]),
         document["urls"].get(language) or document["url"])
        for document in initiative.answer_documents
    ]  # fmt: skip
