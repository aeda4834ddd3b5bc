"""Online registration: a provisional patron in Koha's self-registration category, duplicates
refused before anything is created, what to bring to the desk, limits and a trap for robots."""

from __future__ import annotations

import pytest

from koha_bridge.client import KohaUnavailable
from tests.html import soup_of
from tests.plugins.readers.conftest import ANDREI

pytestmark = pytest.mark.django_db

ANA = {
    "firstname": "Ana",
    "surname": "Rusu",
    "date_of_birth": "1990-04-01",
    "address": "7 Vine Street",
    "city": "Lunca",
    "postal_code": "00004",
    "phone": "+373 000 00 009",
    "email": "ana.rusu@example.org",
    "library_id": "RIV",
    "consent": "on",
}


def patrons_named(koha, surname: str) -> list[dict]:
    with koha.store.reading() as db:
        return [
            dict(row) for row in db.execute("SELECT * FROM patrons WHERE surname = ?", (surname,))
        ]


def count_patrons(koha) -> int:
    with koha.store.reading() as db:
        return db.execute("SELECT COUNT(*) FROM patrons").fetchone()[0]


def errors_of(response) -> str:
    return soup_of(response).select_one(".form-errors").get_text(" ", strip=True)


def test_the_form_offers_koha_libraries_and_asks_for_consent(koha, client):
    soup = soup_of(client.get("/en/register/"))

    options = [option["value"] for option in soup.select("select[name=library_id] option")]
    assert sorted(options) == ["CPL", "KIDS", "RIV"]
    assert soup.select_one("input[name=consent][type=checkbox]")
    for field in soup.select("main form input:not([type=hidden]), main form select"):
        assert soup.select_one(f'label[for="{field["id"]}"]'), field["name"]


def test_registering_creates_a_provisional_patron_in_the_self_registration_category(koha, client):
    response = client.post("/uk/register/", ANA)

    assert response["Location"] == "/uk/register/done/"
    [patron] = patrons_named(koha, "Rusu")
    assert (patron["category_id"], patron["library_id"]) == ("SELFREG", "RIV")
    assert (patron["firstname"], patron["date_of_birth"]) == ("Ana", "1990-04-01")
    assert (patron["email"], patron["lang"]) == (ANA["email"], "uk-UA")
    assert "Registered on the website" in patron["staff_notes"]


def test_the_category_comes_from_the_setting(koha, client, settings):
    settings.KOHA_SELF_REGISTRATION_CATEGORY = "PT"

    client.post("/en/register/", ANA)

    assert patrons_named(koha, "Rusu")[0]["category_id"] == "PT"


def test_the_reader_is_told_what_to_bring_and_their_provisional_card_number(koha, client):
    done = client.get(client.post("/en/register/", ANA)["Location"])

    text = soup_of(done).select_one("main").get_text(" ", strip=True)
    [patron] = patrons_named(koha, "Rusu")
    assert patron["cardnumber"] in text
    assert "Riverside Branch" in text
    assert "identity document" in text


@pytest.mark.parametrize(
    "same",
    [
        {"email": ANDREI.email.upper()},
        {"firstname": ANDREI.firstname, "surname": ANDREI.surname.lower()},
    ],
    ids=["same email", "same name and date of birth"],
)
def test_a_reader_koha_knows_already_is_not_registered_twice(koha, client, same):
    with koha.store.transaction() as db:
        db.execute(
            "UPDATE patrons SET date_of_birth = '1990-04-01' WHERE cardnumber = ?",
            (ANDREI.cardnumber,),
        )
    before = count_patrons(koha)

    response = client.post("/en/register/", {**ANA, **same})

    assert response.status_code == 200
    assert "registered with the library already" in errors_of(response)
    assert count_patrons(koha) == before


def test_required_details_and_consent_are_asked_for(koha, client):
    before = count_patrons(koha)
    incomplete = {name: value for name, value in ANA.items() if name not in ("consent", "city")}

    response = client.post("/en/register/", incomplete)

    soup = soup_of(response)
    assert soup.select_one("#id_consent").find_parent(class_="field--error")
    assert soup.select_one("#id_city").find_parent(class_="field--error")
    assert count_patrons(koha) == before


def test_a_date_of_birth_in_the_future_is_refused(koha, client):
    response = client.post("/en/register/", {**ANA, "date_of_birth": "2999-01-01"})

    assert (
        "must be in the past"
        in soup_of(response).select_one("#id_date_of_birth").find_parent().get_text()
    )


def test_a_robot_filling_the_trap_field_registers_nobody(koha, client):
    before = count_patrons(koha)

    client.post("/en/register/", {**ANA, "website": "https://spam.example"})

    assert count_patrons(koha) == before


def test_registrations_are_limited_per_address(koha, client, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "registration": "2/h/ip"}
    client.post("/en/register/", ANA)
    client.post("/en/register/", {**ANA, "email": "b@example.org", "surname": "B"})

    response = client.post("/en/register/", {**ANA, "email": "c@example.org", "surname": "C"})

    assert response.status_code == 429
    assert patrons_named(koha, "C") == []


def test_koha_down_while_registering_creates_nothing_and_says_so(koha, client, monkeypatch):
    client.get("/en/register/")  # the branch names are cached by now

    def down(*args, **kwargs):
        raise KohaUnavailable("cannot connect", url="http://koha.example/api/v1")

    monkeypatch.setattr("koha_bridge.client.KohaClient.add_patron", down)

    response = client.post("/en/register/", ANA)

    assert "not answering" in errors_of(response)
    assert patrons_named(koha, "Rusu") == []
