from django.db import migrations

GROUPS = ["Moderators", "Editors"]  # Wagtail's own groups
PERMISSIONS = {
    "answer_question": "Can answer readers' questions",
    "view_reference_report": "Can view the reference service report",
}


def grant(apps, schema_editor):
    """Give Wagtail's Moderators and Editors the reference service (the permissions are made
    here: Django would only create them after every migration has run)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="reference", model="question")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in PERMISSIONS.items()
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        # By key: migrating within a running process may give the relation another rendering
        # of Permission than the one these objects come from.
        group.permissions.add(*[permission.pk for permission in permissions])


def withdraw(apps, schema_editor):
    """Take the permissions from the groups (the permissions stay, as Django's own do for a
    removed model, until ``remove_stale_contenttypes``)."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    chosen = Permission.objects.filter(
        content_type__app_label="reference", codename__in=list(PERMISSIONS)
    ).values_list("pk", flat=True)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*chosen)


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
