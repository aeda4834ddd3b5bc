"""schema.org ``Event`` data for an event page (JSON-LD), safe inside a <script> element."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest

from plugins.events.models import Attendance, EventPage

MODES = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.MIXED: "https://schema.org/MixedEventAttendanceMode",
}
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _organizer(event: EventPage, request: HttpRequest, library: str) -> dict[str, Any]:
    home = request.build_absolute_uri(f"/{event.locale.language_code}/")
    return {"@type": "Library", "name": library, "url": home}


def _locations(event: EventPage, request: HttpRequest, url: str) -> list[dict[str, Any]]:
    locations: list[dict[str, Any]] = []
    if event.attendance != Attendance.ONLINE:
        place: dict[str, Any] = {"@type": "Place", "name": event.place}
        if event.address:
            place["address"] = " ".join(event.address.split())
        locations.append(place)
    if event.attendance != Attendance.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": event.video_url or url})
    return locations


def event_jsonld(event: EventPage, request: HttpRequest, library: str) -> str:
    """The event for search engines; ``library`` is the organiser's name."""
    url = request.build_absolute_uri(event.get_url(request))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "inLanguage": event.locale.language_code,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": MODES[Attendance(event.attendance)],
        "location": _locations(event, request, url),
        "organizer": _organizer(event, request, library),
    }
    if event.summary:
        data["description"] = event.summary
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
