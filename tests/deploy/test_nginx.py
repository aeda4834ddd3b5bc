"""deploy/nginx/library20.conf: nginx -t accepts it; TLS, the proxy, websockets, static, media."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import trustme

from tests.services import require

SITE = Path(__file__).parents[2] / "deploy" / "nginx" / "library20.conf"
CERTIFICATE = "/etc/letsencrypt/live/library.example/fullchain.pem"
KEY = "/etc/letsencrypt/live/library.example/privkey.pem"


def location(text: str, where: str) -> str:
    """The last block of ``location <where>`` (the HTTPS server's), up to its closing brace."""
    start = text.rindex(f"location {where} {{")
    depth = 0
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if text[index] == "}" and depth == 0:
            return text[start : index + 1]
    raise AssertionError(f"location {where} is not closed")


@pytest.fixture
def nginx_conf(tmp_path) -> Path:
    """The site inside a minimal nginx.conf, with a test certificate and logs in tmp_path."""
    require(shutil.which("nginx") is not None, "nginx (Debian's nginx-light)")
    certificate = trustme.CA().issue_cert("library.example")
    certificate.cert_chain_pems[0].write_to_path(tmp_path / "cert.pem")
    certificate.private_key_pem.write_to_path(tmp_path / "key.pem")
    site = (
        SITE.read_text()
        .replace(CERTIFICATE, str(tmp_path / "cert.pem"))
        .replace(KEY, str(tmp_path / "key.pem"))
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    (tmp_path / "site.conf").write_text(site)
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  include {tmp_path}/site.conf;\n}}\n"
    )
    return conf


def test_nginx_accepts_the_site(nginx_conf, tmp_path):
    tested = subprocess.run(
        ["nginx", "-t", "-e", str(tmp_path / "error.log"), "-c", str(nginx_conf)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert tested.returncode == 0, tested.stderr
    assert "test is successful" in tested.stderr


def test_the_certificates_are_where_certbot_puts_them():
    text = SITE.read_text()

    assert f"ssl_certificate {CERTIFICATE};" in text
    assert f"ssl_certificate_key {KEY};" in text
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in text
    assert "return 301 https://$host$request_uri;" in text


def test_the_chat_websockets_are_upgraded():
    websockets = location(SITE.read_text(), "/ws/")

    assert "proxy_set_header Upgrade $http_upgrade;" in websockets
    assert "proxy_set_header Connection $library20_connection;" in websockets
    assert "proxy_http_version 1.1;" in websockets


def test_the_proxy_overwrites_the_headers_the_site_believes():
    site = location(SITE.read_text(), "/")

    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header Host $host;" in site


def test_static_and_media_come_from_the_var_folder_and_logs_leave_query_strings_out():
    text = SITE.read_text()

    assert "alias /var/lib/library20/static/;" in location(text, "/static/")
    assert "alias /var/lib/library20/media/;" in location(text, "/media/")
    [log_format] = re.findall(r"log_format library20 (.+?);", text, re.DOTALL)
    assert "$uri" in log_format
    assert "$request_uri" not in log_format and "$args" not in log_format
