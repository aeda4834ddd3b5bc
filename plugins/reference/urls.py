"""The reference service's public addresses, under each language's prefix (/<lang>/ask/...)."""

from django.urls import path

from plugins.reference import asking_views, feedback_views, thread_views, votes
from plugins.reference.chat import views as chat_views

app_name = "reference"

urlpatterns: list = [
    path("", asking_views.ask, name="ask"),
    path("dialog/", asking_views.ask_dialog, name="ask_dialog"),
    path("sent/", asking_views.check_mail, name="check_mail"),
    path("confirm/<str:access_key>/", asking_views.confirm, name="confirm"),
    path("received/<str:access_key>/", asking_views.received, name="received"),
    path("thread/<str:access_key>/", thread_views.thread, name="thread"),
    path("thread/<str:access_key>/reply/", thread_views.reply, name="reply"),
    path("thread/<str:access_key>/rate/", feedback_views.rate, name="rate"),
    path("suggest/", feedback_views.suggest, name="suggest"),
    path("faq/<int:page_id>/helpful/", votes.vote, name="faq_vote"),
    path("chat/", chat_views.start, name="chat_start"),
]
