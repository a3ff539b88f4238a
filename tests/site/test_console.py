"""One console line per warning under `make run` (DEBUG): Django's own console handler printed
each warning of django.* a second time through the root's."""

import logging

from django.conf import settings
from django.test import override_settings
from django.utils.log import configure_logging


def test_a_warning_is_printed_once_in_development(capsys):
    try:
        with override_settings(DEBUG=True):
            configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
            logging.getLogger("django.request").warning("Not Found: /favicon.png")
            logging.getLogger("signing").warning("a warning of the site's own")
        printed = capsys.readouterr().err.splitlines()
    finally:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    assert printed.count("Not Found: /favicon.png") == 1
    assert printed.count("a warning of the site's own") == 1
