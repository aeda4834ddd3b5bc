"""Generated covers: the title and author on a colour of the title's own, made here in SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from plugins.opac.cover_svg import cover_svg

SVG = "{http://www.w3.org/2000/svg}"


def lines(svg: str) -> list[list[str]]:
    """The text of each <text> element, line by line."""
    root = ET.fromstring(svg)
    return [[span.text for span in text.iter(f"{SVG}tspan")] for text in root.iter(f"{SVG}text")]


def fill(svg: str) -> str:
    return ET.fromstring(svg).find(f"{SVG}rect").get("fill")


def test_a_cover_carries_the_title_and_the_author():
    title, author = lines(cover_svg("Great expectations", "Charles Dickens"))
    assert " ".join(title) == "Great expectations"
    assert author == ["Charles Dickens"]


def test_words_are_kept_whole_from_line_to_line():
    name = "Похождения Чичикова, или Мертвые души"
    (title,) = lines(cover_svg(name, ""))
    assert len(title) > 1
    assert [word for line in title for word in line.split()] == name.split()


def sized_lines(svg: str) -> list[tuple[int, str]]:
    root = ET.fromstring(svg)
    return [
        (int(text.get("font-size")), span.text)
        for text in root.iter(f"{SVG}text")
        for span in text.iter(f"{SVG}tspan")
    ]


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Смерть постороннего", "Андрей Юрьевич Курков"),
        ("Беседы о русской культуре", "Юрий Михайлович Лотман"),
        ("Pe culmile disperării", "Emil Cioran"),
        ("Похождения Чичикова, или Мертвые души", "Николай Васильевич Гоголь"),
        ("Istorie și mit în conștiința românească", "Lucian Boia"),
        ("Supercalifragilisticexpialidocious", "Mary Wollstonecraft Shelley"),
    ],
)
def test_every_line_fits_the_cover(title, author):
    """At 0.6 em a letter (wide Cyrillic capitals and bold serif included), within the 165
    units between the margins."""
    for size, line in sized_lines(cover_svg(title, author)):
        assert len(line) * size * 0.6 <= 165, (size, line)


def test_an_overlong_title_is_cut_with_an_ellipsis():
    (title, _author) = lines(cover_svg("A " * 200, "Someone"))
    assert title[-1].endswith("…")


def test_the_same_title_always_gets_the_same_colour_and_others_mostly_differ():
    assert cover_svg("Кобзарь", "Тарас Шевченко") == cover_svg("Кобзарь", "Тарас Шевченко")
    colours = {
        fill(cover_svg(title, "")) for title in ("Кобзарь", "Baltagul", "Oliver Twist", "Dar")
    }
    assert len(colours) > 1


def test_whatever_the_title_says_the_cover_is_well_formed_xml():
    svg = cover_svg('<script>alert("x")</script> & </svg>', "O'Brien <b>")
    assert "<script>" not in svg
    title, author = lines(svg)
    assert "".join(title).replace(" ", "") == '<script>alert("x")</script>&</svg>'
    assert author == ["O'Brien <b>"]


@pytest.mark.django_db
def test_a_generated_cover_is_served_as_svg_and_may_be_cached(client, catalogue):
    response = client.get("/covers/41.svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert lines(response.content.decode())[0] == ["Кобзарь"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/covers/99999.svg", "/covers/abc.svg", "/covers/1234567890123456789.svg"]
)
def test_a_cover_of_no_record_is_404(client, catalogue, path):
    assert client.get(path).status_code == 404
