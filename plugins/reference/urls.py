"""The reference service's public addresses, under each language's prefix (/<lang>/ask/...)."""

from django.urls import path

from plugins.reference import votes

app_name = "reference"

urlpatterns: list = [
    path("faq/<int:page_id>/helpful/", votes.vote, name="faq_vote"),
]
