"""What other plugins add to a reader's account, without readers knowing them.

A plugin registers an ``AccountSection`` from its AppConfig.ready(): My account shows it, the
reader's data download holds what it keeps about them, and the page that deletes an account
says it goes too (models that belong to the user are deleted with the account by their own
foreign keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_sections: dict[str, AccountSection] = {}


@dataclass(frozen=True)
class AccountSection:
    key: str  # its name in the data download, e.g. "ratings"
    template: str  # rendered in My account with ``section`` (what ``context`` gives)
    context: Callable[[Any], Any]  # the user -> what the template shows
    personal_data: Callable[[Any], Any]  # the user -> JSON-ready data for the download
    removed: Callable[[], str]  # what deleting the account removes, in the reader's language
    order: int = 100  # place among the sections, smallest first
    stylesheets: tuple[str, ...] = ()  # static paths the template's markup needs


def register_account_section(section: AccountSection) -> None:
    _sections[section.key] = section


def account_sections() -> list[AccountSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))
