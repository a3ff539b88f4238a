"""The home, standard and contact pages: where they may be created, and that they route, render
and open in the editor."""

import re

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import ContactPage, HomeFeaturedInitiative, HomePage, StandardPage
from initiatives.models import InitiativeIndexPage, InitiativePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import (
    ContactPageFactory,
    InitiativeIndexPageFactory,
    InitiativePageFactory,
    StandardPageFactory,
    site_home,
)
from tests.pages import EditorPageTestCase


class HomePagesTests(EditorPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_home()
        cls.about = StandardPageFactory(parent=cls.home, title="About", slug="about")
        cls.contact = ContactPageFactory(parent=cls.home)

    def test_home_page_sits_under_the_root_and_holds_the_sections(self):
        sections = {
            InitiativeIndexPage,
            GuidanceIndexPage,
            NewsIndexPage,
            StandardPage,
            ContactPage,
        }
        self.assertPageTypeRules({HomePage: ({Page}, sections)})
        self.assertCanCreateAt(Page, HomePage)

    def test_standard_and_contact_pages(self):
        self.assertPageTypeRules(
            {
                StandardPage: ({HomePage, StandardPage}, {StandardPage}),
                ContactPage: ({HomePage}, set()),
            },
            not_creatable=[
                (StandardPage, ContactPage),
                (NewsPage, StandardPage),
                (GuidancePage, StandardPage),
                (InitiativePage, StandardPage),
            ],
        )

    def test_every_page_routes_renders_and_opens_in_the_editor(self):
        self.assertPagesServeAndEdit(self.home, self.about, self.contact)

    def test_a_standard_page_can_be_created_under_home_and_under_itself(self):
        data = {"title": "Privacy", "intro": "How we handle data", "body": streamfield([])}
        self.assertCanCreate(self.home, StandardPage, nested_form_data(data))
        self.assertCanCreate(self.about, StandardPage, nested_form_data({**data, "slug": "p2"}))

    def test_a_contact_page_can_be_created_with_its_fields(self):
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data({
                "title": "Write to us", "slug": "write", "intro": rich_text("<p>Hello</p>"),
                "thank_you_text": rich_text("<p>Thanks</p>"), "to_address": "",
                "from_address": "", "subject": "",
                "form_fields": inline_formset([
                    {"label": "Your name", "field_type": "singleline", "required": "on",
                     "choices": "", "default_value": "", "help_text": ""},
                ]),
            }),
        )  # fmt: skip
        created = ContactPage.objects.get(slug="write")
        self.assertEqual([field.label for field in created.form_fields.all()], ["Your name"])


@pytest.mark.django_db
def test_the_home_page_shows_its_featured_initiatives_as_cards(client):
    home = site_home()
    index = InitiativeIndexPageFactory(parent=home)
    featured = InitiativePageFactory(
        parent=index, title="Clean air around every school", initiative__real=True
    )
    InitiativePageFactory(parent=index, title="Not featured", initiative__real=True)
    # A test collection never stands beside real initiatives, even where an editor features it.
    test = InitiativePageFactory(parent=index, title="Training collection")
    HomeFeaturedInitiative.objects.create(page=home, initiative=featured)
    HomeFeaturedInitiative.objects.create(page=home, initiative=test)
    html = client.get(home.url).content.decode()
    cards = re.findall(r'<article class="card initiative-card">.*?</article>', html, re.S)
    assert len(cards) == 1 and "Clean air around every school" in cards[0]
