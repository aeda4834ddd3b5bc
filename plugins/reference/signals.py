"""What happens in a thread, for the parts that act on it (mail to the reader, notices to the
librarians, the live chat) without the thread's rules knowing them."""

from django.dispatch import Signal

# sender=Question, question=: an anonymous asker confirmed their address, or a reader asked.
question_asked = Signal()
# sender=Question, question=, message=: a librarian answered (message.via_chat for chat lines).
answer_given = Signal()
# sender=Question, question=, message=: the reader wrote again in the thread.
reply_received = Signal()
# sender=Question, question=, librarian=, by=: the question was given to a librarian (or to
# nobody) by ``by`` (a user, or None).
question_assigned = Signal()
