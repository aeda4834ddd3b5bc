from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    """Ask a librarian: questions and their threads, the knowledge base, live chat, feedback."""

    name = "plugins.reference"
    label = "reference"
    verbose_name = _("Ask a librarian")

    def ready(self) -> None:
        from plugins.opac.record_extensions import register_record_section
        from plugins.readers.extensions import register_account_section
        from plugins.reference import librarian_notices, mail, signals
        from plugins.reference.account import QUESTIONS_SECTION
        from plugins.reference.record_link import ASK_SECTION

        signals.question_asked.connect(mail.on_question_asked, dispatch_uid="reference_ack_mail")
        signals.answer_given.connect(mail.on_answer_given, dispatch_uid="reference_answer_mail")
        register_account_section(QUESTIONS_SECTION)
        register_record_section(ASK_SECTION)
        librarian_notices.connect()
