"""The reference service's data: threads of questions, topics and canned answers, the knowledge
base's pages, the service's ratings and suggestions, and who is on chat duty."""

from plugins.reference.models.chat import ChatDuty
from plugins.reference.models.feedback import ServiceRating, ServiceSuggestion
from plugins.reference.models.pages import (
    AskLibrarianPage,
    FaqEntryPage,
    FaqVote,
    KnowledgeBasePage,
)
from plugins.reference.models.questions import CannedAnswer, Message, Question, Topic

__all__ = [
    "AskLibrarianPage",
    "CannedAnswer",
    "ChatDuty",
    "FaqEntryPage",
    "FaqVote",
    "KnowledgeBasePage",
    "Message",
    "Question",
    "ServiceRating",
    "ServiceSuggestion",
    "Topic",
]
