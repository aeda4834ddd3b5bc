"""The editors' way in."""

import pytest

from tests.html import soup_of

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_served_outside_the_language_prefix(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    soup = soup_of(response)
    form = soup.select_one("form")
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert form.select_one("input[name=username]") and form.select_one("input[name=password]")


def test_admin_login_is_named_after_the_library(client):
    soup = soup_of(client.get("/admin/login/", headers={"accept-language": "en"}))

    assert soup.title.get_text(strip=True).endswith("Prut Valley Public Library")
    assert soup.h1.get_text(strip=True) == "Sign in to Prut Valley Public Library"


def test_admin_login_names_the_library_in_the_editors_language(client):
    soup = soup_of(client.get("/admin/login/", headers={"accept-language": "uk"}))

    assert soup.h1.get_text(strip=True) == "Вхід: Публічна бібліотека долини Пруту"


def test_dashboard_is_named_after_the_library(admin_client):
    soup = soup_of(admin_client.get("/admin/", headers={"accept-language": "en"}))

    assert soup.title.get_text(strip=True) == "Dashboard - Prut Valley Public Library"
    assert soup.h1.get_text(strip=True) == "Prut Valley Public Library"


def test_admin_shows_no_gravatar_images_which_would_need_the_internet(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "gravatar.com" not in html


def test_admin_requires_a_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_signs_in_and_sees_the_page_tree(client, django_user_model):
    django_user_model.objects.create_superuser(
        "editor", "editor@library20.example", "x-long-pass-1"
    )

    response = client.post(
        "/admin/login/", {"username": "editor", "password": "x-long-pass-1"}, follow=True
    )

    assert response.status_code == 200
    assert response.wsgi_request.user.username == "editor"


def test_library_settings_are_editable_in_the_admin(admin_client):
    response = admin_client.get("/admin/settings/core/librarysettings/", follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert "ask@library20.example" in html
    assert "https://t.me/library20_demo" in html
