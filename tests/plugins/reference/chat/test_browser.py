"""A reader and a librarian chat live in two Chromium pages; outside hours, the fallback."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from playwright.sync_api import expect

from plugins.reference.chat.consumers import thread_url
from plugins.reference.models import Message, Question
from tests.axe import serious_violations
from tests.library_site.browser.conftest import demo_site  # noqa: F401
from tests.plugins.reference.chat.asgi_server import asgi_server
from tests.services import chromium

pytestmark = [
    pytest.mark.browser,
    # WhiteNoise streams the static files synchronously; Django's ASGI handler says so once.
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume:Warning"),
]

WIDGET_URLCONF = "tests.plugins.reference.chat.widget_page"
OPEN = "tests.plugins.reference.chat.test_offer.open_library"
CLOSED = "tests.plugins.reference.chat.test_offer.closed_library"
XSS = "<b>bold?</b><img src=x onerror=alert(1)>"


@pytest.fixture
def site(demo_site, settings):  # noqa: F811
    settings.ROOT_URLCONF = WIDGET_URLCONF
    with asgi_server() as address:
        yield address


@pytest.fixture
def librarian_cookie(demo_site, django_user_model):  # noqa: F811
    user = django_user_model.objects.create_user(
        "marta", "marta@library.test", "pw", first_name="Marta"
    )
    for codename in ("access_admin", "answer_question"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_a_reader_and_a_librarian_chat_live_and_the_reader_ends_it(
    site, settings, librarian_cookie
):
    settings.REFERENCE_OPENING_HOURS = OPEN
    with chromium() as browser:
        console_context = browser.new_context(locale="en-GB")
        console_context.add_cookies([{"name": "sessionid", "value": librarian_cookie, "url": site}])
        console = console_context.new_page()
        console.goto(f"{site}/admin/reference/chat/")
        expect(console.get_by_text("You are on chat duty")).to_be_visible()

        reader = browser.new_context(locale="en-GB").new_page()
        reader.goto(f"{site}/chat-widget/")
        widget = reader.get_by_role("region", name="Chat with a librarian")
        widget.get_by_label("Your question").fill("Do you have Kobzar in Ukrainian?")
        widget.get_by_label("Your name (optional)").fill("Olena")
        widget.get_by_role("button", name="Chat with a librarian now").click()
        expect(widget.get_by_role("status")).to_have_text("Waiting for a librarian to join…")

        waiting = console.get_by_role("region", name="Waiting chats").get_by_role("listitem")
        expect(waiting).to_contain_text("Olena Do you have Kobzar in Ukrainian?")
        waiting.get_by_role("button", name="Take this chat").click()
        chat = console.get_by_role("region", name=re.compile("^Olena — Do you have Kobzar"))
        expect(chat.get_by_role("listitem")).to_have_text(["OlenaDo you have Kobzar in Ukrainian?"])
        expect(widget.get_by_role("status")).to_have_text("A librarian has joined the chat: Marta")

        chat.get_by_label("Your message").fill("Yes, two copies on the shelf.")
        chat.get_by_label("Your message").press("Enter")
        lines = widget.locator("[data-chat-lines] li")
        expect(lines.last).to_have_text("MartaYes, two copies on the shelf.")
        assert serious_violations(reader) == []
        assert serious_violations(console) == []

        widget.get_by_label("Your message").fill(XSS)
        widget.get_by_role("button", name="Send").click()
        expect(chat.get_by_role("listitem").last).to_have_text("Olena" + XSS)
        assert chat.locator("img").count() == 0 and widget.locator("img").count() == 0

        widget.get_by_role("button", name="End chat").click()
        expect(widget.locator("[data-chat-after]")).to_contain_text("The chat has ended.")
        expect(chat.get_by_role("status")).to_have_text("The chat has ended.")
        thread_link = widget.locator("a[data-chat-thread]")
        thread_link_shown = thread_link.is_visible()
        thread_link_href = thread_link.get_attribute("href")

    question = Question.objects.get(source=Question.Source.CHAT)
    assert question.status == Question.Status.ANSWERED and question.chat_ended_at
    said = Message.objects.filter(question=question)
    assert [(m.kind, m.body, m.via_chat) for m in said] == [
        (Message.Kind.ANSWER, "Yes, two copies on the shelf.", True),
        (Message.Kind.REPLY, XSS, True),
    ]
    # The link to the thread page (the question form's part of the plugin), where there is one.
    assert thread_link_shown
    assert thread_link_href == thread_url(question)


def test_outside_hours_the_reader_is_shown_the_way_to_the_question_form(site, settings):
    settings.REFERENCE_OPENING_HOURS = CLOSED
    with chromium() as browser:
        reader = browser.new_context(locale="en-GB").new_page()
        reader.goto(f"{site}/chat-widget/")
        widget = reader.get_by_role("region", name="Chat with a librarian")

        expect(widget).to_contain_text("The library is closed now.")
        expect(widget).to_contain_text("ask your question with the form here")
        expect(widget.get_by_role("button", name="Chat with a librarian now")).to_have_count(0)
        assert serious_violations(reader) == []
