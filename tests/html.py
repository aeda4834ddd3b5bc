"""Read a response as a reader's browser would: parsed HTML."""

from bs4 import BeautifulSoup


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")
