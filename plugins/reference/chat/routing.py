"""The chat's websocket addresses, routed by library_site.asgi."""

from django.urls import path

from plugins.reference.chat.consumers import LibrarianConsoleConsumer, ReaderChatConsumer

websocket_urlpatterns = [
    path("ws/ask/chat/console/", LibrarianConsoleConsumer.as_asgi()),
    path("ws/ask/chat/<str:access_key>/", ReaderChatConsumer.as_asgi()),
]
