"""The custom permissions read whole in Wagtail's group editor (issue 24): it drops a label's
last words when they are the model's name, and "… of an initiative" showed as "… of an"."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.users.templatetags.wagtailusers_tags import normalize_permission_label

pytestmark = pytest.mark.django_db

PROJECT_APPS = ["initiatives", "signing", "organisers", "home", "translators"]


def test_every_custom_permission_label_is_shown_whole():
    custom = Permission.objects.filter(content_type__app_label__in=PROJECT_APPS).exclude(
        codename__regex=r"^(add|change|delete|view|publish|lock|unlock)_"
    )
    assert custom.count() >= 4
    for permission in custom:
        assert normalize_permission_label(permission) == permission.name
