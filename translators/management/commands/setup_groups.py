from django.core.management.base import BaseCommand

from translators.groups import setup_groups


class Command(BaseCommand):
    help = (
        "Create or complete the Organisers group and, per content language, its Translators "
        "and Reviewers groups and translation review workflow (also run after every migrate)."
    )

    def handle(self, *args, **options):
        setup_groups()
        self.stdout.write("Groups and translation workflows are in place.")
