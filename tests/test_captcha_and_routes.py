"""The single-use CAPTCHA check and the page route cache."""

import datetime

import pytest
from captcha.models import CaptchaStore
from django import forms
from django.core.cache import cache
from django.utils import timezone

from core.captcha import SingleUseCaptchaField
from guidance.models import GuidancePage

pytestmark = pytest.mark.django_db


class CaptchaForm(forms.Form):
    captcha = SingleUseCaptchaField()


def challenge():
    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def test_a_challenge_passes_once():
    key, answer = challenge()
    assert CaptchaForm({"captcha_0": key, "captcha_1": answer.upper()}).is_valid()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": answer}).is_valid()


def test_a_wrong_answer_uses_up_the_challenge():
    key, answer = challenge()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": "wrong"}).is_valid()
    assert not CaptchaForm({"captcha_0": key, "captcha_1": answer}).is_valid()


def test_an_expired_challenge_fails():
    key, answer = challenge()
    CaptchaStore.objects.filter(hashkey=key).update(
        expiration=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert not CaptchaForm({"captcha_0": key, "captcha_1": answer}).is_valid()


def test_cached_route_follows_unpublishing_and_slug_changes(client):
    url = "/en/organise/prepare-online-collection-system/certification/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # served from the cached route
    page = GuidancePage.objects.get(slug="certification", locale__language_code="en")
    page.unpublish()
    assert client.get(url).status_code == 404
    page.save_revision().publish()
    assert client.get(url).status_code == 200
    page.slug = "certifying"
    page.save_revision().publish()
    assert client.get(url).status_code == 404
    assert client.get(url.replace("certification", "certifying")).status_code == 200


def test_cached_route_keeps_the_language(client):
    assert '<html lang="en"' in client.get("/en/organise/").content.decode()
    assert '<html lang="bg"' in client.get("/bg/organise/").content.decode()
    assert "Организиране на инициатива" in client.get("/bg/organise/").content.decode()


def test_cached_chrome_follows_the_site_identity_and_page_titles(client):
    from home.models import SiteIdentity, StandardPage

    assert "Citizens&#x27; Initiatives" in client.get("/en/organise/").content.decode()
    identity = SiteIdentity.objects.get(locale__language_code="en")
    identity.site_name = "Initiatives Europe"
    identity.save()
    assert "Initiatives Europe" in client.get("/en/organise/").content.decode()
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "About citizens' initiatives"
    about.save_revision().publish()
    menu = client.get("/en/organise/").content.decode().split('class="main-menu"')[1]
    assert "About citizens&#x27; initiatives" in menu.split("</nav>")[0]


def test_a_view_restriction_added_later_still_applies_to_the_signing_page(client):
    from wagtail.models import Page, PageViewRestriction

    url = "/en/initiatives/clean-air-around-every-school/sign/"
    assert client.get(url).status_code == 200  # "no restriction" is now cached
    initiative_page = Page.objects.get(
        slug="clean-air-around-every-school", locale__language_code="en"
    )
    PageViewRestriction.objects.create(
        page=initiative_page, restriction_type=PageViewRestriction.PASSWORD, password="hidden"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()  # Wagtail's password form, not ours


def test_cached_breadcrumbs_follow_a_renamed_parent(client):
    url = "/en/organise/prepare-online-collection-system/certification/"
    assert "Prepare your online collection system" in client.get(url).content.decode()
    parent = GuidancePage.objects.get(
        slug="prepare-online-collection-system", locale__language_code="en"
    )
    parent.title = "Getting the collection system ready"
    parent.save_revision().publish()
    trail = client.get(url).content.decode().split('class="breadcrumbs')[1].split("</nav>")[0]
    assert "Getting the collection system ready" in trail


def test_the_registered_information_follows_the_initiative(client):
    from initiatives.models import Initiative

    url = "/en/initiatives/clean-air-around-every-school/sign/bg/"
    assert "Maria Ivanova" in client.get(url).content.decode()
    initiative = Initiative.objects.get(registration_number="DEMO(2026)000001")
    organiser = initiative.organisers.get(name="Maria Ivanova")
    organiser.name = "Maria Petrova"
    organiser.save()
    initiative.save()
    assert "Maria Petrova" in client.get(url).content.decode()


def test_a_change_sets_a_new_version_again_once_committed(django_capture_on_commit_callbacks):
    from core.content_version import current_version

    page = GuidancePage.objects.get(slug="certification", locale__language_code="en")
    before = current_version()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        during = current_version()
    assert before != during != current_version()


def test_the_initiative_page_follows_its_initiative_and_counts_every_statement(client):
    from initiatives.models import Initiative

    from .signing_helpers import bulgarian, sign

    url = "/en/initiatives/clean-air-around-every-school/"
    html = client.get(url).content.decode()
    assert "Collecting signatures" in html and "Maria Ivanova" in html
    assert 'id="progress-total" max="1000000" value="0"' in html
    assert sign(client, "BG", **bulgarian()).status_code == 302
    cache.clear()  # the public counts are a snapshot: it expires (PUBLIC_COUNTS_SECONDS)
    assert 'id="progress-total" max="1000000" value="1"' in client.get(url).content.decode()
    initiative = Initiative.objects.get(registration_number="DEMO(2026)000001")
    initiative.organisers.filter(name="Maria Ivanova").update(name="Maria Petrova")
    initiative.status = Initiative.Status.CLOSED
    initiative.save()
    html = client.get(url).content.decode()
    assert "Collection closed" in html and "Maria Petrova" in html
