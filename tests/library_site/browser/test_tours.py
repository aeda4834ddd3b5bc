"""A reader walks the demo tour with the keyboard in a real browser; an editor places a hotspot
by clicking a stop's picture in the page editor."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.axe import serious_violations

pytestmark = pytest.mark.browser

PASSWORD = "an-editor's-long-password"


@pytest.fixture
def tours(demo_site) -> dict[str, str]:
    """The demo tour's address in each language."""
    from plugins.exhibitions.models import TourPage

    return {
        tour.locale.language_code: f"{demo_site.url}{tour.url}"
        for tour in TourPage.objects.select_related("locale")
    }


def heading(page) -> str:
    return page.locator("#tour-stop-heading").inner_text()


def focused(page, script: str = "document.activeElement.id"):
    return page.evaluate(script)


def a_reader_walks_the_tour_with_arrow_keys_home_end_and_the_back_button(tours, page):
    tour = tours["en"]
    page.goto(tour)
    assert heading(page) == "The entrance hall"

    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"{tour}stops/2/")
    assert heading(page) == "Catalogue and self-check"
    assert focused(page) == "tour-stop-heading"
    assert page.title().startswith("Catalogue and self-check — A walk through the library")
    current = page.locator(".tour__stops a[aria-current=page]")
    assert current.inner_text() == "Catalogue and self-check"
    russian = page.get_by_role("navigation", name="Choose a language").get_by_role(
        "link", name="Русский"
    )
    assert tours["ru"].endswith(russian.get_attribute("href").removesuffix("stops/2/"))
    assert russian.get_attribute("href").endswith("/stops/2/")

    page.keyboard.press("End")
    page.wait_for_url(f"{tour}stops/6/")
    assert heading(page) == "Computers and quiet study"
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(f"{tour}stops/5/")
    page.keyboard.press("Home")
    page.wait_for_url(f"{tour}stops/1/")
    assert heading(page) == "The entrance hall"

    page.go_back()
    page.wait_for_url(f"{tour}stops/5/")
    page.wait_for_function(
        "document.querySelector('#tour-stop-heading').textContent === 'The rare books room'"
    )
    page.go_back()
    page.go_back()
    page.wait_for_url(f"{tour}stops/2/")
    page.wait_for_function(
        "document.querySelector('#tour-stop-heading').textContent === 'Catalogue and self-check'"
    )


def tab_from_the_stop_reaches_its_hotspots_which_show_their_caption(tours, page):
    page.goto(tours["en"])
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/stops/2/$"))

    page.keyboard.press("Tab")

    spot = page.locator("a.tour-hotspot").first
    assert focused(page, "document.activeElement.classList.contains('tour-hotspot')")
    assert spot.get_attribute("href") == "/en/catalogue/"
    caption = spot.locator(".tour-hotspot__caption")
    page.wait_for_function(
        "getComputedStyle(document.activeElement.querySelector('.tour-hotspot__caption'))"
        ".opacity === '1'"
    )
    assert caption.is_visible()
    assert caption.inner_text() == "Catalogue terminals: search the catalogue"
    outline = spot.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline == "solid"


def arrow_keys_in_the_search_field_move_the_cursor_not_the_tour(tours, page):
    page.goto(f"{tours['en']}stops/2/")
    search = page.get_by_label("Search the site")
    search.fill("kobzar")

    search.press("ArrowLeft")
    search.press("Home")

    assert page.url == f"{tours['en']}stops/2/"
    assert heading(page) == "Catalogue and self-check"


def a_panorama_pans_with_the_arrow_keys_and_by_dragging(tours, page):
    page.set_viewport_size({"width": 800, "height": 800})
    page.goto(f"{tours['en']}stops/3/")
    panorama = page.get_by_role("region", name=re.compile("Panorama"))

    panorama.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('[data-tour-panorama]').scrollLeft > 0")
    assert page.url.endswith("/stops/3/")  # the key panned; the stop stayed

    panorama.evaluate("element => { element.scrollLeft = 0; }")
    box = panorama.bounding_box()
    page.mouse.move(box["x"] + 600, box["y"] + 100)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 100, steps=8)
    page.mouse.up()
    assert panorama.evaluate("element => element.scrollLeft") >= 300
    assert page.url.endswith("/stops/3/")


def without_javascript_every_stop_is_a_page_of_its_own(tours, browser):
    page = browser.new_context(locale="en-GB", java_script_enabled=False).new_page()
    page.goto(tours["en"])

    page.get_by_role("link", name="Next: Catalogue and self-check").click()

    page.wait_for_url(f"{tours['en']}stops/2/")
    assert heading(page) == "Catalogue and self-check"
    assert page.locator("[data-tour-keys]").is_hidden()  # no promise of keys that do nothing


def the_tour_has_no_serious_accessibility_violations_in_any_language(tours, page):
    found = {}
    for tour in tours.values():
        for stop in ["", "stops/3/"]:  # a picture, and a panorama
            page.goto(f"{tour}{stop}")
            if violations := serious_violations(page):
                found[f"{tour}{stop}"] = violations

    assert found == {}


def test_a_reader_goes_through_the_tour(tours, page, browser):
    """Each part below opens the stop it needs: one demo site serves them all."""
    a_reader_walks_the_tour_with_arrow_keys_home_end_and_the_back_button(tours, page)
    tab_from_the_stop_reaches_its_hotspots_which_show_their_caption(tours, page)
    arrow_keys_in_the_search_field_move_the_cursor_not_the_tour(tours, page)
    a_panorama_pans_with_the_arrow_keys_and_by_dragging(tours, page)
    without_javascript_every_stop_is_a_page_of_its_own(tours, browser)
    the_tour_has_no_serious_accessibility_violations_in_any_language(tours, page)


@pytest.fixture
def editor(demo_site) -> str:
    """An editor's account, and the path of the demo tour's edit page."""
    from plugins.exhibitions.models import TourPage

    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return f"/admin/pages/{TourPage.objects.get(locale__language_code='en').pk}/edit/"


def test_an_editor_places_a_hotspot_by_clicking_the_stops_picture(editor, page, demo_site):
    page.goto(f"{demo_site.url}{editor}")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{demo_site.url}{editor}")
    first_stop = page.locator(".tour-stop-block").first
    picture = first_stop.locator("[data-chooser-image]")
    picture.scroll_into_view_if_needed()
    second = first_stop.locator(".tour-hotspot-block").nth(1)
    second.locator('input[name$="-value-caption"]').focus()

    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})

    x = float(second.locator('input[name$="-value-x"]').input_value())
    y = float(second.locator('input[name$="-value-y"]').input_value())
    assert x == pytest.approx(25, abs=1)
    assert y == pytest.approx(75, abs=1)
    untouched = first_stop.locator(".tour-hotspot-block").nth(0)
    assert untouched.locator('input[name$="-value-x"]').input_value() == "22"

    other_stop = page.locator(".tour-stop-block").nth(1)  # no hotspot of it edited yet
    other_picture = other_stop.locator("[data-chooser-image]")
    other_picture.scroll_into_view_if_needed()
    box = other_picture.bounding_box()
    other_picture.click(position={"x": box["width"] * 0.9, "y": box["height"] * 0.1})
    last = other_stop.locator(".tour-hotspot-block").last
    assert float(last.locator('input[name$="-value-x"]').input_value()) == pytest.approx(90, abs=1)
    assert second.locator('input[name$="-value-y"]').input_value() == str(y)
