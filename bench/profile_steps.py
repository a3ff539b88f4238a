"""Where each step of a signer's journey spends its time, in process, under cProfile.

`.venv/bin/python bench/profile_steps.py [requests per step]` runs the production settings
against the PostgreSQL database `make bench` builds (BENCH_DATABASE, default eci_bench; built
afresh here when BENCH_FRESH=1 or when it is missing) and a private redis-server, and sends each
step through Django's whole handler, CSRF check included: the signing form (GET), the CAPTCHA
picture (each of its own challenge), the submission (POST) and the receipt; then the petition's
form, signature (POST, its mail sent by the outbox's sender thread to a real SMTP server in this
process, whose CPU counts too) and confirmation (POST of the mailed link). For each it prints
the time per request and the functions that took the most time of their own (with PROFILE_DIR
set, each step's whole profile is also written there, for pstats). No gunicorn and no network:
what is left is the site's own work. Nothing here asserts a speed.
"""

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from django.db import connection

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (bench/run.py: the same database, settings and signers)
from petition_journey import LINK, SIGN_PETITION, mail_settings  # noqa: E402

sys.path.insert(0, str(run.ROOT))  # the project's apps, as manage.py finds them

REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
TOP = 14


def database_ready():
    try:
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{run.DATABASE}") as db:
            return db.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] > 0
    except psycopg.Error:
        return False


def profiled(name, requests):
    """Call each of `requests` (no-argument callables returning a response): the first half
    timed as they are, the second half under cProfile."""
    half = len(requests) // 2
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        start, cpu_start = time.perf_counter(), time.process_time()
        statuses = [request().status_code for request in requests[:half]]
        wall = (time.perf_counter() - start) / half * 1000
        cpu = (time.process_time() - cpu_start) / half * 1000
        # CPU time of this process: the waits for PostgreSQL and Redis, which on a shared
        # machine vary with everyone else's load, are left out of the profile.
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        statuses += [request().status_code for request in requests[half:]]
        profile.disable()
    print(f"\n== {name}: {half} requests, {cpu:.2f} ms CPU and {wall:.2f} ms wall each, "
          f"{len(queries) / len(requests):.1f} queries each (not counting core/prepared.py's), "
          f"answers {sorted(set(statuses))}; {len(requests) - half} more under cProfile "
          f"(CPU time):")  # fmt: skip
    if os.environ.get("PROFILE_DIR"):  # for pstats or snakeviz: callers, cumulative times
        profile.dump_stats(Path(os.environ["PROFILE_DIR"]) / f"{name.split(' (')[0]}.prof")
    text = io.StringIO()
    stats = pstats.Stats(profile, stream=text)
    # Round trips, which unlike times do not vary with the machine's load.
    redis = calls(stats, "redis/client.py", "execute_command") / (len(requests) - half)
    prepared = calls(stats, "core/prepared.py", "execute_prepared") / (len(requests) - half)
    print(f"   each: {redis:.1f} Redis commands, {prepared:.1f} prepared statements")
    stats.sort_stats("tottime").print_stats(TOP)
    body = text.getvalue()
    print(body[body.index("   ncalls") :].rstrip())


def calls(stats, path, function):
    return sum(
        primitive
        for (filename, _line, name), (primitive, *_rest) in stats.stats.items()
        if filename.endswith(path) and name == function
    )


def main():
    workdir = Path(tempfile.mkdtemp(prefix="eci-profile-"))
    redis, redis_url = run.start_redis(workdir)
    try:
        with run.SMTPServer() as smtp:
            env = run.environment(workdir, redis_url, **mail_settings(smtp))
            prepare(env)
            profile_steps(smtp.inbox)
    finally:
        redis.terminate()
        redis.wait(timeout=30)


def prepare(env):
    """The database `make bench` builds (afresh when asked or missing), the static files, and
    the process's environment."""
    if os.environ.get("BENCH_FRESH") == "1" or not database_ready():
        print(f"Preparing a fresh PostgreSQL database ({run.DATABASE})...")
        run.prepare_database(env)
    else:
        run.subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input"],
            cwd=run.ROOT,
            env=env,
            check=True,
            stdout=run.subprocess.DEVNULL,
        )
    os.environ.update(env)


def profile_steps(inbox):
    import django

    django.setup()
    from django.test import Client

    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")

    def blank_form():
        client.cookies.clear()  # each signer arrives without a CSRF cookie
        return client.get(run.SIGN)

    client.get(run.INITIATIVE)  # templates, first queries: once per process
    blank_form()
    profiled("signing form view (GET)", [blank_form] * REQUESTS)

    forms = [form_of(blank_form(), client) for _ in range(REQUESTS)]
    answers = run.captcha_answers([key for _cookie, _token, key in forms])
    profiled("CAPTCHA picture", [
        lambda key=key: client.get(f"/captcha/image/{key}/") for _c, _t, key in forms
    ])  # fmt: skip

    first = 900_000 + int(time.time()) % 50_000 * 2  # EGNs no earlier run of this script used

    def submission(number, cookie, token, key):
        client.cookies.clear()
        client.cookies["csrftoken"] = cookie
        # Form-encoded, as browsers and wrk send it (the test client's default is multipart).
        body = urlencode({
            "csrfmiddlewaretoken": token, "first_names": "Bench", "family_names": "Signer",
            "document_type": "personal.number", "document_number": run.egn(first + number),
            "declaration": "on", "privacy": "on", "captcha_0": key, "captcha_1": answers[key],
        })  # fmt: skip
        return client.post(run.SIGN, body, content_type="application/x-www-form-urlencoded")

    submissions = [
        lambda number=number, form=form: submission(number, *form)
        for number, form in enumerate(forms)
    ]  # fmt: skip
    receipts = []

    def submit_and_keep(request):
        response = request()
        if response.status_code == 302:
            receipts.append(response["Location"])
        return response

    profiled("statement submission (POST)", [
        lambda request=request: submit_and_keep(request) for request in submissions
    ])  # fmt: skip
    client.cookies.clear()
    profiled("receipt", [lambda url=url: client.get(url) for url in receipts])
    profile_petition(client, inbox, first)


def profile_petition(client, inbox, first):
    def blank_form():
        client.cookies.clear()
        return client.get(SIGN_PETITION)

    blank_form()
    profiled("petition form view (GET)", [blank_form] * REQUESTS)
    forms = [form_of(blank_form(), client) for _ in range(REQUESTS)]
    answers = run.captcha_answers([key for _cookie, _token, key in forms])

    def signature(number, cookie, token, key):
        client.cookies.clear()
        client.cookies["csrftoken"] = cookie
        body = urlencode({
            "csrfmiddlewaretoken": token, "given_names": "Bench", "family_names": "Signer",
            "country": "BG", "city": "Sofia", "email": f"profile-{first + number}@example.org",
            "privacy": "on", "captcha_0": key, "captcha_1": answers[key],
        })  # fmt: skip
        return client.post(SIGN_PETITION, body, content_type="application/x-www-form-urlencoded")

    mailed = len(inbox.messages)
    profiled("petition signature (POST)", [
        lambda number=number, form=form: signature(number, *form)
        for number, form in enumerate(forms)
    ])  # fmt: skip
    deadline = time.monotonic() + 120  # the sender thread may still be sending the last ones
    while len(inbox.messages) < mailed + REQUESTS and time.monotonic() < deadline:
        time.sleep(0.2)
    links = [path for _to, text in inbox.messages[mailed:] for path in LINK.findall(text)]
    cookie, token, _key = form_of(blank_form(), client)

    def confirmation(path):
        client.cookies.clear()
        client.cookies["csrftoken"] = cookie
        return client.post(path, urlencode({"csrfmiddlewaretoken": token}),
                           content_type="application/x-www-form-urlencoded")  # fmt: skip

    profiled(
        "petition confirmation (POST)", [lambda path=path: confirmation(path) for path in links]
    )


def form_of(response, client):
    """(CSRF cookie, CSRF token, CAPTCHA key) of a form page."""
    html = response.content.decode()
    return (client.cookies["csrftoken"].value,
            run.re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
            run.re.search(r'name="captcha_0" value="(\w+)"', html).group(1))  # fmt: skip


if __name__ == "__main__":
    main()
