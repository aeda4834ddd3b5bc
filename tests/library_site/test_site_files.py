"""Files every site is asked for: its icon, robots.txt and stylesheet, served by the site."""

import pytest

from tests.html import soup_of

pytestmark = pytest.mark.django_db

ICO_HEADER = b"\x00\x00\x01\x00"  # reserved 0, type 1 (icon)


def test_favicon_ico_is_a_real_icon_at_the_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(response.streaming_content).startswith(ICO_HEADER)


def test_pages_name_their_svg_and_ico_icons(client):
    soup = soup_of(client.get("/en/"))

    icons = {link.get("type", ""): link["href"] for link in soup.select('link[rel="icon"]')}
    assert icons[""] == "/favicon.ico"
    svg = client.get(icons["image/svg+xml"])
    assert svg.status_code == 200
    assert b"<svg" in b"".join(svg.streaming_content)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_stylesheet_is_served_by_the_site_without_debug(client, settings):
    assert settings.DEBUG is False

    response = client.get("/static/css/site.css")

    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)
