"""The site's recurring work, each a management command run at times given as a cron
expression: by rq's cron scheduler onto django-rq's queue (``library20 schedule start`` beside
``library20 rqworker default --with-scheduler``), or by the system's cron
(``library20 schedule crontab`` prints the lines).

Times are in the library's ``TIME_ZONE`` (Django sets the process's time zone to it, and rq's
scheduler reads cron fields in the process's local time).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django_rq.cron import DjangoCronScheduler

from plugins.opac.jobs import later_with_retries

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Schedule:
    name: str
    cron: str  # minute hour day-of-month month day-of-week
    command: tuple[str, ...]  # library20 COMMAND ARGS...
    purpose: str
    # A failure for want of a server (Koha away) is tried again before the next run.
    retries: bool = False


def schedules() -> list[Schedule]:
    """What runs when, as the settings say now."""
    found = []
    if minutes := settings.CATALOGUE_SYNC_MINUTES:
        found.append(
            Schedule(
                "catalogue-sync",
                f"*/{minutes} * * * *",
                ("koha_sync",),
                "Koha's changed records into the catalogue",
                retries=True,
            )
        )
    found += [
        Schedule(
            "catalogue-full-sync",
            "30 3 * * 0",
            ("koha_sync", "--full"),
            "every record again, and remove those Koha deleted (weekly)",
            retries=True,
        ),
        Schedule(
            "suggestions",
            "5,35 * * * *",
            ("send_suggestions",),
            "readers' purchase suggestions to Koha, and Koha's statuses back",
            retries=True,
        ),
        Schedule(
            "recommendations",
            "0 2 * * *",
            ("recommendations",),
            'recompute "readers who liked this also liked" (nightly)',
        ),
        Schedule(
            "forget-unconfirmed-questions",
            "15 4 * * *",
            ("reference_forget_unconfirmed",),
            "delete anonymous questions never confirmed, after a week (daily)",
        ),
    ]
    return found


class UnknownSchedule(LookupError):
    """No schedule has this name."""


def named(name: str) -> Schedule:
    for schedule in schedules():
        if schedule.name == name:
            return schedule
    known = ", ".join(schedule.name for schedule in schedules())
    raise UnknownSchedule(f"no schedule is named {name!r}; the schedules are: {known}")


def run(name: str) -> None:
    """Run the schedule's command here and now (a job, or ``library20 schedule run``)."""
    schedule = named(name)
    log.info("scheduled job start name=%s", name)
    call_command(*schedule.command)
    log.info("scheduled job done name=%s", name)


def start(name: str) -> None:
    """What rq's cron scheduler enqueues: the run itself as a job of its own, with retries
    when the schedule asks for them (rq's cron jobs take no retry policy)."""
    if named(name).retries:
        later_with_retries(run, name)
    else:
        run(name)


def cron_scheduler() -> DjangoCronScheduler:
    """rq's cron scheduler on django-rq's default queue, with every schedule registered."""
    scheduler = DjangoCronScheduler()
    for schedule in schedules():
        scheduler.register(
            start, "default", args=(schedule.name,), cron=schedule.cron, name=schedule.name
        )
    return scheduler
