"""Local development and the demo: mail to the console; debug for the development server.

``library20`` turns debug on for ``runserver`` only (see library_site.manage); DJANGO_DEBUG
overrides it.
"""

from library_site.settings import environment
from library_site.settings.base import *  # noqa: F403
from library_site.settings.base import ENV

DEBUG = environment.flag(ENV, "DJANGO_DEBUG", True)
INTERNAL_IPS = ["127.0.0.1"]
SERVE_MEDIA = True
DEMO_ALLOWED = True
