"""The reference service's public addresses, under each language's prefix (/<lang>/ask/...)."""

from django.urls import path  # noqa: F401  (each part adds its routes below)

app_name = "reference"

urlpatterns: list = []
