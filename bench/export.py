"""`make bench-export`: generate encrypted statements, export them offline, print rate and memory.

1. A fresh key pair; its file is protected like a real one (Argon2id, 256 MiB).
2. BENCH_EXPORT_STATEMENTS (default 1,000,000) statements, spread over Part A and Part B
   countries, each encrypted on its own with HPKE exactly as the signing app does, written as an
   export bundle (the file an administrator downloads). Generation is not what is measured.
3. `manage.py export_statements --bundle ...` in its own process: decryption, validation of every
   signature against the XSD, the XML files per country, the whole-file validation of each. Its
   wall time gives the rate; the peak resident memory of the process tree is sampled from /proc.
   A second, ten times smaller export shows whether memory grows with the count.
Nothing here asserts a speed: the script prints figures.
"""

import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATEMENTS = int(os.environ.get("BENCH_EXPORT_STATEMENTS", "1000000"))
WORKERS = int(os.environ.get("BENCH_EXPORT_WORKERS", str(os.cpu_count() or 1)))
PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105 (a throwaway key)
REGISTRATION_NUMBER = "BENCH(2026)000001"

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eci_site.settings.dev")
import django  # noqa: E402

django.setup()

from core import crypto  # noqa: E402
from organisers.bundle import bundle_lines  # noqa: E402
from signing.rules import ANNEX_REVISION  # noqa: E402

PART_B = {"country": "BG", "first_names": "Мария Иванова", "family_names": "Петрова",
          "document_type": "personal.number", "document_number": "7501020018"}  # fmt: skip
PART_A = {"country": "DE", "first_names": "Jürgen", "family_names": "Müller",
          "street": "Hauptstraße", "street_number": "12a", "postal_code": "10115",
          "city": "Berlin", "residence_country": "DE", "residence_country_other": "",
          "date_of_birth": "1990-12-31"}  # fmt: skip
_public_key = None


def _start(public_key_text):
    global _public_key
    _public_key = crypto.load_public_key(public_key_text)


def _encrypt(index):
    data = PART_B if index % 3 else PART_A
    plaintext = json.dumps({"annex_revision": ANNEX_REVISION, **data}, ensure_ascii=False)
    info = crypto.context(REGISTRATION_NUMBER, data["country"], ANNEX_REVISION)
    ciphertext = crypto.encrypt(_public_key, plaintext.encode(), info)
    day = f"2026-{1 + index % 12:02d}-{1 + index % 28:02d}"
    return str(uuid.uuid4()), data["country"], day, ANNEX_REVISION, ciphertext


def generate_bundle(path, count, key):
    fingerprint = crypto.fingerprint(key.public_key_text())
    record = {
        "registration_number": REGISTRATION_NUMBER, "collection_start": "2026-01-01",
        "collection_end": "2026-12-31", "register_url": "https://example.org/register",
        "title": "Benchmark initiative", "objectives": "Measure the export.",
        "contact_persons": [
            {"name": "A. Organiser", "email": "a@example.org", "role": "representative"}
        ],
        "url": "https://example.org/initiative", "key_fingerprint": fingerprint,
        "suite": crypto.SUITE_NAME,
    }  # fmt: skip
    with multiprocessing.Pool(WORKERS, _start, (key.public_key_text(),)) as pool:
        encrypted = pool.imap(_encrypt, range(count), chunksize=500)
        statements = ((i, c, d, a, fingerprint, ct) for i, c, d, a, ct in encrypted)
        with path.open("wb") as handle:
            for line in bundle_lines(record, count, statements):
                handle.write(line)


def tree_rss_kib(pid):
    """Resident memory of a process and its children, in KiB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(
                next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
            )
            for task in Path(f"/proc/{current}").glob("task/*/children"):
                pending.extend(int(child) for child in task.read_text().split())
        except (OSError, StopIteration):
            continue
    return total


def export(bundle, key_file, passphrase_file, output):
    command = [sys.executable, str(ROOT / "manage.py"), "export_statements", "--bundle",
               str(bundle), "--key", str(key_file), "--passphrase-file", str(passphrase_file),
               "--output", str(output), "--workers", str(WORKERS), "--verbosity", "0"]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kib(process.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    if process.returncode:
        sys.exit(f"export failed with exit status {process.returncode}")
    return elapsed, peak


def main():
    with tempfile.TemporaryDirectory(prefix="eci-export-bench-") as folder:
        folder = Path(folder)
        key = crypto.PrivateKey.generate()
        key_file, passphrase_file = folder / "bench.key.json", folder / "passphrase"
        key_file.write_text(key.to_file_json(PASSPHRASE))
        passphrase_file.write_text(PASSPHRASE + "\n")
        print(f"Export benchmark: {STATEMENTS:,} statements, {WORKERS} decrypting process(es)")
        results = []
        for count in (STATEMENTS // 10, STATEMENTS):
            bundle = folder / f"{count}.bundle.jsonl"
            started = time.perf_counter()
            generate_bundle(bundle, count, key)
            generated = time.perf_counter() - started
            elapsed, peak = export(bundle, key_file, passphrase_file, folder / f"out-{count}")
            size = sum(path.stat().st_size for path in (folder / f"out-{count}").glob("*.xml"))
            results.append((count, elapsed, peak))
            print(
                f"  {count:>9,} statements: generated in {generated:.0f} s "
                f"({bundle.stat().st_size / 2**20:,.0f} MiB bundle); exported in {elapsed:.1f} s "
                f"= {count / elapsed:,.0f} statements/s, peak RSS {peak / 1024:,.0f} MiB, "
                f"XML {size / 2**20:,.0f} MiB"
            )
            bundle.unlink()
        (small, _t, small_peak), (large, _t2, large_peak) = results
        print(
            f"Memory: {large_peak / 1024:,.0f} MiB for {large:,} vs {small_peak / 1024:,.0f} MiB "
            f"for {small:,} (the key file's Argon2id needs 256 MiB while it unlocks)."
        )


if __name__ == "__main__":
    main()
