"""Mail goes out through the job queue when there is one (a slow SMTP server never slows a
page), is tried again when the server refuses it for now, and goes out at once without one."""

import os
import smtplib
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from library_site.core.queued_mail import deliver
from tests.services import empty_job_queue, free_port, job_queue_url, work_off

pytestmark = pytest.mark.django_db
QUEUED = "library_site.core.queued_mail.QueuedEmailBackend"
ROOT = Path(__file__).resolve().parents[2]
refusals_left = {"count": 0}


class FlakyServer(EmailBackend):
    """An SMTP server that refuses the next ``refusals_left`` messages for now."""

    def send_messages(self, messages):
        if refusals_left["count"]:
            refusals_left["count"] -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def _queued_backend(settings):
    settings.EMAIL_BACKEND = QUEUED
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    refusals_left["count"] = 0


@pytest.fixture
def queue(settings):
    return empty_job_queue(settings)


def test_without_redis_mail_goes_out_at_once(mailoutbox):
    sent = mail.send_mail("Your question", "We have it.", None, ["reader@example.org"])

    assert sent == 1
    assert [message.subject for message in mailoutbox] == ["Your question"]


def test_with_redis_mail_waits_on_the_queue_and_the_job_delivers_it(
    queue, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Вам відповіли", "Відповідь…", None, ["reader@example.org"])

    assert queue.count == 1 and mailoutbox == []
    work_off(queue)
    [message] = mailoutbox
    assert (message.subject, message.to) == ("Вам відповіли", ["reader@example.org"])


def test_mail_the_server_refuses_for_now_is_delivered_on_the_next_try(
    settings, queue, mailoutbox, django_capture_on_commit_callbacks
):
    from rq.job import Job

    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.FlakyServer"
    refusals_left["count"] = 1
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Confirm your question", "Press the button.", None, ["a@example.org"])
    [job_id] = queue.job_ids

    work_off(queue)
    job = Job.fetch(job_id, connection=queue.connection)
    assert mailoutbox == [] and job.get_status() == "scheduled"

    queue.scheduled_job_registry.remove(job)  # the wait is over
    queue.enqueue_job(job)
    work_off(queue)
    assert [message.subject for message in mailoutbox] == ["Confirm your question"]


def test_library20_rqworker_runs_the_queued_jobs_with_the_sites_settings(
    queue, tmp_path, django_capture_on_commit_callbacks
):
    """The worker command operators run, in a process of its own, as they run it."""
    message = mail.EmailMessage("Queued for the worker", "Body", None, ["x@y.org"])
    with django_capture_on_commit_callbacks(execute=True):  # django-rq enqueues on commit
        queue.enqueue(deliver, message)
    env = {
        **os.environ,
        "REDIS_URL": job_queue_url(),
        "EMAIL_URL": "console://",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "library_site.settings.dev",
    }
    worker = subprocess.run(
        [sys.executable, "-m", "library_site.manage", "rqworker", "default", "--burst"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert worker.returncode == 0, worker.stderr
    assert "Subject: Queued for the worker" in worker.stdout, worker.stderr
    assert queue.count == 0


def test_with_the_queues_redis_away_mail_goes_out_at_once(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}}

    with django_capture_on_commit_callbacks(execute=True):
        sent = mail.send_mail("Your question", "We have it.", None, ["reader@example.org"])

    assert sent == 1
    assert [message.subject for message in mailoutbox] == ["Your question"]
