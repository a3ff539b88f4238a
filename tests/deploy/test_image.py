"""The site's container image (deploy/Containerfile), built FROM a Debian made by debootstrap
from Debian's own packages (deploy/base-image.sh: no image registry is reachable here) and run
with Debian's podman: migrations on start, gunicorn answering, the demo loaded through the
image's `manage` command, one round of the periodic jobs. PostgreSQL and Redis are the harness's
private ones on the host (the container shares the host's network).

Marker `deploy`; prints `deploy:` figures (image size, build and start times).

This machine's podman needs three things said explicitly (docs/deployment.md): runc, since crun
1.8 refuses the VM's hybrid cgroups ("cgroups in hybrid mode not supported"); ulimits within the
VM's hard limits, since podman's default RLIMIT_NOFILE (1048576) is above them and the bounding set
lacks CAP_SYS_RESOURCE; and pip given the host's CA bundle, since the way out to PyPI intercepts
TLS with a CA of its own."""

import hashlib
import os
import resource
import secrets
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import FIGURES
from tests.harness import ROOT, PostgresCluster, RedisServer, free_port, wait_until

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(
        not shutil.which("podman") or os.geteuid() != 0,
        reason="needs Debian's podman, as root (make test-deploy installs it)",
    ),
]

# Named after deploy/base-image.sh's content: a change to it makes a new base.
BASE = (
    "localhost/eci-debian:bookworm-"
    + hashlib.sha256((ROOT / "deploy" / "base-image.sh").read_bytes()).hexdigest()[:12]
)
IMAGE = f"localhost/eci-site:test-{secrets.token_hex(3)}"
HOST_CA = Path("/etc/ssl/certs/ca-certificates.crt")


def podman_options():
    """runc and ulimits at this process's own hard limits (see the module's docstring)."""
    nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    return ["--runtime", "runc", "--ulimit", f"nofile={nofile}:{nofile}",
            "--ulimit", "nproc=4096:4096"]  # fmt: skip


def podman(*args, timeout=600, check=True):
    return subprocess.run(
        ["podman", *args], capture_output=True, text=True, timeout=timeout, check=check
    )


@pytest.fixture(scope="module")
def image():
    started = time.perf_counter()
    made_base = podman("image", "exists", BASE, check=False).returncode != 0
    if made_base:
        subprocess.run([ROOT / "deploy" / "base-image.sh", BASE], check=True, timeout=1200,
                       capture_output=True)  # fmt: skip
    base_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ca = ["--volume", f"{HOST_CA}:/run/build-ca.crt:ro", "--build-arg",
          "CA_BUNDLE=/run/build-ca.crt"] if HOST_CA.exists() else []  # fmt: skip
    build = podman("build", *podman_options(), "--network", "host", *ca, "--build-arg",
                   f"BASE={BASE}", "-f", str(ROOT / "deploy" / "Containerfile"), "-t", IMAGE,
                   str(ROOT), timeout=1800, check=False)  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    build_seconds = time.perf_counter() - started
    size = int(podman("image", "inspect", IMAGE, "--format", "{{.Size}}").stdout)
    FIGURES.append(
        f"deploy: image {size / 1e6:.0f} MB, built in {build_seconds:.0f} s on a base "
        + (f"made by debootstrap in {base_seconds:.0f} s" if made_base else "already there")
    )
    try:
        yield IMAGE
    finally:
        podman("rmi", "-f", IMAGE, check=False)


@pytest.fixture(scope="module")
def services():
    with PostgresCluster() as pg, RedisServer() as redis:
        yield {"database": pg.create_database("eci"), "redis": redis.url()}


@pytest.fixture(scope="module")
def site(image, services, tmp_path_factory):
    """The image's default command (web) with the production settings, on a free port."""
    port = free_port()
    name = f"eci-test-{secrets.token_hex(4)}"
    secret = f"{name}-dedupe"
    key_file = tmp_path_factory.mktemp("secrets") / "dedupe_key"
    key_file.write_text(secrets.token_urlsafe(40))
    podman("secret", "create", secret, str(key_file))
    environment = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SIGNING_DEDUPE_SECRET_FILE": "/run/secrets/dedupe_key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": "https://localhost",
        "DATABASE_URL": services["database"],
        "REDIS_URL": services["redis"],
        "SIGNING_TRUSTED_PROXIES": "127.0.0.1",
        "PORT": str(port),
        "WEB_WORKERS": "2",
    }
    env_options = [
        option for key, value in environment.items() for option in ("-e", f"{key}={value}")
    ]
    mounted = f"{secret},target=dedupe_key,uid=10001,mode=0400"  # the image's user, eci
    common = [*podman_options(), "--network", "host", "--secret", mounted, *env_options]
    started = time.perf_counter()
    podman("run", "-d", "--name", name, *common, image, "web")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: urllib.request.urlopen(url + "/healthz", timeout=2).status == 200,  # noqa: S310
                   300, "the container's gunicorn")  # fmt: skip
        FIGURES.append(
            f"deploy: container started, migrated an empty database and answered /healthz in "
            f"{time.perf_counter() - started:.1f} s"
        )
        yield {"name": name, "url": url, "image": image, "run": common}
    finally:
        logs = podman("logs", name, check=False)
        podman("rm", "-f", name, check=False)
        podman("secret", "rm", secret, check=False)
        print(logs.stderr[-2000:])


def get(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def test_one_round_of_the_periodic_jobs(site):
    """Every job once, in a second container of the image, on the freshly migrated database
    (before the demo: drawing its 243 paper forms would take minutes of this shared machine)."""
    started = time.perf_counter()
    jobs = podman("run", "--rm", *site["run"], site["image"], "jobs", "--once", timeout=600,
                  check=False)  # fmt: skip
    assert jobs.returncode == 0, jobs.stderr[-2000:]
    assert "failed" not in jobs.stderr
    FIGURES.append(
        f"deploy: one round of the periodic jobs in {time.perf_counter() - started:.1f} s"
    )


def test_the_container_migrated_and_serves_the_demo_loaded_through_its_manage_command(site):
    loaded = podman("exec", site["name"], "/opt/eci/app/deploy/entrypoint.sh", "manage",
                    "load_demo", timeout=900)  # fmt: skip
    assert "Demo content ready" in loaded.stdout
    status, headers, body = get(site["url"] + "/en/", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "public" in headers["Cache-Control"]
    # The static files collected in the image, served by whitenoise with hashed names.
    status, headers, _ = get(site["url"] + "/favicon.ico")
    assert status == 200
    migrations = podman("exec", site["name"], "python", "manage.py", "migrate", "--check",
                        check=False)  # fmt: skip
    assert migrations.returncode == 0, migrations.stdout  # all applied on start


def test_the_container_runs_as_its_own_user_with_no_development_packages(site):
    probe = "id -un; python -c 'import pytest' 2>&1 | tail -1; command -v espeak-ng"
    found = podman("exec", site["name"], "sh", "-c", probe)
    user, pytest_import, espeak = found.stdout.splitlines()
    assert user == "eci"
    assert "No module named 'pytest'" in pytest_import
    assert espeak == "/usr/bin/espeak-ng"  # the audio CAPTCHA


def test_check_deploy_in_the_container(site):
    check = podman("exec", site["name"], "python", "manage.py", "check", "--deploy",
                   "--fail-level", "WARNING", check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
