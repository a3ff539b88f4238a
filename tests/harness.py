"""Processes for system tests: a private PostgreSQL cluster, a private Redis and gunicorn.

Each one runs on a free port on 127.0.0.1, keeps its files in a temporary folder of its own,
and is a context manager that stops it and removes those files on the way out, whatever
happened. Nothing touches the machine's shared PostgreSQL (5432) or Redis (6379).

    from tests.harness import PostgresCluster, RedisServer, served_site

    with PostgresCluster() as pg, RedisServer() as redis:
        with served_site(redis, pg.create_database("eci")) as (env, [site]):
            # migrated, static files collected, demo loaded, gunicorn with 2 workers
            requests.get(site.url("/healthz"))
            site.kill_worker()                      # SIGKILL one worker; the master replaces it
        pg.restart()                                # or pg.stop() / pg.start()
        redis.stop(); redis.start()                 # same port, empty (no persistence)

Two instances of the site on one database and one Redis: `served_site(..., instances=2)` (each
picks its own port). Without a database URL the site gets a SQLite file in its own folder (the
browser suite; site_database(env) names it).

PostgreSQL binaries are looked up under /usr/lib/postgresql/<version>/bin (the newest); as root,
initdb, pg_ctl and postgres run as the `postgres` user through runuser (PostgreSQL refuses to
run as root). The cluster trusts local connections from user postgres, listens only on
127.0.0.1 and a private socket folder, and runs with fsync off (a test cluster; commits are
still synchronous, so that a crash of PostgreSQL loses no acknowledged commit).
"""

import contextlib
import glob
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if predicate():
                return
        time.sleep(0.1)
    raise TimeoutError(f"{what} not ready after {timeout} s")


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def stop_process(process, seconds):
    """Terminate `process` and wait `seconds` for it; kill it if it is still there."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


class _Process:
    """A context manager around start()/close(); close() is safe to call twice."""

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()


# --- PostgreSQL ----------------------------------------------------------------------------------


def postgres_bin_dir():
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name.split(".")[0]),
    )
    if not candidates:
        raise FileNotFoundError("no PostgreSQL under /usr/lib/postgresql/*/bin")
    return Path(candidates[-1]).parent


class PostgresCluster(_Process):
    """A private PostgreSQL cluster: initdb into a temporary folder, its own port."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.bin = postgres_bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="eci-pg-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.log = self.folder / "postgres.log"
        self.as_root = os.geteuid() == 0
        self.initialised = False

    def _run(self, *command, check=True):
        if self.as_root:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def start(self):
        if not self.initialised:
            self.sockets.mkdir(parents=True, exist_ok=True)
            if self.as_root:
                shutil.chown(self.folder, "postgres")
                shutil.chown(self.sockets, "postgres")
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                      "--auth=trust", "--no-sync", "-E", "UTF8", "--no-locale")  # fmt: skip
            self.initialised = True
        # fsync off is safe against a crash of PostgreSQL (the OS keeps what was written);
        # synchronous_commit stays on, as in production: with it off, a crash loses commits
        # that were acknowledged, and the site would have given receipts for them.
        options = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off")  # fmt: skip
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                  "-o", options, "-w", "-t", "60", "start")  # fmt: skip

    def stop(self, mode="fast"):
        """mode: "fast" (clients are disconnected, a clean shutdown) or "immediate" (a crash)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop",
                  check=False)  # fmt: skip

    def restart(self, mode="fast"):
        self.stop(mode)
        self.start()

    def url(self, database="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name):
        import psycopg

        with psycopg.connect(self.url().replace("postgres://", "postgresql://"),
                             autocommit=True) as admin:  # fmt: skip
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def close(self):
        if self.initialised and (self.data / "postmaster.pid").exists():
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


# --- Redis ------------------------------------------------------------------------------------


class RedisServer(_Process):
    """A private redis-server: its own port, no persistence (an empty cache after each start)."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="eci-redis-"))
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server (apt-get install redis-server)")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder), "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(lambda: port_open(self.port), 20, "redis-server")

    def stop(self):
        stop_process(self.process, 10)
        self.process = None

    def url(self, db=0):
        return f"redis://127.0.0.1:{self.port}/{db}"

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


# --- The site ----------------------------------------------------------------------------------


def site_environment(database_url=None, redis_url=None, **overrides):
    """The environment of eci_site.settings.production for a loopback test: plain HTTP, a fresh
    SECRET_KEY and dedupe key file, a var/ and STATIC_ROOT of its own, the rate limit off.
    Without `database_url`, a SQLite database in that folder (see site_database()).
    The folder is removed by remove_site_environment(env)."""
    folder = Path(tempfile.mkdtemp(prefix="eci-site-"))
    database_url = database_url or f"sqlite:///{folder / 'db.sqlite3'}"
    key_file = folder / "dedupe.key"
    key_file.write_text(secrets.token_urlsafe(40))
    key_file.chmod(0o600)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SIGNING_DEDUPE_SECRET_FILE": str(key_file),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "STATIC_ROOT": str(folder / "static"),
        "ECI_VAR_DIR": str(folder),
        "HTTPS_ONLY": "false",
        "SIGNING_RATE_LIMIT": "",
        "SIGNING_TRUSTED_PROXIES": "",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ECI_TEST_FOLDER": str(folder),
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(overrides)
    return env


def site_database(env):
    """The SQLite file of an environment made without a database URL."""
    return Path(env["ECI_TEST_FOLDER"]) / "db.sqlite3"


def remove_site_environment(env):
    shutil.rmtree(env["ECI_TEST_FOLDER"], ignore_errors=True)


def manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def prepare_site(env):
    """Migrate, collect the static files, load the demo content (with its signing key)."""
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        manage(env, *command)


@contextlib.contextmanager
def served_site(redis, database_url=None, instances=1, workers=2, threads=1, **overrides):
    """The demo site prepared on `database_url` (default: SQLite) with `redis` as its cache and
    served by `instances` gunicorn masters; yields (env, [Gunicorn, ...]) and removes it all.
    `overrides` are environment variables of the site (its mail server, CONTENT_LANGUAGES,
    MACHINE_TRANSLATION, ...)."""
    env = site_environment(database_url, redis_url=redis.url(), **overrides)
    try:
        prepare_site(env)
        with contextlib.ExitStack() as servers:
            sites = [Gunicorn(env, workers, threads=threads) for _ in range(instances)]
            yield env, [servers.enter_context(site) for site in sites]
    finally:
        remove_site_environment(env)


class Gunicorn(_Process):
    """gunicorn serving eci_site.wsgi with `workers` workers on 127.0.0.1: sync workers, or
    gthread workers with `threads` threads each (threads > 1).

    A sync worker reads one connection until a request arrives: a connection a browser opens
    ahead and never uses holds a worker until the browser closes it or gunicorn kills the worker
    (`timeout`). In production a buffering proxy stands in front (deploy/nginx/); a
    browser talking to gunicorn directly needs gthread workers, which wait for requests on all
    their connections at once."""

    def __init__(self, env, workers=2, port=None, timeout=30, threads=1):
        self.env, self.workers, self.timeout, self.threads = env, workers, timeout, threads
        self.port = port or free_port()
        self.process = None
        self.log = Path(env["ECI_TEST_FOLDER"]) / f"gunicorn-{self.port}.log"

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self):
        self._log_file = open(self.log, "ab")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "eci_site.wsgi", "--bind",
             f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--threads",
             str(self.threads), "--timeout",
             str(self.timeout), "--graceful-timeout", "5", "--log-level", "warning"],
            cwd=ROOT, env=self.env, stdout=self._log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_until(self.healthy, 60, "gunicorn")
        wait_until(lambda: len(self.worker_pids()) == self.workers, 60, "gunicorn workers")

    def healthy(self):
        with urllib.request.urlopen(self.url("/healthz"), timeout=2) as response:  # noqa: S310
            return response.status == 200

    def worker_pids(self):
        """The master's worker processes (read from /proc: no extra dependency)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def kill_worker(self, sig=signal.SIGKILL):
        """Kill one worker (the master starts another); return its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, sig)
        return pid

    def close(self):
        stop_process(self.process, 20)
        if getattr(self, "_log_file", None):
            self._log_file.close()
