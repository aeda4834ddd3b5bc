"""What the hold form on a record page needs: who the reader is and where they may collect."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from koha_bridge.client import KohaError
from plugins.readers import koha
from plugins.readers.models import KohaCard
from plugins.readers.my_account import library_names
from plugins.readers.refusals import failure

register = template.Library()


@dataclass(frozen=True)
class HoldOptions:
    state: str  # "anonymous", "no_card", "held", "form" or "unavailable"
    sign_in_url: str = ""
    link_card_url: str = ""
    held_at: str = ""  # where the reader's hold on the title is to be collected
    libraries: list[tuple[str, str]] = field(default_factory=list)  # (library id, name)
    preferred: str = ""  # the reader's home library
    failure: str = ""


@register.simple_tag(takes_context=True)
def hold_options(context: template.Context, biblio_id: int) -> HoldOptions:
    request = context["request"]
    back_here = urlencode({"next": request.get_full_path()})
    if not request.user.is_authenticated:
        return HoldOptions("anonymous", sign_in_url=f"{reverse('account_login')}?{back_here}")
    card = KohaCard.objects.filter(user=request.user).first()
    if card is None:
        return HoldOptions("no_card", link_card_url=f"{reverse('readers:link_card')}?{back_here}")
    client = koha.client()
    try:
        # A reader back from placing a hold is told it is there, not offered the form again.
        held = [h for h in client.patron_holds(card.patron_id) if h["biblio_id"] == int(biblio_id)]
        if held:
            pickup = held[0]["pickup_library_id"]
            return HoldOptions("held", held_at=library_names(client).get(pickup, pickup))
        found = client.pickup_locations(int(biblio_id), card.patron_id)
    except KohaError as error:
        return HoldOptions("unavailable", failure=failure(error, "pickup_locations"))
    libraries = [(row["library_id"], row["name"]) for row in found]
    return HoldOptions("form", libraries=libraries, preferred=card.home_library_id)
