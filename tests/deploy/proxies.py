"""Debian's nginx and Varnish as processes for tests, configured from the deployment's own
templates (deploy/nginx/eci.conf.template, deploy/varnish/default.vcl), on free loopback ports,
each in a temporary folder of its own that is removed on the way out (tests/harness.py's way).

    with Varnish(backend_port=site.port) as varnish, Nginx(upstream_port=varnish.port,
                                                          static_root=...) as nginx:
        nginx.url("/en/")     # https://localhost:<port>/en/ (a self-signed certificate)
"""

import datetime
import ipaddress
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.harness import ROOT, _Process, free_port, port_open, stop_process

TEMPLATE_NAME = re.compile(r"\$\{(ECI_[A-Z_]+)\}")


def fill_template(path, values):
    """The template with every ${ECI_...} replaced; a name without a value is an error."""
    text = Path(path).read_text()
    missing = sorted(set(TEMPLATE_NAME.findall(text)) - set(values))
    if missing:
        raise KeyError(f"{path}: no value for {', '.join(missing)}")
    return TEMPLATE_NAME.sub(lambda match: str(values[match.group(1)]), text)


def self_signed_certificate(folder, host="localhost"):
    """A certificate for `host` (and 127.0.0.1) and its key, as PEM files in `folder`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(host), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = Path(folder) / "tls.crt", Path(folder) / "tls.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Server(_Process):
    """A server in the foreground, its output in `self.log`, its folder removed on close."""

    def start(self):
        self._log_file = open(self.log, "ab")  # noqa: SIM115 - closed in close()
        self.process = subprocess.Popen(
            self.command(), stdout=self._log_file, stderr=subprocess.STDOUT
        )
        _wait_for_port(self)

    def close(self):
        stop_process(self.process, 10)
        if getattr(self, "_log_file", None):
            self._log_file.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class Varnish(_Server):
    """varnishd in the foreground with deploy/varnish/default.vcl in front of gunicorn."""

    def __init__(self, backend_port, purgers='"127.0.0.1"', port=None):
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="eci-varnish-"))
        self.vcl = self.folder / "default.vcl"
        self.vcl.write_text(
            fill_template(
                ROOT / "deploy" / "varnish" / "default.vcl",
                {"ECI_BACKEND_HOST": "127.0.0.1", "ECI_BACKEND_PORT": backend_port,
                 "ECI_PURGERS": purgers},
            )
        )  # fmt: skip
        self.log = self.folder / "varnishd.log"
        self.process = None

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def command(self):
        # -j none: no jail, the test's own user (the folder is private to it).
        return [shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-j", "none",
                "-n", str(self.folder / "work"), "-a", f"127.0.0.1:{self.port}",
                "-f", str(self.vcl), "-s", "malloc,64m", "-T", "none"]  # fmt: skip


class Nginx(_Server):
    """nginx with deploy/nginx/eci.conf.template: HTTPS on `port`, HTTP (a redirect) on
    `http_port`, the site behind it on `upstream_port`."""

    def __init__(self, upstream_port, static_root, media_root, host="localhost"):
        self.port, self.http_port = free_port(), free_port()
        self.host = host
        self.folder = Path(tempfile.mkdtemp(prefix="eci-nginx-"))
        cert, key = self_signed_certificate(self.folder, host)
        self.certificate = cert
        site = fill_template(
            ROOT / "deploy" / "nginx" / "eci.conf.template",
            {"ECI_SERVER_NAME": host, "ECI_UPSTREAM": f"127.0.0.1:{upstream_port}",
             "ECI_HTTP_PORT": f"127.0.0.1:{self.http_port}",
             "ECI_HTTPS_PORT": f"127.0.0.1:{self.port}", "ECI_TLS_CERT": cert,
             "ECI_TLS_KEY": key, "ECI_STATIC_ROOT": static_root, "ECI_MEDIA_ROOT": media_root},
        )  # fmt: skip
        (self.folder / "eci.conf").write_text(site)
        temp = self.folder / "temp"
        temp.mkdir()
        # The main configuration the Debian package would provide, private to this process; as
        # root the workers stay root, to read the test's private folders.
        (self.folder / "nginx.conf").write_text(
            "daemon off;\nworker_processes 1;\n"
            f"pid {self.folder / 'nginx.pid'};\nerror_log {self.folder / 'error.log'} warn;\n"
            + ("user root;\n" if _is_root() else "")
            + "events { worker_connections 256; }\n"
            "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            + "".join(f"  {kind}_temp_path {temp / kind};\n"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"  include {self.folder / 'eci.conf'};\n}}\n"
        )  # fmt: skip
        self.log = self.folder / "nginx.log"
        self.process = None

    def url(self, path="/"):
        return f"https://{self.host}:{self.port}{path}"

    def command(self):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        return [binary, "-c", str(self.folder / "nginx.conf"), "-p", str(self.folder)]


def _wait_for_port(server, seconds=30):
    """Until `server` listens; its log in the error when it exits or does not listen in time."""
    deadline = time.monotonic() + seconds
    while not port_open(server.port):
        if server.process.poll() is not None or time.monotonic() > deadline:
            log = server.log.read_text()[-2000:]
            raise RuntimeError(f"{server.command()[0]} is not listening: {log}")
        time.sleep(0.1)


def _is_root():
    import os

    return os.geteuid() == 0
