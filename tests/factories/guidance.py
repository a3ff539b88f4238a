"""Guidance for organisers."""

import factory

from guidance.models import GuidanceIndexPage, GuidancePage

from .core import PublishedPageFactory, section_index_factory

GuidanceIndexPageFactory = section_index_factory(
    GuidanceIndexPage, "Organise an initiative", "organise", show_in_menus=True
)


class GuidancePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "What an organiser needs to know."

    class Meta:
        model = GuidancePage


def online_collection_guide(home, title, slug):
    """home → Organise an initiative → Prepare your online collection system → a guide of
    `title` and `slug`, as the demo has them; returns those three pages."""
    index = GuidanceIndexPageFactory(parent=home)
    prepare = GuidancePageFactory(
        parent=index, title="Prepare your online collection system",
        slug="prepare-online-collection-system",
    )  # fmt: skip
    return index, prepare, GuidancePageFactory(parent=prepare, title=title, slug=slug)
