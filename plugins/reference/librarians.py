"""The people who answer readers' questions: active users with ``reference.answer_question``,
through a group, directly or as superusers."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from plugins.reference.librarian_access import ANSWER


def librarians() -> QuerySet:
    """Every active user who may answer, by name."""
    app_label, codename = ANSWER.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    may = (
        Q(is_superuser=True)
        | Q(groups__permissions__in=permission)
        | Q(user_permissions__in=permission)
    )
    users = get_user_model().objects.filter(may, is_active=True)
    return (
        get_user_model()
        .objects.filter(pk__in=users.values("pk"))
        .order_by("first_name", "last_name", "username")
    )


def name_of(user) -> str:
    return user.get_full_name() or user.get_username()
