from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses: blocks, crypto, CAPTCHA, security middleware, cache versions."""

    name = "core"

    def ready(self):
        from . import checks  # noqa: F401 (registers the deployment check)
        from .content_version import connect_page_tree

        connect_page_tree()
