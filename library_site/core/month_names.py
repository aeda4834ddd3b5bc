"""Django's names of the months, listed so that makemessages keeps them in the site's catalogues.

Django's Romanian capitalises them ("2 Decembrie 2025"), which Romanian does not: the site's
Romanian catalogue, read before Django's own, writes them in lower case. Russian and Ukrainian
keep Django's words.
"""

from django.utils.translation import gettext_noop

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
