"""Images for the demo, drawn here: no downloads, and no one else's rights to clear."""

from __future__ import annotations

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SPINE_COLOURS = [
    "#8a3b12",
    "#1d4e89",
    "#2e7d32",
    "#b8860b",
    "#6a1b9a",
    "#c62828",
    "#37474f",
    "#00695c",
]


def draw_shelves(width: int = 1200, height: int = 630, seed: int = 20) -> bytes:
    """A bookcase: wooden shelves full of coloured spines, as PNG bytes."""
    rng = random.Random(seed)
    canvas = PillowImage.new("RGB", (width, height), "#6d4c33")
    draw = ImageDraw.Draw(canvas)
    shelf_height = height // 3
    for row in range(3):
        top = row * shelf_height
        draw.rectangle([0, top + shelf_height - 18, width, top + shelf_height], fill="#4e342e")
        x = 16
        while x < width - 40:
            spine = rng.randint(22, 46)
            tall = rng.randint(shelf_height - 90, shelf_height - 30)
            colour = rng.choice(SPINE_COLOURS)
            draw.rectangle(
                [x, top + shelf_height - 18 - tall, x + spine, top + shelf_height - 18],
                fill=colour,
                outline="#2b1d14",
            )
            band = top + shelf_height - 18 - tall + 14
            draw.rectangle([x + 4, band, x + spine - 4, band + 5], fill="#f3e5ab")
            x += spine + rng.randint(1, 4)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


DRAWINGS = {"shelves": ("Bookshelves (demo illustration)", draw_shelves)}


def ensure_images(drawings: dict | None = None) -> dict:
    """The demo images by key (of ``drawings``, the site's by default), created once."""
    image_model = get_image_model()
    images = {}
    for key, (title, draw) in (drawings or DRAWINGS).items():
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title)
            image.file = ImageFile(BytesIO(draw()), name=f"demo-{key}.png")
            image.save()
        images[key] = image
    return images
