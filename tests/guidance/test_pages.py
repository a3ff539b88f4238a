"""Guidance pages: where they may be created, and that they route, render and open in the
editor."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import HomePage
from tests.factories import GuidanceIndexPageFactory, GuidancePageFactory
from tests.pages import SectionPageTestCase


class GuidancePagesTests(SectionPageTestCase):
    index_factory, page_factory = GuidanceIndexPageFactory, GuidancePageFactory

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.subguide = GuidancePageFactory(parent=cls.page)

    def test_guidance(self):
        self.assertPageTypeRules(
            {
                GuidanceIndexPage: ({HomePage}, {GuidancePage}),
                GuidancePage: ({GuidanceIndexPage, GuidancePage}, {GuidancePage}),
            },
            not_creatable=[(HomePage, GuidancePage)],
        )

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        self.assertPagesServeAndEdit(self.index, self.page, self.subguide)

    def test_guides_can_be_created_under_the_index_and_under_a_guide(self):
        self.assertCanCreate(
            self.home, GuidanceIndexPage,
            nested_form_data({"title": "Guides", "slug": "guides", "intro": rich_text("")}),
        )  # fmt: skip
        data = {"title": "Deadlines", "summary": "When", "body": streamfield([])}
        self.assertCanCreate(self.index, GuidancePage, nested_form_data(data))
        self.assertCanCreate(self.page, GuidancePage, nested_form_data(data))
