"""Petition pages: where they may be created, and that they route, render and open in the editor."""

from home.models import HomePage
from petitions.models import PetitionIndexPage, PetitionPage
from tests.factories import site_home
from tests.factories.petitions import PetitionIndexPageFactory, PetitionPageFactory
from tests.pages import EditorPageTestCase


class PetitionPagesTests(EditorPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_home()
        cls.index = PetitionIndexPageFactory(parent=cls.home)
        cls.petition = PetitionPageFactory(parent=cls.index)

    def test_a_petition_sits_under_the_petitions_index_under_a_home_page(self):
        self.assertPageTypeRules(
            {
                PetitionIndexPage: ({HomePage}, {PetitionPage}),
                PetitionPage: ({PetitionIndexPage}, set()),
            }
        )

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        self.assertPagesServeAndEdit(self.index, self.petition)

    def test_the_index_lists_its_petitions(self):
        html = self.client.get(self.index.url).content.decode()
        assert self.petition.title in html and self.petition.summary in html
