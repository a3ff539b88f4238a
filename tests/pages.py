"""Wagtail's page assertions (WagtailPageTestCase) for a site whose URLs carry the language.

Wagtail's `assertPageIsRoutable` routes `page.get_url()` from the site's root page, prefix and
all; behind `i18n_patterns` the first component is the language (`/en/…`), which Django's URL
resolver, not the page tree, consumes. This routes what follows the prefix, in that language,
exactly as `wagtail.views.serve` is reached through `i18n_patterns`.
"""

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from tests.factories import site_home


class PageTestCase(WagtailPageTestCase):
    def assertPageIsRoutable(self, page, route_path="/", msg=None):  # noqa: N802 (Wagtail's name)
        url = page.get_url(self.dummy_request)
        if route_path != "/":
            url = url.rstrip("/") + "/" + route_path.lstrip("/")
        language, _slash, rest = url.lstrip("/").partition("/")
        site = page.get_site()
        self.assertIsNotNone(site, msg or f"{page} belongs to no site")
        try:
            with translation.override(language):
                routed = site.root_page.localized.specific.route(
                    self.dummy_request, [part for part in rest.split("/") if part]
                )
        except Http404 as error:
            raise self.failureException(
                self._formatMessage(msg, f"{url} for {type(page).__name__} {page} is a 404")
            ) from error
        return routed


class EditorPageTestCase(PageTestCase):
    """Page tests with a superuser signed in to the admin (assertCanCreate posts its forms)."""

    def setUp(self):
        super().setUp()
        # WagtailTestUtils' superuser, signed in without the password path: django-axes needs the
        # request, which the test client's login() does not hand to authenticate().
        self.client.force_login(self.create_test_user())

    def assertEditScreenOpens(self, page):  # noqa: N802
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200, f"the edit screen of {page}")

    def assertPagesServeAndEdit(self, *pages):  # noqa: N802
        """Each page routes, renders and opens in the editor."""
        for page in pages:
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertEditScreenOpens(page)

    def assertPageTypeRules(self, rules, not_creatable=()):  # noqa: N802
        """The tree's rules as a table: `rules` maps a page type to its (allowed parent types,
        allowed subpage types); `not_creatable` lists (parent type, page type) pairs refused."""
        for page_type, (parents, subpages) in rules.items():
            self.assertAllowedParentPageTypes(page_type, parents)
            self.assertAllowedSubpageTypes(page_type, subpages)
        for parent, page_type in not_creatable:
            self.assertCanNotCreateAt(parent, page_type)


class SectionPageTestCase(EditorPageTestCase):
    """A section of the site built once per class: its index page (`index_factory`) under the
    home page and one page (`page_factory`) under the index."""

    index_factory = page_factory = None

    @classmethod
    def setUpTestData(cls):
        cls.home = site_home()
        cls.index = cls.index_factory(parent=cls.home)
        cls.page = cls.page_factory(parent=cls.index)
