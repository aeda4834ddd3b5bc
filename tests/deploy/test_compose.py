"""deploy/compose.yaml and deploy/Dockerfile, checked for what they must hold (docker compose is
not run here): PostgreSQL, Redis, the site, the worker and the gateway, wired to each other."""

import re
from pathlib import Path

import yaml

DEPLOY = Path(__file__).parents[2] / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_the_five_services_are_there():
    assert set(compose()["services"]) == {"postgres", "redis", "site", "worker", "gateway"}


def test_each_service_runs_its_command():
    services = compose()["services"]

    assert services["site"]["command"][-1].endswith(
        "exec library20 serve --host 0.0.0.0 --port 8000"
    )
    assert services["site"]["command"][-1].startswith("library20 migrate --noinput && ")
    assert services["worker"]["command"] == ["library20", "rqworker", "default"]
    assert services["gateway"]["command"] == [
        "rfid-sip2",
        "serve",
        "--config",
        "/etc/library20/gateway.toml",
    ]


def test_site_and_worker_reach_postgresql_and_redis_by_service_name_once_healthy():
    services = compose()["services"]

    for name in ("site", "worker"):
        service = services[name]
        assert service["environment"]["DATABASE_URL"].endswith("@postgres:5432/library20")
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert service["depends_on"]["postgres"] == {"condition": "service_healthy"}
        assert service["depends_on"]["redis"] == {"condition": "service_healthy"}
        assert service["env_file"] == "library20.env"
    assert "healthcheck" in services["postgres"] and "healthcheck" in services["redis"]


def test_every_named_volume_is_declared_and_every_dependency_exists():
    document = compose()
    services, volumes = document["services"], document["volumes"]

    for service in services.values():
        for dependency in service.get("depends_on", {}):
            assert dependency in services
        for mount in service.get("volumes", []):
            source = mount.split(":")[0]
            assert source.startswith("./") or source in volumes


def test_the_site_is_published_on_the_loopback_only_for_the_proxy():
    assert compose()["services"]["site"]["ports"] == ["127.0.0.1:8000:8000"]


def test_every_environment_file_named_has_an_example_beside_it():
    named = {
        service["env_file"] for service in compose()["services"].values() if "env_file" in service
    }
    for unit in (DEPLOY / "systemd").glob("*.service"):
        named |= set(re.findall(r"^EnvironmentFile=/etc/library20/(.+)$", unit.read_text(), re.M))

    assert named == {"library20.env", "gateway.env", "station.env"}
    assert all((DEPLOY / f"{name}.example").is_file() for name in named)


def test_the_image_copies_what_exists_and_serves_as_an_unprivileged_user():
    lines = [
        line.strip()
        for line in (DEPLOY / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    checkout = DEPLOY.parent

    for line in lines:
        if line.startswith("COPY "):
            *sources, _ = line.split()[1:]
            assert all((checkout / source).exists() for source in sources), line
    assert lines[0].startswith("FROM python:3.11")
    assert "USER library20" in lines
    assert lines.index("USER library20") < lines.index(
        'CMD ["library20", "serve", "--host", "0.0.0.0", "--port", "8000"]'
    )
    assert "STOPSIGNAL SIGTERM" in lines
