"""Which models take comments, and how: other plugins register theirs in ``AppConfig.ready``.

django-comments-xtd reads its per-model options from two settings dictionaries; registering fills
them, so a plugin says everything about its comments in one call and settings stay generic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django_comments_xtd.moderation import moderator

from plugins.comments.moderation import LibraryModerator


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    url: Callable[[models.Model], str]  # the page that shows an object's comments
    max_thread_level: int


_registry: dict[type[models.Model], Registration] = {}


def register(
    model: type[models.Model],
    *,
    url: Callable[[models.Model], str],
    max_thread_level: int = 2,
    who_can_post: str = "all",
    allow_flagging: bool = True,
    allow_feedback: bool = True,
) -> None:
    """Let readers comment on ``model``'s objects, on the page ``url(obj)`` gives.

    ``max_thread_level``: how deep replies nest (0: no replies); ``who_can_post``: "all" (anonymous
    comments confirmed by e-mail) or "users"; flagging and like/dislike are on unless turned off.
    """
    key = f"{model._meta.app_label}.{model._meta.model_name}"
    settings.COMMENTS_XTD_MAX_THREAD_LEVEL_BY_APP_MODEL[key] = max_thread_level
    settings.COMMENTS_XTD_APP_MODEL_OPTIONS[key] = {
        "who_can_post": who_can_post,
        "allow_flagging": allow_flagging,
        "allow_feedback": allow_feedback,
        "show_feedback": allow_feedback,
    }
    if model not in moderator._registry:
        moderator.register(model, LibraryModerator)
    _registry[model] = Registration(model, url, max_thread_level)


def registration_of(model: type[models.Model]) -> Registration | None:
    """How ``model`` takes comments, or None when it does not."""
    return _registry.get(model)


def registrations() -> list[Registration]:
    """Every model that takes comments."""
    return list(_registry.values())


def url_of(obj: models.Model) -> str:
    """The page that shows ``obj`` and its comments."""
    return _registry[type(obj)].url(obj)
