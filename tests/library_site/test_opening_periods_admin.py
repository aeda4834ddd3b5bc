"""Editors enter the library's opening periods in its settings, beside its contacts."""

from wagtail.models import Site

from tests.html import soup_of


def test_the_library_settings_offer_the_opening_periods(admin_client):
    site = Site.objects.get(is_default_site=True)

    response = admin_client.get(f"/admin/settings/core/librarysettings/{site.pk}/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert "Opening periods" in soup.get_text()
    assert soup.select_one("[name=opening_periods-TOTAL_FORMS]")["value"] == "6"  # the demo's
