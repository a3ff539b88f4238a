"""Guidance for organisers."""

import factory

from guidance.models import GuidanceIndexPage, GuidancePage

from .core import PublishedPageFactory


class GuidanceIndexPageFactory(PublishedPageFactory):
    title = "Organise an initiative"
    slug = "organise"
    show_in_menus = True

    class Meta:
        model = GuidanceIndexPage


class GuidancePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary = "What an organiser needs to know."

    class Meta:
        model = GuidancePage
