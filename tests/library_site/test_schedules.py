"""The site's recurring jobs: listed, printed as crontab lines, run by name, and enqueued by
rq's cron scheduler for the worker (with retries for those that need Koha)."""

from datetime import timedelta
from io import StringIO

import pytest
from croniter import croniter
from django.core.management import CommandError, call_command
from rq.utils import now

from library_site.core import schedules
from tests.services import empty_job_queue, work_off

pytestmark = pytest.mark.django_db
NAMES = [
    "catalogue-sync",
    "catalogue-full-sync",
    "suggestions",
    "recommendations",
    "forget-unconfirmed-questions",
]


def schedule(*args: str) -> str:
    out = StringIO()
    call_command("schedule", *args, stdout=out)
    return out.getvalue()


def test_the_list_says_when_each_job_runs_and_what_it_runs():
    lines = schedule("list").splitlines()

    assert lines[0] == "# times in UTC; no job queue: REDIS_URL is not set"
    assert [line.split()[0] for line in lines[1:]] == NAMES
    assert lines[1].split()[:7] == ["catalogue-sync", "*/15", "*", "*", "*", "*", "library20"]
    assert "library20 koha_sync --full" in lines[2]
    assert lines[1].endswith("(retried)") and not lines[4].endswith("(retried)")


def test_the_catalogue_sync_runs_every_catalogue_sync_minutes_or_never(settings):
    settings.CATALOGUE_SYNC_MINUTES = 5
    assert schedules.named("catalogue-sync").cron == "*/5 * * * *"

    settings.CATALOGUE_SYNC_MINUTES = 0
    assert "catalogue-sync " not in schedule("list")


def test_crontab_lines_run_each_schedule_by_name_at_its_times():
    header, *lines = schedule("crontab").splitlines()

    assert "DATABASE_URL" in header and header.startswith("#")
    assert len(lines) == len(NAMES)
    for line, name in zip(lines, NAMES, strict=True):
        fields = line.split()
        assert croniter.is_valid(" ".join(fields[:5]))
        assert f"schedule run {name}  #" in line


def test_a_schedule_runs_now_by_name(capsys):
    schedule("run", "recommendations")

    assert "similar-record pairs kept" in capsys.readouterr().out


def test_an_unknown_schedule_is_refused_with_the_known_names():
    with pytest.raises(CommandError, match="no schedule is named 'nightly'; the schedules are: "):
        schedule("run", "nightly")


def test_the_scheduler_needs_a_job_queue():
    with pytest.raises(CommandError, match=r"set REDIS_URL.*library20 schedule crontab"):
        schedule("start")


def test_the_cron_scheduler_enqueues_a_due_schedule_and_the_worker_runs_it(
    settings, capsys, django_capture_on_commit_callbacks
):
    queue = empty_job_queue(settings)
    scheduler = schedules.cron_scheduler()
    assert [(job.name, job.cron) for job in scheduler.get_jobs()] == [
        (s.name, s.cron) for s in schedules.schedules()
    ]
    [nightly] = [job for job in scheduler.get_jobs() if job.name == "recommendations"]
    nightly.next_enqueue_time = now() - timedelta(seconds=1)  # 2 o'clock has come

    with django_capture_on_commit_callbacks(execute=True):  # django-rq enqueues on commit
        assert scheduler.enqueue_jobs() == [nightly]
    assert queue.count == 1
    work_off(queue)
    assert "similar-record pairs kept" in capsys.readouterr().out


def test_a_schedule_that_needs_koha_runs_as_a_job_with_retries(
    settings, django_capture_on_commit_callbacks
):
    queue = empty_job_queue(settings)

    with django_capture_on_commit_callbacks(execute=True):
        schedules.start("suggestions")  # the job the cron scheduler enqueues

    [job] = queue.jobs
    assert job.func == schedules.run and job.args == ("suggestions",)
    assert job.retries_left == 4
