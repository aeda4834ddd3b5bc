"""The reference service's public addresses, under each language's prefix (/<lang>/ask/...)."""

from django.urls import path

from plugins.reference.chat import views as chat_views

app_name = "reference"

urlpatterns: list = [
    path("chat/", chat_views.start, name="chat_start"),
]
