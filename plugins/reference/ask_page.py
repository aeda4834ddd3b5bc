"""What the "Ask a librarian" page shows besides its intro: the question form, the way into
its knowledge base, and a signed-in reader's own recent questions."""

from __future__ import annotations

from django.http import HttpRequest

from plugins.reference.account import recent_threads
from plugins.reference.asking_views import asked_about, question_form
from plugins.reference.models import AskLibrarianPage, KnowledgeBasePage

RECENT = 5


def ask_page_context(page: AskLibrarianPage, request: HttpRequest) -> dict:
    form = question_form(request)
    return {
        "form": form,
        "record": asked_about(request, form),
        # A child is in its parent's locale: this is the knowledge base in the page's language.
        "knowledge_base": KnowledgeBasePage.objects.child_of(page).live().first(),
        "own_threads": recent_threads(request.user, RECENT),
    }
