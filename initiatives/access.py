"""Who may reach an initiative's collection: its organisers, and superusers.

Each initiative has its own group, "Organisers of <registration number>", made with it
(`ensure_organisers_group`, connected in the app's `ready`); an administrator adds users to it in
Settings → Groups or Users. A permission (`initiatives.follow_collection`, `destroy_statements`,
`key_in_paper_statements`, `record_paper_statements`) says WHAT a user may do; membership of the
group says for WHICH initiative. Every view of one initiative's statements asks both:
`may(user, permission, initiative)`. A permission held by someone in no initiative's group
reaches none.

A group per initiative rather than object permissions: Wagtail has object permissions for pages
and collections only, not for snippets, and django-guardian would add a dependency and a screen
of its own, where Wagtail's group and user screens already say who is in which group. The group
also carries `follow_collection` and admin access, so adding a user to it is all it takes to
follow that one collection.
"""

from django.contrib.auth.models import Group, Permission

# What the group of an initiative's organisers may do from the start: follow its collection.
ORGANISERS_START_WITH = (("wagtailadmin", "access_admin"), ("initiatives", "follow_collection"))


def group_name(initiative):
    return f"Organisers of {initiative.registration_number}"


def organised_by(user, initiatives):
    """The initiatives of the queryset `initiatives` whose organisers include `user`."""
    if not user.is_active:
        return initiatives.none()
    if user.is_superuser:
        return initiatives
    return initiatives.filter(organisers_group__user=user)


def is_organiser(user, initiative):
    if not user.is_active or initiative.pk is None:
        return False
    if user.is_superuser:
        return True
    return initiative.organisers_group_id is not None and (
        user.groups.filter(pk=initiative.organisers_group_id).exists()
    )


def may(user, permission, initiative):
    """Whether `user` holds `permission` AND organises `initiative` (superusers: always)."""
    return user.has_perm(permission) and is_organiser(user, initiative)


def ensure_organisers_group(sender, instance, **kwargs):
    """post_save of Initiative: its organisers' group exists and is named after it."""
    if kwargs.get("raw"):
        return
    name = group_name(instance)
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
