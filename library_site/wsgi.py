"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

from django.core.wsgi import get_wsgi_application

from library_site.manage import configure

configure("library_site.settings.production")
application = get_wsgi_application()
