"""The rooms of the demo library, drawn for its virtual tour: simple flat illustrations whose
furniture stands where the tour's hotspots point (in percent of the picture)."""

from __future__ import annotations

import random
from collections.abc import Callable
from io import BytesIO

from PIL import Image as PillowImage
from PIL import ImageDraw

from library_site.demo.images import SPINE_COLOURS

WIDTH, HEIGHT = 1200, 750
WALL, FLOOR, WOOD, DARK_WOOD = "#efe6d4", "#b9905f", "#8d6239", "#5b3b22"


class Room:
    """A canvas measured in percent: ``box(x0, y0, x1, y1)`` takes percentages of the sides."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT, wall: str = WALL) -> None:
        self.width, self.height = width, height
        self.image = PillowImage.new("RGB", (width, height), wall)
        self.draw = ImageDraw.Draw(self.image)
        self.rng = random.Random(width * height)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        return [
            round(x0 * self.width / 100),
            round(y0 * self.height / 100),
            round(x1 * self.width / 100),
            round(y1 * self.height / 100),
        ]

    def point(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.width / 100), round(y * self.height / 100)

    def rect(self, x0, y0, x1, y1, fill: str, outline: str | None = None, width: int = 2) -> None:
        self.draw.rectangle(self.box(x0, y0, x1, y1), fill=fill, outline=outline, width=width)

    def floor(self, top: float = 72, colour: str = FLOOR) -> None:
        self.rect(0, top, 100, 100, colour)
        self.rect(0, top, 100, top + 1.2, DARK_WOOD)

    def window(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.rect(x0, y0, x1, y1, "#cfe6f5", outline="#ffffff", width=8)
        middle = (x0 + x1) / 2
        self.rect(middle - 0.3, y0, middle + 0.3, y1, "#ffffff")

    def bookcase(self, x0: float, y0: float, x1: float, y1: float, shelves: int = 4) -> None:
        self.rect(x0, y0, x1, y1, DARK_WOOD)
        left, top, right, bottom = self.box(x0, y0, x1, y1)
        shelf = (bottom - top) / shelves
        for row in range(shelves):
            base = round(top + (row + 1) * shelf) - 8
            x = left + 8
            while x < right - 20:
                spine = self.rng.randint(10, 22)
                tall = self.rng.randint(round(shelf * 0.55), round(shelf * 0.85))
                colour = self.rng.choice(SPINE_COLOURS)
                self.draw.rectangle([x, base - tall, x + spine, base], fill=colour)
                x += spine + self.rng.randint(1, 3)
            self.draw.rectangle([left, base, right, base + 8], fill=WOOD)

    def table(self, x0: float, x1: float, top: float, legs: float = 12, colour: str = WOOD) -> None:
        self.rect(x0, top, x1, top + 2.5, colour)
        self.rect(x0 + 1, top + 2.5, x0 + 2, top + legs, DARK_WOOD)
        self.rect(x1 - 2, top + 2.5, x1 - 1, top + legs, DARK_WOOD)

    def screen(self, x0: float, y0: float, x1: float, y1: float, glow: str = "#3d7ab8") -> None:
        self.rect(x0, y0, x1, y1, "#263238", outline="#101518", width=4)
        self.rect(x0 + 1, y0 + 1.5, x1 - 1, y1 - 1.5, glow)
        middle = (x0 + x1) / 2
        self.rect(middle - 0.6, y1, middle + 0.6, y1 + 3, "#37474f")

    def png(self) -> bytes:
        buffer = BytesIO()
        self.image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


def draw_entrance() -> bytes:
    room = Room(wall="#f4ede0")
    room.floor(70, "#c9b79c")
    room.rect(38, 14, 62, 70, "#9fc4dc", outline="#5f7f95", width=10)  # the glass doors
    room.rect(49.7, 14, 50.3, 70, "#5f7f95")
    room.rect(8, 52, 36, 70, "#7a3b2e")  # the information desk
    room.rect(7, 50, 37, 53, "#5b2a20")
    room.screen(12, 40, 20, 50)
    room.rect(70, 24, 90, 56, "#c7a36b", outline=DARK_WOOD, width=6)  # the noticeboard
    for number, (x, y) in enumerate([(72, 28), (80, 27), (73, 40), (82, 39), (76, 48)]):
        room.rect(
            x, y, x + 6, y + 7, ["#fff8c4", "#ffffff", "#cde8ff", "#ffd9d2", "#d8f3d0"][number]
        )
    return room.png()


def draw_self_check() -> bytes:
    room = Room(wall="#e8eef0")
    room.floor(74, "#a9a39a")
    room.table(10, 42, 50, legs=24, colour="#6d7b85")  # the catalogue counter
    room.screen(13, 30, 24, 48)
    room.screen(28, 30, 39, 48)
    room.rect(55, 22, 70, 74, "#eceff1", outline="#455a64", width=6)  # the self-check machine
    room.screen(57.5, 26, 67.5, 40, glow="#2e7d32")
    room.rect(56.5, 48, 68.5, 52, "#1a5fb4")  # its RFID pad
    room.rect(58, 44, 61, 48, "#c62828")
    room.rect(61.5, 44.5, 64.5, 48, "#b8860b")
    room.rect(78, 58, 95, 80, "#607d8b", outline="#37474f", width=4)  # the returns trolley
    for x in range(79, 94, 3):
        room.rect(x, 50, x + 2.4, 58, random.Random(x).choice(SPINE_COLOURS))
    return room.png()


def draw_reading_room() -> bytes:
    room = Room(width=2600, height=750, wall="#f1e9d8")
    room.floor(74)
    for x in range(2, 90, 19):  # bookcases all along the wall, windows between them
        room.bookcase(x, 14, x + 11, 72, shelves=5)
        room.window(x + 13, 12, x + 17, 52)
    for x0, x1 in [(6, 28), (36, 58), (66, 88)]:  # long tables with green lamps
        room.table(x0, x1, 80, legs=16)
        for lamp in (x0 + 5, x1 - 7):
            room.rect(lamp + 0.8, 74, lamp + 1.2, 80, "#b8860b")
            room.draw.pieslice(room.box(lamp - 0.6, 71, lamp + 2.6, 77), 180, 360, fill="#2e7d32")
    return room.png()


def draw_children() -> bytes:
    room = Room(wall="#fff3d6")
    room.floor(66, "#d8c3a5")
    for x, colour in [(6, "#e57373"), (30, "#64b5f6"), (54, "#81c784"), (78, "#ffb74d")]:
        room.rect(x, 24, x + 18, 56, colour, outline="#ffffff", width=6)
        room.bookcase(x + 1.5, 27, x + 16.5, 54, shelves=2)
    room.draw.ellipse(room.box(30, 70, 70, 94), fill="#7e57c2")  # the round carpet
    room.draw.ellipse(room.box(36, 74, 64, 90), fill="#9575cd")
    for x, colour in [(12, "#f06292"), (80, "#4db6ac"), (86, "#ffd54f")]:
        room.draw.ellipse(room.box(x, 78, x + 9, 90), fill=colour)  # cushions
    room.draw.ellipse(room.box(44, 6, 56, 18), fill="#ffd54f")  # a painted sun
    return room.png()


def draw_rare_books() -> bytes:
    room = Room(wall="#3e2f28")
    room.floor(72, "#4e342e")
    for x in (6, 28, 50):  # glass-fronted cabinets
        room.rect(x, 14, x + 20, 68, DARK_WOOD, outline="#2b1d14", width=8)
        room.bookcase(x + 1.5, 17, x + 18.5, 65, shelves=4)
        room.draw.rectangle(room.box(x + 1.5, 17, x + 18.5, 65), outline="#b0bec5", width=3)
    room.table(74, 96, 62, legs=14, colour="#6d4c41")  # the reading desk and its cradle
    room.draw.polygon([room.point(78, 62), room.point(85, 55), room.point(92, 62)], fill="#efebe9")
    room.draw.ellipse(room.box(80, 4, 90, 14), fill="#ffe082")  # a dim lamp
    return room.png()


def draw_study() -> bytes:
    room = Room(wall="#e3ecf3")
    room.floor(70, "#9e9e9e")
    room.rect(70, 12, 96, 70, "#b3d4ea", outline="#546e7a", width=8)  # the study rooms' glass
    room.rect(82.7, 12, 83.3, 70, "#546e7a")
    room.table(8, 66, 62, legs=14, colour="#90a4ae")
    for x in (12, 26, 40, 52):
        room.screen(x, 42, x + 10, 58)
    room.rect(2, 50, 7, 70, "#eceff1", outline="#607d8b", width=4)  # the printer
    return room.png()


ROOMS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "entrance": ("The entrance hall (demo illustration)", draw_entrance),
    "self-check": ("Catalogue and self-check (demo illustration)", draw_self_check),
    "reading-room": ("The reading room, panorama (demo illustration)", draw_reading_room),
    "children": ("The children's room (demo illustration)", draw_children),
    "rare-books": ("The rare books room (demo illustration)", draw_rare_books),
    "study": ("Computers and quiet study (demo illustration)", draw_study),
}
