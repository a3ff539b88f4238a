"""Who may reach a collection — an initiative's statements, a petition's signatures: its
organisers, and superusers. The rule is declared here once, for both.

Each initiative and each petition has its own group, made with it and renamed with it
(`ensure_organisers_group`, connected in each app's `ready`; the model names it:
`organisers_group_name`); an administrator adds users to it in Settings → Groups or Users. A
permission (`initiatives.follow_collection`, `destroy_statements`, `key_in_paper_statements`,
`record_paper_statements`) says WHAT a user may do; membership of the group says for WHICH
initiative or petition. Every view of one collection asks both: `may(user, permission, record)`.
A permission held by someone in no organisers' group reaches none.

A group per record rather than object permissions: Wagtail has object permissions for pages
and collections only, not for snippets, and django-guardian would add a dependency and a screen
of its own, where Wagtail's group and user screens already say who is in which group. The group
also carries `follow_collection` and admin access, so adding a user to it is all it takes to
follow that one collection.
"""

from django.contrib.auth.models import Group, Permission

# What an organisers' group may do from the start: follow its collection. Petitions' groups too:
# the permission says what (the dashboard, the encrypted download), the group for which.
ORGANISERS_START_WITH = (("wagtailadmin", "access_admin"), ("initiatives", "follow_collection"))


def organised_by(user, records):
    """The initiatives or petitions of the queryset `records` whose organisers include `user`."""
    if not user.is_active:
        return records.none()
    if user.is_superuser:
        return records
    return records.filter(organisers_group__user=user)


def is_organiser(user, record):
    if not user.is_active or record.pk is None:
        return False
    if user.is_superuser:
        return True
    return record.organisers_group_id is not None and (
        user.groups.filter(pk=record.organisers_group_id).exists()
    )


def may(user, permission, record):
    """Whether `user` holds `permission` AND organises `record` (superusers: always)."""
    return user.has_perm(permission) and is_organiser(user, record)


def ensure_organisers_group(sender, instance, **kwargs):
    """post_save of Initiative or Petition: its organisers' group exists and is named after it."""
    if kwargs.get("raw"):
        return
    name = instance.organisers_group_name()
    if instance.organisers_group_id is None:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in=[app for app, _codename in ORGANISERS_START_WITH],
                codename__in=[codename for _app, codename in ORGANISERS_START_WITH],
            )
        )
        sender.objects.filter(pk=instance.pk).update(organisers_group=group)
        instance.organisers_group = group
    elif instance.organisers_group.name != name:
        Group.objects.filter(pk=instance.organisers_group_id).update(name=name)
