"""Django's LOGGING from LOG_LEVEL and LOG_FORMAT: key=value lines or JSON, secrets masked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from library_site.settings.environment import SettingError

FORMATS = ("keyvalue", "json")


def logging_config(env: Mapping[str, str]) -> dict[str, Any]:
    log_format = env.get("LOG_FORMAT", "").strip().lower() or "keyvalue"
    if log_format not in FORMATS:
        raise SettingError("LOG_FORMAT", f"expected keyvalue or json, got {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "library_site.logs.request_lines.RequestId"},
            "mask_secrets": {"()": "library_site.logs.masking.MaskSecrets"},
        },
        "formatters": {
            "keyvalue": {"format": "%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"},
            "json": {"()": "library_site.logs.json_lines.JsonLines"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id", "mask_secrets"],
            }
        },
        "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # One line per background task run (search index, references) drowns everything else.
            "django_tasks": {"level": "WARNING"},
        },
    }
