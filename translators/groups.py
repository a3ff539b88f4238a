"""The groups a site for 24 languages needs, shipped rather than clicked together.

Wagtail's own migrations create Editors and Moderators (every page, the whole tree). Each content
language other than the default one gets two more, on that language's tree only:

- "Translators (xx)": translate (wagtail-localize's submit_translation) and save drafts of the
  pages of language xx; they cannot publish.
- "Reviewers (xx)": the same, and publish in language xx. The language's workflow,
  "Translation review (xx)", has one step, approved by this group; it applies to the pages of
  that tree (a translation saved in the translation editor is a draft that a reviewer opens
  and publishes there).

Plus "Translation coordinators", who start a new content language (Settings → Locales, which
builds its tree and these groups: translators/languages.py), and "Organisers": the organisers'
custom permissions on the initiatives (the dashboard, paper
batches, keying in); which initiatives each organiser sees is the integrity checks' concern.
Idempotent: run after every `migrate` (post_migrate), when a language is started
(translators/languages.py), and by `manage.py setup_groups`.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

ORGANISER_PERMISSIONS = [
    "follow_collection", "record_paper_statements", "key_in_paper_statements",
]  # fmt: skip
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def translators_group_name(code):
    return f"Translators ({code})"


def reviewers_group_name(code):
    return f"Reviewers ({code})"


def _group(name, codenames):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    return group


def _page_permissions(group, page, codenames):
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def language_tree(locale):
    """The root page of `locale`'s tree on the default site, or None before it exists."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.get_translation_or_none(locale) if site else None


def setup_language_groups(locale):
    """The translators, reviewers and review workflow of one language; False before its tree
    exists."""
    home = language_tree(locale)
    if home is None or locale == Locale.get_default():
        return False
    code = locale.language_code
    everyday = ["access_admin", "submit_translation"]
    translators = _group(translators_group_name(code), everyday)
    reviewers = _group(reviewers_group_name(code), everyday)
    _page_permissions(translators, home, TRANSLATOR_PAGE_PERMISSIONS)
    _page_permissions(reviewers, home, REVIEWER_PAGE_PERMISSIONS)
    task, _created = GroupApprovalTask.objects.get_or_create(name=f"Review translation ({code})")
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(name=f"Translation review ({code})")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return True


def setup_groups(**kwargs):
    """Every group; also the post_migrate receiver."""
    _group("Organisers", ["access_admin", *ORGANISER_PERMISSIONS])
    _group(
        "Translation coordinators",
        ["access_admin", "submit_translation", "add_locale", "change_locale"],
    )
    for locale in Locale.objects.all():
        setup_language_groups(locale)
