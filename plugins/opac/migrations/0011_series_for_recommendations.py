"""The series each record belongs to, as rows beside its subjects and authors: recommendations
fall back to the same series. Records synced from now on get them from the index."""

from django.db import migrations

SERIES = "series"
VALUE_LENGTH = 300


def add_series_rows(apps, schema_editor):
    records = apps.get_model("opac", "CatalogueRecord").objects.only("pk", "series")
    rows = apps.get_model("opac", "SearchFacet")
    rows.objects.bulk_create(
        (
            rows(record_id=record.pk, facet=SERIES, value=value)
            for record in records.iterator()
            for value in dict.fromkeys(name[:VALUE_LENGTH] for name in record.series or [])
        ),
        batch_size=1000,
    )


def remove_series_rows(apps, schema_editor):
    apps.get_model("opac", "SearchFacet").objects.filter(facet=SERIES).delete()


class Migration(migrations.Migration):
    dependencies = [("opac", "0010_acquisitions")]

    operations = [migrations.RunPython(add_series_rows, remove_series_rows)]
