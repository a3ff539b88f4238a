"""Real processes for the tests that need them: a private Redis, gunicorn instances, a fresh
PostgreSQL database. Every one picks a free port (or its own database name) and cleans up.

Issue 12 plans a reusable harness of this kind for its fault suite; when it lands, these tests can
move onto it (this module is deliberately small and self-contained).
"""

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.1)


def redis_ping(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
        connection.sendall(b"PING\r\n")
        return connection.recv(16).startswith(b"+PONG")


class RedisServer:
    """A private redis-server without persistence; `stop()` takes it away mid-test."""

    def __init__(self, workdir):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError("redis-server is missing (apt-get install redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(workdir)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: redis_ping(self.port), 10, "redis-server")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextlib.contextmanager
def redis_server(workdir):
    server = RedisServer(workdir)
    try:
        yield server
    finally:
        server.stop()


def production_env(workdir, **overrides):
    """The production settings on a loopback address, as the README documents them."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SIGNING_DEDUPE_SECRET": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(workdir / "static"),
        "ECI_VAR_DIR": str(workdir),
        "HTTPS_ONLY": "false",
        "SIGNING_RATE_LIMIT": "",
        **overrides,
    }


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


class Gunicorn:
    def __init__(self, env, workers=2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "eci_site.wsgi", "--bind",
             f"127.0.0.1:{self.port}", "--workers", str(workers), "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip

        def up():
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited")
            urllib.request.urlopen(self.url + "/healthz", timeout=2)  # noqa: S310
            return True

        wait_for(up, 30, "gunicorn")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)


@contextlib.contextmanager
def gunicorn(env, workers=2):
    server = Gunicorn(env, workers)
    try:
        yield server
    finally:
        server.stop()
