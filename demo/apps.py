from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its loader (`manage.py load_demo`); nothing imports this app."""

    name = "demo"
