"""The librarians' console in the Wagtail admin, for those who may answer questions only."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from tests.html import soup_of


def staff(django_user_model, *codenames):
    user = django_user_model.objects.create_user("marta", "marta@library.test", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_a_librarian_who_may_answer_gets_the_console_and_its_menu_item(client, django_user_model):
    client.force_login(staff(django_user_model, "answer_question"))

    response = client.get("/admin/reference/chat/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("[data-chat-console] [data-console-waiting]")["aria-live"] == "polite"
    assert "Live chat" in client.get("/admin/").content.decode()


def test_others_in_the_admin_get_403_and_no_menu_item(client, django_user_model):
    client.force_login(staff(django_user_model))

    assert client.get("/admin/reference/chat/").status_code == 403
    assert "/admin/reference/chat/" not in client.get("/admin/").content.decode()
