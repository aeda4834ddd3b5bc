"""The admin's "Publish as a knowledge base entry" for an answered question: a draft entry made
from it (see faq_drafts), opened in the page editor for a librarian to finish and publish.

GET asks for confirmation (or goes straight to the entry made before); POST makes the draft.
Only librarians who answer questions and may add pages to that knowledge base use it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from plugins.reference import faq_drafts
from plugins.reference.models import KnowledgeBasePage, Question

URL_NAME = "reference_publish_faq"
PERMISSION = "reference.answer_question"


class PublishAsFaqView(WagtailAdminTemplateMixin, View):
    """Make (or find) the knowledge base entry of one question."""

    page_title = _("Publish as a knowledge base entry")
    header_icon = "help"
    template_name = "reference/admin/publish_faq.html"
    _refusals = {
        "consent": _(
            "The reader did not agree to have this answer published, so it cannot become a "
            "knowledge base entry."
        ),
        "unanswered": _("This question has no answer yet: answer it before publishing it."),
        "no_base": _(
            "There is no knowledge base page yet. Add one (under the “Ask a librarian” page or "
            "the home page), then publish the answer again."
        ),
    }

    def dispatch(self, request: HttpRequest, question_pk: int) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.question = get_object_or_404(Question, pk=question_pk)
        return super().dispatch(request, question_pk)

    def get(self, request: HttpRequest, question_pk: int) -> HttpResponse:
        entry = faq_drafts.existing_entry(self.question)
        if entry is not None:
            return self._open(entry, created=False)
        refusal, base = self._check()
        return self._page(refusal, base)

    def post(self, request: HttpRequest, question_pk: int) -> HttpResponse:
        entry = faq_drafts.existing_entry(self.question)
        if entry is not None:
            return self._open(entry, created=False)
        refusal, base = self._check()
        if refusal:
            return self._page(refusal, base)
        entry = faq_drafts.draft_entry(self.question, base, request.user)
        return self._open(entry, created=True)

    def _check(self) -> tuple[str, KnowledgeBasePage | None]:
        """Why the question cannot be published ("" if it can) and the base it would go to."""
        if not self.question.consent_to_publish:
            return "consent", None
        if not faq_drafts.public_answers(self.question):
            return "unanswered", None
        base = faq_drafts.knowledge_base_for(self.question.language)
        if base is None:
            return "no_base", None
        if not base.permissions_for_user(self.request.user).can_add_subpage():
            raise PermissionDenied
        return "", base

    def _page(self, refusal: str, base: KnowledgeBasePage | None) -> HttpResponse:
        if refusal:
            messages.error(self.request, self._refusals[refusal])
        context = self.get_context_data(question=self.question, base=base, refused=bool(refusal))
        return self.render_to_response(context, status=409 if refusal else 200)

    def _open(self, entry, created: bool) -> HttpResponse:
        if created:
            messages.success(
                self.request,
                _(
                    "A draft entry was made from the question. Edit it so it names nobody, "
                    "then publish."
                ),
            )
        else:
            messages.info(
                self.request,
                _("This question is already a knowledge base entry: here it is."),
            )
        return redirect(reverse("wagtailadmin_pages:edit", args=[entry.pk]))
