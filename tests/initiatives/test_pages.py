"""The initiative index and initiative pages: where they may be created, and that they route,
render and open in the editor."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import GuidancePage
from home.models import HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsIndexPage
from signing.models import SigningPage
from tests.factories import (
    InitiativeFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    TopicFactory,
    site_home,
)
from tests.pages import EditorPageTestCase


class InitiativePagesTests(EditorPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_home()
        cls.index = InitiativeIndexPageFactory(parent=cls.home)
        cls.topic = TopicFactory(name="Environment")
        cls.page = InitiativePageFactory(parent=cls.index, topics=[cls.topic])
        cls.external = InitiativePageFactory(
            parent=cls.index, initiative=InitiativeFactory(external=True)
        )

    def test_initiatives(self):
        self.assertPageTypeRules(
            {
                InitiativeIndexPage: ({HomePage}, {InitiativePage}),
                InitiativePage: ({InitiativeIndexPage}, {SigningPage}),
            },
            not_creatable=[
                (HomePage, InitiativePage),
                (NewsIndexPage, InitiativePage),
                (StandardPage, InitiativeIndexPage),
                (GuidancePage, InitiativePage),
            ],
        )

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        self.assertPagesServeAndEdit(self.index, self.page, self.external)

    def test_the_index_renders_with_its_filters(self):
        self.assertPageIsRenderable(self.index, query_data={"status": "collecting"})
        self.assertPageIsRenderable(self.index, query_data={"topic": self.topic.slug})

    def test_an_index_and_an_initiative_page_can_be_created(self):
        self.assertCanCreate(
            self.home, InitiativeIndexPage,
            nested_form_data({"title": "More initiatives", "intro": rich_text("")}),
        )  # fmt: skip
        record = InitiativeFactory()
        self.assertCanCreate(
            self.index,
            InitiativePage,
            nested_form_data({
                "title": "Quiet streets", "initiative": record.pk,
                "subject_matter": "Less noise.", "objectives": rich_text("<p>Quiet.</p>"),
                "annex": streamfield([]),
                "topic_links": inline_formset([{"topic": self.topic.pk}]),
            }),
        )  # fmt: skip
        created = InitiativePage.objects.get(slug="quiet-streets")
        self.assertEqual(created.initiative, record)
        self.assertEqual([link.topic for link in created.topic_links.all()], [self.topic])
