"""Local development and the demo: debug on, mail to the console."""

from library_site.settings.base import *  # noqa: F403

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]
