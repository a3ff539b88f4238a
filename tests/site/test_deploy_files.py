"""The deployment's files agree with each other and with the code: the composition fills in
every placeholder of the nginx and Varnish templates, names files that exist, and the image's
periodic jobs are commands the site has. (tests/deploy/ runs them; these checks are instant.)"""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
PLACEHOLDER = re.compile(r"\$\{(ECI_[A-Z_]+)\}")


@pytest.fixture(scope="module")
def compose():
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_the_composition_runs_the_site_behind_varnish_and_nginx(compose):
    services = compose["services"]
    assert {"db", "redis", "web", "jobs", "cache", "proxy"} <= set(services)
    assert services["web"]["command"] == ["web"] and services["jobs"]["command"] == ["jobs"]
    build = services["web"]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).is_file()
    assert services["proxy"]["environment"]["ECI_UPSTREAM"] == "cache:80"
    assert services["cache"]["environment"]["ECI_BACKEND_HOST"] == "web"
    assert services["web"]["environment"]["VARNISH_URL"] == "http://cache:80"


def test_the_composition_fills_in_every_placeholder(compose):
    services = compose["services"]
    nginx = set(PLACEHOLDER.findall((DEPLOY / "nginx" / "eci.conf.template").read_text()))
    varnish = set(PLACEHOLDER.findall((DEPLOY / "varnish" / "default.vcl").read_text()))
    assert nginx <= set(services["proxy"]["environment"])
    assert varnish <= set(services["cache"]["environment"])
    # Varnish's image fills nothing in itself: the entrypoint's sed replaces each placeholder.
    replaced = set(re.findall(r"\$\{(ECI_[A-Z_]+)\}\|", " ".join(services["cache"]["entrypoint"])))
    assert replaced == varnish
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (DEPLOY / source).exists(), source


def test_the_image_runs_commands_of_the_site():
    entrypoint = (DEPLOY / "entrypoint.sh").read_text()
    called = set(re.findall(r"python manage\.py ([a-z_]+)", entrypoint))
    assert {"migrate", "run_periodic_jobs"} <= called
    assert called <= set(get_commands()), called - set(get_commands())


def test_the_image_leaves_out_local_environments_and_data():
    ignored = (DEPLOY.parent / ".containerignore").read_text().split()
    assert {".git", ".venv", "var", "node_modules", "static_collected"} <= set(ignored)
