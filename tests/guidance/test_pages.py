"""Guidance pages: where they may be created, and that they route, render and open in the
editor."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import HomePage
from tests.factories import (
    GuidanceIndexPageFactory,
    GuidancePageFactory,
    site_home,
)
from tests.pages import EditorPageTestCase


class GuidancePagesTests(EditorPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_home()
        cls.index = GuidanceIndexPageFactory(parent=cls.home)
        cls.guide = GuidancePageFactory(parent=cls.index)
        cls.subguide = GuidancePageFactory(parent=cls.guide)

    def test_guidance(self):
        self.assertAllowedParentPageTypes(GuidanceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage})
        self.assertAllowedParentPageTypes(GuidancePage, {GuidanceIndexPage, GuidancePage})
        self.assertAllowedSubpageTypes(GuidancePage, {GuidancePage})
        self.assertCanNotCreateAt(HomePage, GuidancePage)

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        for page in (self.index, self.guide, self.subguide):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertEditScreenOpens(page)

    def test_guides_can_be_created_under_the_index_and_under_a_guide(self):
        self.assertCanCreate(
            self.home, GuidanceIndexPage,
            nested_form_data({"title": "Guides", "slug": "guides", "intro": rich_text("")}),
        )  # fmt: skip
        data = {"title": "Deadlines", "summary": "When", "body": streamfield([])}
        self.assertCanCreate(self.index, GuidancePage, nested_form_data(data))
        self.assertCanCreate(self.guide, GuidancePage, nested_form_data(data))
