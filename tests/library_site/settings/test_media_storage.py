"""Uploaded media on the filesystem by default, in an S3-compatible bucket by setting."""

import pytest
from django.core.files.storage import storages

from library_site.settings.environment import SettingError
from library_site.settings.media_storage import media_storage

BUCKET = {
    "MEDIA_S3_BUCKET": "library20-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.library.example",
    "MEDIA_S3_REGION": "eu-central-1",
    "MEDIA_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "MEDIA_S3_SECRET_ACCESS_KEY": "secret-example",
}


def test_media_are_on_the_filesystem_by_default():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_puts_media_in_s3_compatible_storage():
    storage = media_storage(BUCKET)

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "library20-media",
        "endpoint_url": "https://s3.library.example",
        "region_name": "eu-central-1",
        "access_key": "AKIAEXAMPLE",
        "secret_key": "secret-example",
        "querystring_auth": False,
        "file_overwrite": False,
    }


def test_a_private_bucket_signs_its_links_and_credentials_may_come_from_boto3():
    storage = media_storage({"MEDIA_S3_BUCKET": "private-media", "MEDIA_S3_PUBLIC": "false"})

    assert storage["OPTIONS"] == {
        "bucket_name": "private-media",
        "querystring_auth": True,
        "file_overwrite": False,
    }


def test_half_the_credentials_are_refused():
    with pytest.raises(SettingError, match=r"^MEDIA_S3_SECRET_ACCESS_KEY: set both"):
        media_storage({**BUCKET, "MEDIA_S3_SECRET_ACCESS_KEY": ""})


def test_an_endpoint_that_is_not_a_web_address_is_refused():
    with pytest.raises(SettingError, match=r"^MEDIA_S3_ENDPOINT_URL: expected an http"):
        media_storage({**BUCKET, "MEDIA_S3_ENDPOINT_URL": "s3.library.example"})


def test_django_storages_builds_the_bucket_storage_without_reaching_it(settings):
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(BUCKET)}
    storages._storages.pop("default", None)
    try:
        storage = storages["default"]
        assert storage.bucket_name == "library20-media"
        assert storage.url("images/a.jpg") == (
            "https://s3.library.example/library20-media/images/a.jpg"
        )
    finally:
        storages._storages.pop("default", None)
