"""The moderation panel on the Wagtail admin's home page: what waits for a librarian, each
count linking to the queue filtered to it, and what readers did in the last seven days."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from plugins.comments.contributions import Tally, sources

WEEK = timedelta(days=7)


class ModerationPanel(Component):
    name = "moderation"
    template_name = "comments/admin/dashboard_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context=None) -> dict:
        queue = reverse("moderation_queue")
        since = timezone.now() - WEEK
        waiting = [
            (tally, f"{queue}?{urlencode(tally.filters)}")
            for source in sources()
            for tally in source.waiting()
        ]
        joined = get_user_model().objects.filter(date_joined__gte=since).count()
        activity = [tally for source in sources() for tally in source.activity(since)]
        return {
            "waiting": waiting,
            "activity": [*activity, Tally(_("New readers"), joined)],
            "queue_url": queue,
        }
