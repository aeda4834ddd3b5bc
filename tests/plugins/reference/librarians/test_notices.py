"""Librarians hear of new questions and of readers' replies by e-mail, each in their own admin
language, with a link to the question's admin page; through django-rq where it is configured."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.users.models import UserProfile

from plugins.reference import mail, signals, threads
from plugins.reference.librarian_notices import notify, recipients
from tests.plugins.reference.librarians.conftest import (
    admin_user_without_the_service,
    make_librarian,
    make_user,
)
from tests.services import job_queue_url, port_open, require

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_the_librarians_mail():
    """The reader's acknowledgement (plugins.reference.mail) is not what is tested here."""
    signals.question_asked.disconnect(dispatch_uid="reference_ack_mail")
    yield
    signals.question_asked.connect(mail.on_question_asked, dispatch_uid="reference_ack_mail")


@pytest.fixture
def staff(settings):
    settings.REFERENCE_NOTIFY_EMAIL = "reference@library.example"
    direct = make_user("direct", email="direct@library.example")
    direct.user_permissions.add(Permission.objects.get(codename="answer_question"))
    return {
        "moderator": make_librarian("moderator"),
        "editor": make_librarian("editor", group="Editors"),
        "direct": direct,
        "no_address": make_librarian("silent", email=""),
        "inactive": make_librarian("gone", is_active=False),
        "outsider": admin_user_without_the_service(),
        "superuser": make_user("root", is_superuser=True, email="root@library.example"),
    }


def ask_as_reader(body: str = "Do you have Kobzar in Braille?", language: str = "en"):
    return threads.ask(body=body, language=language, reader=make_user("asker"))


def test_a_new_question_is_mailed_to_every_librarian_and_the_shared_mailbox(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = ask_as_reader()

    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "direct@library.example",
        "editor@library.example",
        "moderator@library.example",
        "reference@library.example",
        "root@library.example",
    ]
    mail = mailoutbox[0]
    assert mail.subject == "New question: Do you have Kobzar in Braille?"
    assert f"http://testserver/admin/reference/{question.pk}/" in mail.body
    assert "asker@example.org" not in mail.body


def test_an_unconfirmed_question_is_mailed_to_nobody_until_confirmed(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = threads.ask(body="Anonymous", language="en", email="anon@example.org")
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        threads.confirm(question)
    assert len(mailoutbox) == 5


def test_each_librarian_is_written_to_in_their_admin_language(staff, settings):
    settings.LANGUAGE_CODE = "en"
    UserProfile.objects.update_or_create(
        user=staff["moderator"], defaults={"preferred_language": "uk"}
    )
    question = ask_as_reader()

    languages = {each.address: each.language for each in recipients(question, "asked")}

    assert languages["moderator@library.example"] == "uk"
    assert languages["editor@library.example"] == "en"  # no preference: the site's language
    assert languages["reference@library.example"] == "en"


def test_the_notice_is_written_in_the_recipients_language(
    staff, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    """The mail is rendered with the librarian's language active (the words come from the
    catalogues the translators fill)."""
    from django.utils import translation

    from plugins.reference import librarian_notices

    UserProfile.objects.update_or_create(
        user=staff["moderator"], defaults={"preferred_language": "uk"}
    )
    seen = []
    real = librarian_notices.render_to_string

    def render(template, context):
        seen.append(translation.get_language())
        return real(template, context)

    monkeypatch.setattr(librarian_notices, "render_to_string", render)
    with django_capture_on_commit_callbacks(execute=True):
        ask_as_reader()

    assert sorted(set(seen)) == ["en", "uk"]


def test_a_reply_goes_to_the_assigned_librarian_only(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    question = ask_as_reader()
    threads.assign(question, staff["editor"])

    with django_capture_on_commit_callbacks(execute=True):
        threads.reply(question, "It is for my grandmother.")

    assert [mail.to for mail in mailoutbox] == [["editor@library.example"]]
    assert mailoutbox[0].subject.startswith("The reader replied")
    assert "It is for my grandmother." in mailoutbox[0].body


def test_a_reply_to_an_unassigned_question_goes_to_everyone(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    question = ask_as_reader()

    with django_capture_on_commit_callbacks(execute=True):
        threads.reply(question, "Any news?")

    assert len(mailoutbox) == 5


def test_a_reply_to_a_librarian_without_an_address_goes_to_everyone(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    question = ask_as_reader()
    threads.assign(question, staff["no_address"])

    with django_capture_on_commit_callbacks(execute=True):
        threads.reply(question, "Hello?")

    assert len(mailoutbox) == 5


def test_with_redis_the_notice_is_a_job_for_the_worker(
    settings, staff, mailoutbox, django_capture_on_commit_callbacks
):
    require(port_open("127.0.0.1", 6379), "Redis on 127.0.0.1:6379")
    import django_rq
    from rq import SimpleWorker

    settings.RQ_QUEUES = {"default": {"URL": job_queue_url()}}
    queue = django_rq.get_queue("default")
    queue.empty()

    with django_capture_on_commit_callbacks(execute=True):
        ask_as_reader()

    assert queue.count == 1 and mailoutbox == []
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert len(mailoutbox) == 5


def test_the_job_for_a_question_gone_since_sends_nothing(staff, mailoutbox):
    notify(987654, "asked")

    assert mailoutbox == []


def test_a_question_a_colleague_assigns_is_mailed_to_its_librarian_only(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    question = ask_as_reader("Where are the 1930s newspapers?")

    with django_capture_on_commit_callbacks(execute=True):
        threads.assign(question, staff["editor"], by=staff["moderator"])

    [notice] = mailoutbox
    assert notice.to == ["editor@library.example"]
    assert notice.subject == "Assigned to you: Where are the 1930s newspapers?"
    assert "Where are the 1930s newspapers?" in notice.body


def test_taking_a_question_oneself_or_unassigning_it_mails_no_one(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    question = ask_as_reader()

    with django_capture_on_commit_callbacks(execute=True):
        threads.assign(question, staff["editor"], by=staff["editor"])
        threads.assign(question, None, by=staff["editor"])

    assert mailoutbox == []


def test_the_assign_form_says_who_assigned(client, mailoutbox, django_capture_on_commit_callbacks):
    moderator, colleague = make_librarian("moderator"), make_librarian("colleague")
    client.force_login(moderator)
    question = ask_as_reader()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reference_question", args=[question.pk]) + "assign/",
            {"librarian": str(colleague.pk)},
        )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reference_question", args=[question.pk]) + "assign/",
            {"librarian": "me"},
        )

    assert [mail.to for mail in mailoutbox] == [["colleague@library.example"]]
