from django.db import migrations

GROUPS = ["Moderators", "Editors"]  # Wagtail's own groups, who answer readers' questions
MODELS = {"topic": "topic", "cannedanswer": "canned answer"}
ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    """Let the librarians keep their topics and canned answers (the snippets' permissions are
    made here: Django would only create them after every migration has run)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, name in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="reference", model=model)
        permissions += [
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {name}"},
            )[0]
            for action in ACTIONS
        ]
    for group in Group.objects.filter(name__in=GROUPS):
        # By key: migrating within a running process may give the relation another rendering
        # of Permission than the one these objects come from.
        group.permissions.add(*[permission.pk for permission in permissions])


def withdraw(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    chosen = Permission.objects.filter(
        content_type__app_label="reference", content_type__model__in=list(MODELS)
    ).values_list("pk", flat=True)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*chosen)


class Migration(migrations.Migration):
    dependencies = [("reference", "0002_librarians")]

    operations = [migrations.RunPython(grant, withdraw)]
