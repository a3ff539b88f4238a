"""Which page type may be created where: strict parent and child rules."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import ContactPage, HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsIndexPage, NewsPage


class PageRulesTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {InitiativeIndexPage, GuidanceIndexPage, NewsIndexPage, StandardPage, ContactPage},
        )

    def test_initiatives(self):
        self.assertAllowedParentPageTypes(InitiativeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(InitiativeIndexPage, {InitiativePage})
        self.assertAllowedParentPageTypes(InitiativePage, {InitiativeIndexPage})
        self.assertCanNotCreateAt(HomePage, InitiativePage)
        self.assertCanNotCreateAt(NewsIndexPage, InitiativePage)

    def test_guidance(self):
        self.assertAllowedParentPageTypes(GuidanceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage})
        self.assertAllowedParentPageTypes(GuidancePage, {GuidanceIndexPage, GuidancePage})
        self.assertAllowedSubpageTypes(GuidancePage, {GuidancePage})
        self.assertCanNotCreateAt(HomePage, GuidancePage)

    def test_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(GuidancePage, NewsPage)

    def test_standard_and_contact_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        self.assertCanNotCreateAt(StandardPage, ContactPage)
        self.assertCanNotCreateAt(NewsPage, StandardPage)
