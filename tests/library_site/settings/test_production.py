"""Production settings: no sandbox ILS by accident, a proxy header trusted only when named."""

import secrets
from pathlib import Path

import pytest

from library_site.settings import environment
from library_site.settings.environment import SettingError
from tests.library_site.settings.test_environment import run_manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "library_site.settings.production",
    "SECRET_KEY": "k" * 50,
    "ALLOWED_HOSTS": "library.example",
}


def print_setting(name: str, **env: str):
    return run_manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        **env,
    )


@pytest.mark.parametrize("koha_url", ["", "sandbox:"])
def test_production_refuses_the_sandbox_ils_with_one_line(koha_url, tmp_path):
    result = run_manage(
        "check",
        **PRODUCTION,
        KOHA_URL=koha_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "library20: configuration error: KOHA_URL: is the embedded sandbox ILS, not a real Koha; "
        "set KOHA_URL=https://koha.example.org, or KOHA_ALLOW_SANDBOX=true to serve the sandbox"
    ]


def test_production_serves_the_sandbox_when_explicitly_allowed(tmp_path):
    result = print_setting(
        "KOHA.url",
        **PRODUCTION,
        KOHA_ALLOW_SANDBOX="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "sandbox:"


def test_production_trusts_no_proxy_header_unless_one_is_configured(tmp_path):
    env = {
        **PRODUCTION,
        "KOHA_URL": "https://koha.example",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db",
    }

    unset = print_setting("SECURE_PROXY_SSL_HEADER", **env)
    named = print_setting(
        "SECURE_PROXY_SSL_HEADER", **env, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto"
    )

    assert unset.stdout.strip() == "None", unset.stderr
    assert named.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", named.stderr


def test_real_koha_is_accepted_in_production(tmp_path):
    koha = environment.koha({"KOHA_URL": "https://koha.example"}, tmp_path)

    environment.require_real_koha({}, koha)


def test_sandbox_is_refused_unless_allowed(tmp_path):
    sandbox = environment.koha({}, tmp_path)

    with pytest.raises(SettingError, match=r"^KOHA_URL: is the embedded sandbox ILS"):
        environment.require_real_koha({}, sandbox)
    environment.require_real_koha({"KOHA_ALLOW_SANDBOX": "yes"}, sandbox)


@pytest.mark.parametrize(
    ("header", "meta_key"),
    [
        ("X-Forwarded-Proto", "HTTP_X_FORWARDED_PROTO"),
        ("x-forwarded-proto", "HTTP_X_FORWARDED_PROTO"),
        ("X-Scheme", "HTTP_X_SCHEME"),
    ],
)
def test_proxy_header_is_named_as_http_sends_it(header, meta_key):
    assert environment.proxy_ssl_header({"SECURE_PROXY_SSL_HEADER": header}) == (
        meta_key,
        "https",
    )


def test_proxy_header_is_none_when_unset():
    assert environment.proxy_ssl_header({}) is None
    assert environment.proxy_ssl_header({"SECURE_PROXY_SSL_HEADER": " "}) is None


@pytest.mark.parametrize("header", ["HTTP_X_FORWARDED_PROTO=https", "X Forwarded Proto", "true"])
def test_proxy_header_that_is_not_a_header_name_is_refused(header):
    with pytest.raises(SettingError, match=r"^SECURE_PROXY_SSL_HEADER: expected a header name"):
        environment.proxy_ssl_header({"SECURE_PROXY_SSL_HEADER": header})


def test_production_collects_hashed_and_compressed_static_files(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        **PRODUCTION,
        KOHA_URL="https://koha.example",
        LIBRARY20_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    static = tmp_path / "static"
    assert (static / "staticfiles.json").is_file()
    assert list(static.glob("css/site.*.css.gz")), "no hashed, gzipped stylesheet"


def deployment_environment(tmp_path) -> dict[str, str]:
    """deploy/library20.env.example as an operator fills it in: a real secret key, and a
    database this test can open (check --deploy reads no table)."""
    example = Path(__file__).parents[3] / "deploy" / "library20.env.example"
    env = {}
    for line in example.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env["LIBRARY20_VAR_DIR"] = str(tmp_path)
    return env


def test_check_deploy_is_clean_with_the_documented_production_environment(tmp_path):
    env = deployment_environment(tmp_path)

    result = run_manage("check", "--deploy", **env)

    assert env["DJANGO_SETTINGS_MODULE"] == "library_site.settings.production"
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (1 silenced)."
    assert result.stderr == ""


def test_healthz_is_not_redirected_to_https_for_probes_on_plain_http(tmp_path):
    result = print_setting("SECURE_REDIRECT_EXEMPT", **deployment_environment(tmp_path))

    assert result.stdout.strip() == "['^healthz$']", result.stderr
