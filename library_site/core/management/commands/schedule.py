"""``library20 schedule list|start|crontab|run NAME``: the site's recurring jobs
(library_site.core.schedules)."""

from __future__ import annotations

import shutil
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from library_site.core import schedules
from plugins.opac.jobs import queued


class Command(BaseCommand):
    help = (
        "The site's recurring jobs: list them, start rq's cron scheduler (REDIS_URL; run "
        "`library20 rqworker default --with-scheduler` beside it), print the same as crontab "
        "lines, or run one now."
    )

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="each schedule: name, when (cron), command, purpose")
        actions.add_parser("start", help="enqueue each job when it is due (needs REDIS_URL)")
        actions.add_parser("crontab", help="the schedules as lines for the system's crontab")
        run = actions.add_parser("run", help="run one schedule's command now, here")
        run.add_argument("name")

    def handle(self, *args, action: str, **options) -> None:
        if action == "list":
            self.list()
        elif action == "start":
            self.start()
        elif action == "crontab":
            self.crontab()
        else:
            try:
                schedules.run(options["name"])
            except schedules.UnknownSchedule as error:
                raise CommandError(str(error)) from None

    def list(self) -> None:
        where = "rq's cron scheduler" if queued() else "no job queue: REDIS_URL is not set"
        self.stdout.write(f"# times in {settings.TIME_ZONE}; {where}")
        for schedule in schedules.schedules():
            retries = " (retried)" if schedule.retries else ""
            self.stdout.write(
                f"{schedule.name:<30} {schedule.cron:<14} library20 "
                f"{' '.join(schedule.command):<30} {schedule.purpose}{retries}"
            )

    def start(self) -> None:
        if not queued():
            raise CommandError(
                "the scheduler needs a job queue: set REDIS_URL, or let the system's cron run "
                "the jobs (library20 schedule crontab)"
            )
        scheduler = schedules.cron_scheduler()
        self.stdout.write(f"scheduler: {len(scheduler.get_jobs())} schedules, {settings.TIME_ZONE}")
        scheduler.start()

    def crontab(self) -> None:
        program = shutil.which("library20") or f"{sys.executable} -m library_site.manage"
        self.stdout.write(
            f"# library20's schedules, times in {settings.TIME_ZONE} (set cron's time zone to "
            "match). Cron does not read your shell's environment: put DATABASE_URL, KOHA_URL "
            "and the rest above these lines, or in the file your cron reads."
        )
        for schedule in schedules.schedules():
            self.stdout.write(
                f"{schedule.cron} cd {settings.BASE_DIR} && {program} schedule run "
                f"{schedule.name}  # {schedule.purpose}"
            )
