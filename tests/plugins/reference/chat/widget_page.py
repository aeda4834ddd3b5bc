"""The site's addresses plus a bare page that shows the chat widget, as the Ask pages do."""

from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path

from library_site.urls import urlpatterns as site_urlpatterns

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}<h1>Ask a librarian</h1>'
    '{% include "reference/includes/live_help.html" %}{% endblock %}'
)


def widget_page(request):
    return TemplateResponse(request, PAGE, {})


urlpatterns = [path("chat-widget/", widget_page), *site_urlpatterns]
