"""News pages: where they may be created, and that they route, render and open in the editor."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.models import GuidancePage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.pages import SectionPageTestCase


class NewsPagesTests(SectionPageTestCase):
    index_factory, page_factory = NewsIndexPageFactory, NewsPageFactory

    def test_news(self):
        self.assertPageTypeRules(
            {NewsIndexPage: ({HomePage}, {NewsPage}), NewsPage: ({NewsIndexPage}, set())},
            not_creatable=[(GuidancePage, NewsPage)],
        )

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        self.assertPagesServeAndEdit(self.index, self.page)
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
