"""`make bench`: signing throughput against the real stack, and the baselines it is compared to.

Serves the site with gunicorn (production settings) on 127.0.0.1 with PostgreSQL, on a fresh
database built by migrate + load_demo, and drives it with wrk (Debian's package):

1. a minimal Django view (/healthz: no database, no template), the server's ceiling;
2. initiative page views (and those of an initiative on the Commission's central system, read
   every 5 minutes over as many days as the first one's chart shows: bench/central_page.py);
3. signing: every statement goes through the real path (CSRF check, CAPTCHA validation,
   the form's validation, HPKE encryption, storage, duplicate check, counters), all signers on
   one initiative and one country (Bulgaria), each with its own valid EGN. The forms are fetched
   first (GET, which creates the CAPTCHA challenges); their answers are read from the database,
   as a human would read the picture; then the submissions are timed;
4. the other steps of a signer's journey, each on its own: the form (each view creates a
   CAPTCHA challenge), the CAPTCHA picture and the receipt; and from all the rates, the
   journeys per second the server could sustain if signers did nothing else.

5. the home page and a guidance page;
6. a second pass at 256 connections (BENCH_CONNECTIONS_HIGH): the initiative page, the form and
   submissions, reporting every answer other than 200/302/429/503, p99, and stored = counters.

The site runs in its production configuration (docs/operations.md, "Running in production"), Redis
included: a private redis-server on a free port, started here and stopped at the end.
The per-client rate limit is off for the run (SIGNING_RATE_LIMIT=""): all load comes from one
address, and the limit protects against a client, not against a crowd.
Nothing here asserts a speed: the script prints figures.
"""

import datetime
import functools
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg
from petition_journey import (
    PETITION,
    SIGN_PETITION,
    mail_settings,
    prepare_confirmations,
    prepare_signatures,
    signatures,
)
from stdnum.bg import egn as bg_egn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.mail import SMTPServer  # noqa: E402  (a real SMTP server: the petitions' mail)

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
ADMIN_DSN = os.environ.get("BENCH_ADMIN_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
DATABASE = os.environ.get("BENCH_DATABASE", "eci_bench")
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
DURATION = int(os.environ.get("BENCH_SECONDS", "20"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
FORMS = int(os.environ.get("BENCH_FORMS", "14000"))
PETITION_FORMS = int(os.environ.get("BENCH_PETITION_FORMS", "8000"))
HIGH_CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS_HIGH", "256"))
HIGH_DURATION = int(os.environ.get("BENCH_SECONDS_HIGH", "10"))
HIGH_FORMS = int(os.environ.get("BENCH_FORMS_HIGH", "8000"))
HOME = "/en/"
GUIDANCE = "/en/organise/prepare-online-collection-system/"
INITIATIVE = "/en/initiatives/try-signing/"  # the demo's test collection: it signs here
CENTRAL_INITIATIVE = "/en/initiatives/public-data-open-by-default/"  # bench/central_page.py
SIGN = INITIATIVE + "sign/bg/"
REGISTRATION_NUMBER = "DEMO(2026)000004"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(workdir):
    """A private redis-server (no persistence) on a free port; returns (process, URL)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("make bench needs redis-server (apt-get install redis-server)")
    port = free_port()
    redis = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(16).startswith(b"+PONG"):
                    return redis, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.1)
    redis.kill()
    raise SystemExit("redis-server did not start")


def environment(workdir, redis_url, **overrides):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "eci_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SIGNING_DEDUPE_SECRET": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "STATIC_ROOT": str(workdir / "static"),
        "ECI_VAR_DIR": str(workdir),
        "HTTPS_ONLY": "false",
        "SIGNING_RATE_LIMIT": "",
        "REDIS_URL": redis_url,
        **overrides,
    }


def prepare_database(env):
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    subprocess.run(
        [sys.executable, str(BENCH / "central_page.py"), "--prepare"], cwd=ROOT, env=env,
        check=True,
    )  # fmt: skip


def start_server(env):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "eci_site.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    # Four workers importing Django take seconds on a quiet machine and minutes on a busy one:
    # wait for as long as gunicorn runs, up to a bound that only a hung start reaches.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(BASE + "/healthz", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    status = server.poll()
    server.kill()
    raise SystemExit(f"gunicorn did not answer /healthz (exit status: {status}, None = running)")


def wrk(path, script=None, script_args=(), duration=DURATION, connections=CONNECTIONS,
        timeout="2s"):  # fmt: skip
    # wrk takes one script: the scripts that send prepared lines get their shared part first.
    parts = ([] if not script else ["prepared_lines.lua", script] if script.startswith("post_")
             else [script])  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        for part in [*parts, "report.lua"]:
            lua.write((BENCH / part).read_text())
    command = ["wrk", "-t", "4", "-c", str(connections), "-d", f"{duration}s", "-s", lua.name,
               "--timeout", timeout,
               BASE + path, *(["--", *script_args] if script_args else [])]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(lua.name)
    result = json.loads(output.strip().splitlines()[-1])
    seconds = result["duration_us"] / 1e6
    errors = sum(result[key] for key in ("connect", "read", "write", "status", "timeout"))
    return {
        "requests": result["requests"],
        "rate": result["requests"] / seconds,
        "seconds": seconds,
        "p50_ms": result["p50_us"] / 1000,
        "p99_ms": result["p99_us"] / 1000,
        "errors": errors,
        "exhausted": result["exhausted"],
        "redirected": result["redirected"],
        "other": result["other"],
        "statuses": result.get("statuses", {}),
        "error_kinds": {
            key: result[key]
            for key in ("connect", "read", "write", "status", "timeout")
            if result[key]
        },  # fmt: skip
    }


def egn(number):
    """A valid, unique EGN for each number: adults born from 1960 on, a serial per day."""
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=number // 1000)
    digits = f"{born:%y%m%d}{number % 1000:03d}"
    return digits + bg_egn.calc_check_digit(digits)


def fetch_forms(count, path=None):
    """GET the form `count` times (each creates a CAPTCHA); returns cookie, token, key per form."""
    local = threading.local()

    def fetch(_):
        if not hasattr(local, "opener"):
            local.jar = CookieJar()
            local.opener = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(local.jar)
            )
        html = local.opener.open(BASE + (path or SIGN), timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        key = re.search(r'name="captcha_0" value="(\w+)"', html).group(1)
        cookie = next(c.value for c in local.jar if c.name == "csrftoken")
        return cookie, token, key

    with ThreadPoolExecutor(max_workers=CONNECTIONS) as pool:
        return list(pool.map(fetch, range(count)))


def captcha_answers(keys):
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        rows = db.execute(
            "SELECT hashkey, response FROM captcha_captchastore WHERE hashkey = ANY(%s)", (keys,)
        ).fetchall()
    return dict(rows)


def stored_statements(country="BG"):
    """Stored statements and the counters' total, read in one statement (one snapshot): requests
    still in flight when wrk stops must not land between two reads."""
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        return db.execute(
            "SELECT (SELECT count(*) FROM signing_statement s WHERE s.initiative_id = i.id"
            "        AND s.country = %s),"
            "       (SELECT coalesce(sum(c.count), 0) FROM signing_supportcounter c"
            "        WHERE c.initiative_id = i.id AND c.country = %s)"
            " FROM initiatives_initiative i WHERE i.registration_number = %s",
            (country, country, REGISTRATION_NUMBER),
        ).fetchone()


def a_statement_id():
    """A statement of the benchmarked initiative: a receipt is found under its own initiative
    only (the demo's 2022 initiative has statements of its own)."""
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        return db.execute(
            "SELECT s.id FROM signing_statement s JOIN initiatives_initiative i"
            " ON s.initiative_id = i.id WHERE i.registration_number = %s LIMIT 1",
            (REGISTRATION_NUMBER,),
        ).fetchone()[0]


def line(name, result):
    return (
        f"{name:<34} {result['rate']:>9.1f}/s   p50 {result['p50_ms']:>7.1f} ms"
        f"   p99 {result['p99_ms']:>7.1f} ms   errors {result['errors']}"
    )


def prepare_forms(workdir, name, count, path, first_number):
    """Fetch `count` forms of `path` and write the wrk data file of their submissions."""
    forms = fetch_forms(count, path)
    answers = captcha_answers([key for _cookie, _token, key in forms])
    data = workdir / name
    data.write_text(
        "".join(
            f"{cookie}|{token}|{key}|{answers[key]}|{egn(first_number + number)}\n"
            for number, (cookie, token, key) in enumerate(forms)
        )
    )
    return data


def high_pass(workdir):
    """The same server at HIGH_CONNECTIONS: pages, the form, and submissions (Bulgaria again,
    with EGNs after the first pass's)."""
    print(f"Fetching {HIGH_FORMS} more signing forms for the pass at {HIGH_CONNECTIONS} "
          "connections...")  # fmt: skip
    before, _counted = stored_statements()
    data = prepare_forms(workdir, "forms-high.txt", HIGH_FORMS, SIGN, 500_000)
    # wrk leaves answers slower than its timeout out of the latencies: 10 s, so that p99 says
    # how long the slowest waited.
    run = functools.partial(
        wrk, duration=HIGH_DURATION, connections=HIGH_CONNECTIONS, timeout="10s"
    )
    results = {
        "minimal Django view (/healthz)": run("/healthz", "statuses.lua"),
        "initiative page view": run(INITIATIVE, "statuses.lua"),
        "home page view": run(HOME, "statuses.lua"),
        "signing form view (GET)": run(SIGN, "statuses.lua"),
        "statement submissions (POST)": run(SIGN, "post_statements.lua", [str(data), "4", SIGN]),
    }
    statements, counted = stored_statements()
    return results, statements - before, statements, counted


def print_high_pass(results, new_statements, statements, counted):
    print()
    print(f"At {HIGH_CONNECTIONS} connections, {HIGH_DURATION} s per run:")
    unexpected = 0
    for name, result in results.items():
        statuses = result["statuses"]
        odd = {code: n for code, n in statuses.items() if code not in ("200", "302", "429", "503")}
        unexpected += sum(odd.values()) + result["errors"]
        shown = ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items()))
        kinds = ", ".join(f"{kind} {n}" for kind, n in result["error_kinds"].items())
        print(line(f"{name} @{HIGH_CONNECTIONS}", result) + f"   answers {shown or '-'}"
              + (f"   ({kinds}; wrk's timeout 10 s)" if kinds else ""))  # fmt: skip
    signing = results["statement submissions (POST)"]
    in_flight = new_statements - signing["redirected"]
    lost = in_flight < 0 or in_flight > HIGH_CONNECTIONS
    print(f"at {HIGH_CONNECTIONS}: statements stored {new_statements}, receipts given "
          f"{signing['redirected']}; stored = counters: {statements == counted} "
          f"({statements} / {counted}); answers other than 200/302/429/503 or socket errors: "
          f"{unexpected}; "
          f"{'LOST OR UNACCOUNTED STATEMENTS' if lost else 'nothing lost'}")  # fmt: skip


def petition_pass(workdir, inbox):
    """The petition journey's steps, each on its own: the page, the form, the signatures, the
    confirmations (bench/petition_journey.py)."""
    wrk(PETITION, duration=2)
    page_views = wrk(PETITION)
    form_views = wrk(SIGN_PETITION)
    print(f"Fetching {PETITION_FORMS} petition forms (each creates a CAPTCHA challenge)...")
    forms = fetch_forms(PETITION_FORMS, SIGN_PETITION)
    data = prepare_signatures(workdir, forms, captcha_answers([key for *_, key in forms]))
    signing = wrk(SIGN_PETITION, "post_signatures.lua", [str(data), "4", SIGN_PETITION])
    stored, _confirmed = signatures(DATABASE)
    links, mailed = prepare_confirmations(workdir, inbox, stored)
    cookie, token, _key = fetch_forms(1, SIGN_PETITION)[0]
    confirming = wrk(PETITION, "post_confirmations.lua", [str(links), "4", cookie, token],
                     duration=max(2, DURATION // 4))  # fmt: skip
    _stored, confirmed = signatures(DATABASE)
    return page_views, form_views, signing, stored, mailed, confirming, confirmed


def print_petition_pass(petition, initiative_journey, picture):
    page_views, form_views, signing, stored, mailed, confirming, confirmed = petition
    signed_rate = stored / signing["seconds"]
    confirmed_rate = confirmed / confirming["seconds"]
    bound = " (every link used before wrk stopped: at least)" if confirming["exhausted"] else ""
    print()
    print(line("petition page view", page_views))
    print(line("petition form view (GET)", form_views))
    print(line("petition signatures (POST)", signing))
    print(line("petition confirmations (POST)", confirming))
    if not (stored and confirmed):
        print(f"petition signatures stored: {stored}; links mailed: {mailed}; confirmed: "
              f"{confirmed}: no whole journey to measure")  # fmt: skip
        return
    journey = 1 / sum(1 / rate for rate in
                      (page_views["rate"], form_views["rate"], picture["rate"], signed_rate,
                       confirmed_rate))  # fmt: skip
    print(
        f"a whole petition journey (page, form, picture, signature, confirmation), each step "
        f"at the rates above: {journey:.1f} signers/s = {journey * 60:,.0f} a minute"
    )
    print(
        f"petition signatures stored: {stored} in {signing['seconds']:.1f} s = "
        f"{signed_rate:.1f}/s; links mailed: {mailed}; confirmed: {confirmed} in "
        f"{confirming['seconds']:.1f} s = {confirmed_rate:.1f}/s{bound}"
    )
    print(f"ratio petition journey / initiative journey: {journey / initiative_journey:.2f}")


def main():
    with SMTPServer() as smtp:
        run_all(smtp)


def run_all(smtp):
    workdir = Path(tempfile.mkdtemp(prefix="eci-bench-"))
    redis, redis_url = start_redis(workdir)
    env = environment(workdir, redis_url, **mail_settings(smtp))
    print(f"Preparing a fresh PostgreSQL database ({DATABASE}) with the demo content...")
    try:
        prepare_database(env)
        server = start_server(env)
    except BaseException:
        redis.terminate()
        raise
    try:
        print(f"gunicorn: {WORKERS} sync workers; wrk: 4 threads, {CONNECTIONS} connections, "
              f"{DURATION} s per run; {os.cpu_count()} cores shared by all.\n")  # fmt: skip
        wrk("/healthz", duration=3)  # warm-up
        # Every worker renders each page once before it is timed (templates, first queries):
        # a cold start is once per worker, not what a rush meets.
        for path in (INITIATIVE, CENTRAL_INITIATIVE, HOME, GUIDANCE):
            wrk(path, duration=2)
        minimal = wrk("/healthz")
        page_views = wrk(INITIATIVE)
        central_views = wrk(CENTRAL_INITIATIVE)
        print(f"Fetching {FORMS} signing forms (each creates a CAPTCHA challenge)...")
        data = prepare_forms(workdir, "forms.txt", FORMS, SIGN, 0)
        signing = wrk(SIGN, "post_statements.lua", [str(data), "4", SIGN])
        statements, counted = stored_statements()
        # The rest of a signer's journey, each step on its own.
        form_views = wrk(SIGN)
        picture = wrk(f"/captcha/image/{fetch_forms(1)[0][2]}/")
        receipts = wrk(INITIATIVE + f"sign/receipt/{a_statement_id()}/")
        home = wrk(HOME)
        guidance = wrk(GUIDANCE)
        petition = petition_pass(workdir, smtp.inbox)
        high = high_pass(workdir) if HIGH_CONNECTIONS else None
    finally:
        server.terminate()
        server.wait(timeout=30)
        redis.terminate()
        redis.wait(timeout=30)

    signed_rate = statements / signing["seconds"]
    print()
    print(line("minimal Django view (/healthz)", minimal))
    print(line("initiative page view", page_views))
    print(line("central-system initiative page view", central_views))
    print(line("signing form view (GET)", form_views))
    print(line("CAPTCHA picture", picture))
    print(line("statement submissions (POST)", signing))
    print(line("receipt", receipts))
    print()
    journey = 1 / sum(1 / rate for rate in
                      (page_views["rate"], form_views["rate"], picture["rate"], signed_rate,
                       receipts["rate"]))  # fmt: skip
    print(f"a whole journey (initiative page, form, picture, submission, receipt), each step at "
          f"the rates above: {journey:.1f} signers/s = {journey * 60:,.0f} a minute")  # fmt: skip
    print(f"statements stored: {statements} in {signing['seconds']:.1f} s = {signed_rate:.1f}/s "
          f"(one initiative, one country); counters: {counted}")  # fmt: skip
    print(f"ratio signing / minimal view: {signed_rate / minimal['rate']:.2f}")
    print(f"submissions answered with the receipt redirect: {signing['redirected']}; "
          f"with anything else: {signing['other'] - signing['exhausted']}")  # fmt: skip
    problems = []
    if signing["exhausted"]:
        problems.append(
            f"{signing['exhausted']} requests found no prepared form (raise BENCH_FORMS)"
        )
    if signing["other"] - signing["exhausted"] or signing["errors"]:
        problems.append("some submissions were not accepted")
    in_flight = statements - signing["redirected"]
    if not 0 <= in_flight <= CONNECTIONS:
        problems.append("stored statements differ from the receipts given")
    elif in_flight:
        print(f"({in_flight} submissions were still in flight when wrk stopped: stored, "
              "their responses not counted)")  # fmt: skip
    if counted != statements:
        problems.append("counters differ from the stored statements")
    print("errors: " + ("; ".join(problems) if problems else "0"))
    print()
    print(line("home page view", home))
    print(line("guidance page view", guidance))
    for name, result in (("initiative page", page_views), ("home page", home),
                         ("guidance page", guidance), ("signing form", form_views),
                         ("central-system initiative page", central_views)):  # fmt: skip
        print(f"ratio {name} / minimal view: {result['rate'] / minimal['rate']:.2f}")
    print_petition_pass(petition, journey, picture)
    if high:
        print_high_pass(*high)


if __name__ == "__main__":
    main()
