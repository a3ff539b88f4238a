"""The development server of `make run`: Django's (with static files, as staticfiles' own),
plus, with --admin-account NAME, the admin account made if missing and its address and
password printed after the server's start-up lines, where a developer looks."""

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand

from demo.admin_account import admin_message, ensure_admin


class Command(RunserverCommand):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--admin-account",
            metavar="USERNAME",
            help="Create this superuser if there is none; print the admin's address and password.",
        )

    def on_bind(self, server_port):
        super().on_bind(server_port)
        username = self._admin_account
        if username:
            username, password = ensure_admin(username)
            base_url = f"{self.protocol}://{self.addr}:{server_port}/"
            self.stdout.write(self.style.SUCCESS(admin_message(base_url, username, password)))

    def handle(self, *args, admin_account=None, **options):
        self._admin_account = admin_account
        super().handle(*args, **options)
