"""The page of an initiative on the Commission's central system against today's initiative page,
in process: what a reading history costs a page view.

`.venv/bin/python bench/central_page.py [views]` uses the production settings against the
PostgreSQL database `make bench` builds (BENCH_DATABASE, default eci_bench; built afresh here
when BENCH_FRESH=1 or when it is missing) and a private redis-server. It gives the demo's
initiative on the central system (DEMO(2025)000002) a reading every 5 minutes
over as many days as the compared page's chart shows (`--prepare` does only that: `make bench`
calls it for its own line), then renders
each page `views` times through Django's whole handler with the server's page cache off (every
view renders: the page cache's hits cost the same for every page), and prints the time and
queries per view, and the time of the counts snapshot's query of the last readings. Nothing
here asserts a speed.
"""

import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (bench/run.py: the same database and settings)

sys.path.insert(0, str(run.ROOT))  # the project's apps, as manage.py finds them

CENTRAL_NUMBER = "DEMO(2025)000002"
CENTRAL_PAGE = "/en/initiatives/public-data-open-by-default/"
# Whose paper batches give the readings' span (85 days, as that page's chart showed when it
# collected on this site; run.INITIATIVE is now the demo's test collection, with no days until
# statements are signed: compare with a chart of as many days for a like-for-like figure).
COMPARED_NUMBER = "DEMO(2026)000001"
EVERY = datetime.timedelta(minutes=5)


def put_on_the_central_system():
    """DEMO(2025)000002 on the central system, read every 5 minutes over the days the compared
    page's chart shows (its paper batches' span: the same number of bars to draw), growing to
    its editors' figures (once)."""
    from django.db.models import Max, Min
    from django.utils import timezone

    from initiatives.models import CentralReading, Initiative, PaperBatch

    initiative = Initiative.objects.get(registration_number=CENTRAL_NUMBER)
    initiative.collection = Initiative.Collection.CENTRAL
    initiative.external_system_url = "https://eci.ec.europa.eu/999/public/"
    initiative.save()
    if initiative.central_readings.exists():
        return
    span = PaperBatch.objects.filter(initiative__registration_number=COMPARED_NUMBER).aggregate(
        first=Min("collected_on"), last=Max("collected_on")
    )
    start = timezone.make_aware(datetime.datetime.combine(span["first"], datetime.time()))
    count = int((span["last"] - span["first"] + datetime.timedelta(days=1)) / EVERY)
    countries = dict(initiative.external_counts.values_list("country", "count"))
    readings = []
    for n in range(count):
        figures = {code: int(total * (n + 1) / count) for code, total in countries.items()}
        readings.append(
            CentralReading(
                initiative=initiative, read_at=start + n * EVERY, total=sum(figures.values()),
                countries=figures, source=CentralReading.Source.MAP,
            )
        )  # fmt: skip
    CentralReading.objects.bulk_create(readings, batch_size=5000)


def timed(client, path, views):
    from django.db import connection

    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        start, cpu = time.perf_counter(), time.process_time()
        statuses = {client.get(path).status_code for _ in range(views)}
        wall = (time.perf_counter() - start) / views * 1000
        cpu = (time.process_time() - cpu) / views * 1000
    return f"{cpu:.2f} ms CPU, {wall:.2f} ms wall, {len(queries) / views:.1f} queries a view, answers {sorted(statuses)}"  # noqa: E501


def main():
    views = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 300
    workdir = Path(tempfile.mkdtemp(prefix="eci-bench-central-"))
    redis, redis_url = run.start_redis(workdir)
    try:
        env = run.environment(workdir, redis_url)
        os.environ.update(env)
        if os.environ.get("BENCH_FRESH") == "1" or not database_ready():
            print(f"Preparing a fresh PostgreSQL database ({run.DATABASE}) with the demo...")
            run.prepare_database(env)
        else:  # the static files' manifest, which the pages' templates read
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--no-input"], cwd=run.ROOT,
                env=env, check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        import django

        django.setup()
        from django.conf import settings
        from django.test import Client

        from initiatives.figures import last_readings
        from initiatives.models import CentralReading

        settings.PAGE_CACHE_ENABLED = False
        put_on_the_central_system()
        client = Client(SERVER_NAME="127.0.0.1")
        for path in (run.INITIATIVE, CENTRAL_PAGE):
            for _ in range(20):  # templates, first queries
                client.get(path)
        print(f"{views} views each, page cache off, production settings, PostgreSQL, Redis:")
        print(f"initiative page (on this site):        {timed(client, run.INITIATIVE, views)}")
        readings = CentralReading.objects.count()
        print(f"initiative page (central system, {readings:,} readings): "
              f"{timed(client, CENTRAL_PAGE, views)}")  # fmt: skip
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(50):
            last_readings()
        print(f"the snapshot's query of the last readings: "
              f"{(time.process_time() - cpu) / 50 * 1000:.2f} ms CPU, "
              f"{(time.perf_counter() - start) / 50 * 1000:.2f} ms wall (once per snapshot, "
              f"every PUBLIC_COUNTS_SECONDS / 3)")  # fmt: skip
    finally:
        redis.terminate()
        redis.wait(timeout=30)


def database_ready():
    import psycopg

    try:
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{run.DATABASE}") as db:
            return db.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] > 0
    except psycopg.Error:
        return False


if __name__ == "__main__":
    if "--prepare" in sys.argv:  # called by bench/run.py with its environment
        import django

        django.setup()
        put_on_the_central_system()
    else:
        main()
