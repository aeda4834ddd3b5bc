"""Where uploaded media live: the filesystem (MEDIA_ROOT) by default, or an S3-compatible bucket
(Amazon S3, MinIO, Ceph, Garage...) when MEDIA_S3_BUCKET is set (django-storages)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from library_site.settings.environment import SettingError, flag

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _address(env: Mapping[str, str], variable: str) -> str | None:
    url = env.get(variable, "").strip()
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise SettingError(variable, "expected an http:// or https:// address")
    return url or None


def media_storage(env: Mapping[str, str]) -> dict[str, Any]:
    """STORAGES["default"]: credentials from MEDIA_S3_ACCESS_KEY_ID/_SECRET_ACCESS_KEY, or
    boto3's own chain (AWS_* variables, an instance role) when they are not set."""
    bucket = env.get("MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return dict(FILESYSTEM)
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "endpoint_url": _address(env, "MEDIA_S3_ENDPOINT_URL"),
        "region_name": env.get("MEDIA_S3_REGION", "").strip() or None,
        "access_key": env.get("MEDIA_S3_ACCESS_KEY_ID", "").strip() or None,
        "secret_key": env.get("MEDIA_S3_SECRET_ACCESS_KEY", "").strip() or None,
        # Readers see media through the bucket's (or its CDN's) public address, unsigned;
        # MEDIA_S3_PUBLIC=false signs each link for an hour instead.
        "custom_domain": env.get("MEDIA_S3_CUSTOM_DOMAIN", "").strip() or None,
        "querystring_auth": not flag(env, "MEDIA_S3_PUBLIC", True),
        "file_overwrite": False,  # two uploads with one name both survive
        "default_acl": None,  # the bucket's policy decides, not each object
    }
    if (options["access_key"] is None) != (options["secret_key"] is None):
        raise SettingError(
            "MEDIA_S3_SECRET_ACCESS_KEY",
            "set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither",
        )
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {key: value for key, value in options.items() if value is not None},
    }
