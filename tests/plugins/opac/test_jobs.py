"""Background jobs: on django-rq's queue with Redis, in the process without it; a job that
needs a server which is away is tried again later, and its failures are logged without its
arguments."""

import logging

import pytest

from plugins.opac import jobs
from tests.services import empty_job_queue, free_port, work_off

pytestmark = pytest.mark.django_db

done: list[str] = []
failures_left = {"count": 0}


def record(word: str) -> None:
    """A job that fails while ``failures_left`` says the server is away."""
    if failures_left["count"]:
        failures_left["count"] -= 1
        raise ConnectionRefusedError(f"server away, asked about {word}")
    done.append(word)


@pytest.fixture(autouse=True)
def _fresh():
    done.clear()
    failures_left["count"] = 0


@pytest.fixture
def queue(settings):
    return empty_job_queue(settings)


def test_without_redis_a_job_runs_in_the_process_once_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        jobs.later(record, "inline")

    assert done == []
    callbacks[0]()
    assert done == ["inline"]


def test_without_redis_a_failing_job_is_logged_by_its_name_only(
    caplog, django_capture_on_commit_callbacks
):
    failures_left["count"] = 1

    with (
        caplog.at_level(logging.INFO, "plugins.opac.jobs"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        jobs.later_with_retries(record, "secret-word")

    assert done == []
    assert "job=record error=ConnectionRefusedError" in caplog.text
    assert "secret-word" not in caplog.text


def test_with_redis_a_job_waits_on_the_queue_for_the_worker(
    queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        jobs.later(record, "queued")

    assert queue.count == 1 and done == []
    work_off(queue)
    assert done == ["queued"]


def test_a_job_whose_server_is_away_is_tried_again_after_a_wait(
    queue, caplog, django_capture_on_commit_callbacks
):
    from rq.job import Job

    failures_left["count"] = 1
    with django_capture_on_commit_callbacks(execute=True):
        jobs.later_with_retries(record, "secret-word")
    [job_id] = queue.job_ids

    with caplog.at_level(logging.WARNING, "plugins.opac.jobs"):
        work_off(queue)

    job = Job.fetch(job_id, connection=queue.connection)
    assert done == [] and job.get_status() == "scheduled"
    assert job.retries_left == len(jobs.RETRY_SECONDS) - 1
    assert job_id in queue.scheduled_job_registry.get_job_ids()
    [line] = [r.getMessage() for r in caplog.records if r.name == "plugins.opac.jobs"]
    assert line.startswith("job failed job=tests.plugins.opac.test_jobs.record id=")
    assert line.endswith("attempt=1 retries_left=4 error=ConnectionRefusedError")

    # The wait is over: the scheduler puts the job back on the queue.
    queue.scheduled_job_registry.remove(job)
    queue.enqueue_job(job)
    work_off(queue)
    assert done == ["secret-word"]


@pytest.mark.parametrize("later", [jobs.later, jobs.later_with_retries])
def test_with_redis_away_a_job_runs_in_the_process_and_the_request_is_not_failed(
    settings, caplog, django_capture_on_commit_callbacks, later
):
    # Before: the enqueue raised redis's ConnectionError after the reader's change committed,
    # and the reader got an error page for a change that was saved.
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}}

    with (
        caplog.at_level(logging.WARNING, "plugins.opac.jobs"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        later(record, "sent anyway")

    assert done == ["sent anyway"]
    [line] = [r.getMessage() for r in caplog.records if r.name == "plugins.opac.jobs"]
    assert line == (
        "job queue unreachable job=tests.plugins.opac.test_jobs.record "
        "error=ConnectionError: run in this process"
    )
