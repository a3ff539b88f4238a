"""The one StreamField block library every page type draws from.

Each block carries a description and a preview value, so editors see what it looks like in the
block picker before they insert it.
"""

import types

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def paragraph(text):
    """Rich text of one paragraph, for a preview value."""
    return format_html("<p>{}</p>", text)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = _("A heading that starts a section of the page")
        # Callables: evaluated when previewed, in the editor's language.
        preview_value = staticmethod(
            lambda: {"text": gettext("Choosing the software"), "level": "h2"}
        )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step title"))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("What to do"))


def headed_list(name, item, label, **meta):
    """A block class: a list of at least one `item` block, stored under `name`, below an
    optional heading of its own; `meta` holds its Meta options (icon, template, ...)."""
    fields = {
        "heading": blocks.CharBlock(required=False, label=_("Heading")),
        name: blocks.ListBlock(item, min_num=1, label=label),
        "Meta": type("Meta", (), meta),
        "__module__": __name__,
    }
    # As a class statement would make it: through Wagtail's metaclass, which collects the blocks.
    return types.new_class(
        f"{name.title()}Block", (blocks.StructBlock,), exec_body=lambda ns: ns.update(fields)
    )


StepsBlock = headed_list(
    "steps", StepBlock(), _("Steps"), icon="list-ol", template="blocks/steps.html",
    description=_("Numbered steps a reader follows in order"),
    preview_value=staticmethod(lambda: {"heading": gettext("Three stages"), "steps": [
        {"title": gettext("Choose the software"), "body": paragraph(gettext("Reuse or build."))},
        {"title": gettext("Find a host"), "body": paragraph(gettext("In an EU member state."))},
        {"title": gettext("Certify the system"),
         "body": paragraph(gettext("With the competent authority."))},
    ]}),
)  # fmt: skip


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("important", _("Important")), ("tip", _("Tip"))],
        default="info",
        label=_("Kind"),
    )
    title = blocks.CharBlock(required=False, label=_("Title"))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        description = _("A highlighted box for a note, a warning or a tip")
        preview_value = staticmethod(
            lambda: {
                "kind": "important",
                "title": gettext("Data stays in the EU"),
                "body": paragraph(
                    gettext("The data must be stored on the territory of a member state.")
                ),
            }
        )


class LinkBlock(blocks.StructBlock):
    """A link to a page, a document or another site: exactly one of the three."""

    title = blocks.CharBlock(label=_("Link text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    document = DocumentChooserBlock(
        required=False, label=pgettext_lazy("a file in the CMS", "Document")
    )
    url = blocks.URLBlock(required=False, label=_("External address"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    def clean(self, value):
        value = super().clean(value)
        targets = [value.get("page"), value.get("document"), value.get("url")]
        if sum(1 for target in targets if target) != 1:
            # A message on the link as a whole: no one of its fields is wrong by itself.
            raise blocks.StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Choose exactly one of page, document or external address."))
                ]
            )
        return value


LinksBlock = headed_list(
    "links", LinkBlock(), _("Links"), icon="link", template="blocks/link_list.html",
    description=_("A list of documents, pages or external links"),
    preview_value=staticmethod(lambda: {"heading": gettext("Documents"), "links": [
        {"title": gettext("Technical specifications"), "url": "https://eur-lex.europa.eu/"},
    ]}),
)  # fmt: skip


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = _("A quotation with its source")
        preview_value = staticmethod(
            lambda: {
                "quote": gettext("Every voice counts."),
                "attribution": gettext("An organiser"),
            }
        )


class ResponsiveImageBlock(ImageBlock):
    """Wagtail's image block with the alt text chosen where it is used, rendered as a <picture>
    (AVIF, WebP, JPEG in three widths: blocks/image.html).

    Wagtail deconstructs every ImageBlock subclass as ImageBlock itself, so this template-only
    subclass changes no migration.
    """

    class Meta:
        template = "blocks/image.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        description=_("Running text"),
        # Lazy, not a callable: constructor arguments are part of the migrations, which record
        # the English text, as before.
        preview_value=format_lazy(
            "<p>{}</p>", _("Organisers must find a hosting provider in a member state.")
        ),
        template="blocks/paragraph.html",
    )
    steps = StepsBlock()
    callout = CalloutBlock()
    links = LinksBlock()
    quote = QuoteBlock()
    image = ResponsiveImageBlock(
        label=_("Image"), description=_("An image with its alternative text")
    )
