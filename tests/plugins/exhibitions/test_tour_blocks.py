"""A hotspot's rules: placed on the picture (0–100 % each way) and linking to exactly one
thing; the page editor refuses a hotspot off the picture and saves nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from plugins.exhibitions.models import TourPage
from plugins.exhibitions.tour_blocks import HotspotBlock
from tests.plugins.exhibitions.conftest import add_tour, hotspot, stop

pytestmark = pytest.mark.django_db


def cleaned(**fields):
    block = HotspotBlock()
    return block.clean(block.to_python(hotspot("A shelf", **fields)))


def test_a_hotspot_with_one_link_is_accepted():
    assert cleaned(x=0, y=100, url="https://shelf.example/")["url"] == "https://shelf.example/"


@pytest.mark.parametrize(("x", "y"), [(120, 50), (50, -1), (100.5, 0)])
def test_a_hotspot_off_the_picture_is_refused(x, y):
    with pytest.raises(ValidationError):
        cleaned(x=x, y=y, record=1)


@pytest.mark.parametrize("links", [{}, {"record": 1, "url": "https://shelf.example/"}])
def test_a_hotspot_links_to_exactly_one_thing(links):
    with pytest.raises(StructBlockValidationError) as refused:
        cleaned(**links)

    assert "Give exactly one link" in str(refused.value.non_block_errors.as_data()[0].message)


def edit_form(tour: TourPage, image, x: float) -> dict:
    spot = {
        "caption": "Edge",
        "x": x,
        "y": 10,
        "record": "",
        "page": "",
        "url": "https://e.example/",
    }
    value = {
        "title": "Hall",
        "text": rich_text("<p>A hall.</p>"),
        "image": image.pk,
        "alt": "A hall",
        "hotspots": {"count": 1, "0": {"deleted": "", "order": 0, "id": "", "value": spot}},
    }
    return nested_form_data(
        {
            "title": tour.title,
            "slug": tour.slug,
            "intro": tour.intro,
            "stops": streamfield([("stop", value)]),
            "action-publish": "publish",
        }
    )


def test_the_editor_refuses_a_hotspot_off_the_picture_with_a_clear_message(admin_client, image):
    tour = add_tour("Edge", [stop("Hall", image, [hotspot("Desk", 20, 20, record=1)])])
    revisions = tour.revisions.count()

    response = admin_client.post(f"/admin/pages/{tour.pk}/edit/", edit_form(tour, image, 120))

    assert response.status_code == 200
    page = response.content.decode()
    assert "The page could not be saved due to validation errors" in page
    assert "Ensure this value is less than or equal to 100." in page
    tour.refresh_from_db()
    assert tour.revisions.count() == revisions
    assert tour.stops[0].value["hotspots"][0]["x"] == 20


def test_the_editor_saves_a_hotspot_on_the_picture(admin_client, image):
    tour = add_tour("Inside", [stop("Hall", image, [hotspot("Desk", 20, 20, record=1)])])

    response = admin_client.post(f"/admin/pages/{tour.pk}/edit/", edit_form(tour, image, 99.5))

    assert response.status_code == 302
    tour.refresh_from_db()
    assert tour.stops[0].value["hotspots"][0]["x"] == 99.5
