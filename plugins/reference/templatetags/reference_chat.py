"""``{% chat_offer as offer %}``: whether the live chat is offered on the page being rendered."""

from django import template
from wagtail.models import Site

from plugins.reference.chat.duty import Offer, chat_offer

register = template.Library()


@register.simple_tag(takes_context=True)
def chat_offer_now(context) -> Offer:
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return chat_offer(site)
