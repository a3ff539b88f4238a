"""The signing page: where it may be created (under an initiative page, one at most), and that
each of its routes (choose a country, a country's form, the receipt, the lookup) routes and
renders."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage
from initiatives.models import InitiativeIndexPage, InitiativePage
from signing.models import SigningPage
from tests.factories import InitiativePageFactory, StatementFactory, signing_tree
from tests.pages import EditorPageTestCase


class SigningPageTests(EditorPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.signing_page = signing_tree()
        cls.initiative_page = cls.signing_page.get_parent().specific
        cls.statement = StatementFactory(initiative=cls.initiative_page.initiative)

    def route(self, name, **kwargs):
        return self.signing_page.reverse_subpage(name, kwargs=kwargs or None)

    def test_it_sits_under_an_initiative_page_only(self):
        self.assertAllowedParentPageTypes(SigningPage, {InitiativePage})
        self.assertAllowedSubpageTypes(SigningPage, set())
        self.assertCanNotCreateAt(HomePage, SigningPage)
        self.assertCanNotCreateAt(InitiativeIndexPage, SigningPage)

    def test_every_route_routes_and_renders(self):
        routes = {
            "choose_country": self.route("choose_country"),
            "statement_form": self.route("statement_form", country="bg"),
            "part_a_form": self.route("statement_form", country="de"),
            "receipt": self.route("receipt", identifier=str(self.statement.pk)),
            "lookup": self.route("lookup"),
        }
        for name, route_path in routes.items():
            with self.subTest(route=name):
                self.assertPageIsRoutable(self.signing_page, route_path or "/")
                self.assertPageIsRenderable(self.signing_page, route_path or "/")
        self.assertPageIsRenderable(
            self.signing_page, self.route("lookup"), query_data={"identifier": self.statement.pk}
        )
        self.assertPageIsRenderable(
            self.signing_page, query_data={"country": "BG"}, accept_redirect=True
        )

    def test_unknown_steps_do_not_route(self):
        for route_path in ("xx/", "receipt/not-an-identifier/", "nothing/"):
            with self.subTest(route=route_path):
                self.assertPageIsRenderable(self.signing_page, route_path, accept_404=True)
        with self.assertRaises(AssertionError):
            self.assertPageIsRoutable(self.signing_page, "nothing/")

    def test_it_opens_in_the_editor(self):
        self.assertEditScreenOpens(self.signing_page)

    def test_one_can_be_created_under_an_initiative_page_without_one(self):
        other = InitiativePageFactory(parent=self.initiative_page.get_parent())
        self.assertCanCreate(
            other, SigningPage, nested_form_data({"title": "Sign", "intro": rich_text("")})
        )
        self.assertEqual(SigningPage.objects.child_of(other).count(), 1)

    def test_a_second_signing_page_cannot_be_added(self):
        parent = self.initiative_page
        self.assertTrue(SigningPage.objects.child_of(parent).exists())
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=["signing", "signingpage", parent.pk])
        )
        self.assertIn(response.status_code, (302, 403))

    def test_a_second_signing_page_is_refused_with_the_reason(self):
        parent = self.initiative_page
        edit_existing = reverse("wagtailadmin_pages:edit", args=[self.signing_page.pk])
        for url in (
            reverse("wagtailadmin_pages:add_subpage", args=[parent.pk]),
            reverse("wagtailadmin_pages:add", args=["signing", "signingpage", parent.pk]),
        ):
            with self.subTest(url=url):
                response = self.client.get(url, follow=True)
                self.assertEqual(
                    response.redirect_chain[0][0],
                    reverse("wagtailadmin_explore", args=[parent.pk]),
                )
                html = response.content.decode()
                self.assertIn("already has its signing page", html)
                self.assertIn(edit_existing, html)
                self.assertNotIn("you do not have permission", html)
