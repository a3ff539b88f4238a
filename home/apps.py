from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from .routing import connect_invalidation

        connect_invalidation()
