"""django-comments-xtd's texts that readers see, which it translates into Russian only.

Listed so that makemessages keeps them in the site's catalogues (Django reads LOCALE_PATHS before
django-comments-xtd's own): the subjects of its e-mails.
"""

from django.utils.translation import gettext_noop

TEXTS = (
    gettext_noop("comment confirmation request"),
    gettext_noop("new comment posted"),
)
