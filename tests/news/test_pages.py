"""News pages: where they may be created, and that they route, render and open in the editor."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.models import GuidancePage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, site_home
from tests.pages import EditorPageTestCase


class NewsPagesTests(EditorPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_home()
        cls.index = NewsIndexPageFactory(parent=cls.home)
        cls.item = NewsPageFactory(parent=cls.index)

    def test_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(GuidancePage, NewsPage)

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        for page in (self.index, self.item):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertEditScreenOpens(page)
        self.assertPageIsRenderable(self.index, query_data={"page": "2"})

    def test_news_can_be_created(self):
        self.assertCanCreate(
            self.home, NewsIndexPage,
            nested_form_data({"title": "Press", "intro": rich_text("")}),
        )  # fmt: skip
        self.assertCanCreate(
            self.index, NewsPage,
            nested_form_data({"title": "Launched", "date": "2026-05-01", "summary": "Now open",
                              "body": streamfield([])}),
        )  # fmt: skip
