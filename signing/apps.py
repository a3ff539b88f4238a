from django.apps import AppConfig


class SigningConfig(AppConfig):
    name = "signing"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
