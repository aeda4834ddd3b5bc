"""``library20 send_suggestions``: send Koha the readers' suggestions that wait, and bring back
Koha's status of those it has (run it every few minutes, or hourly)."""

from django.core.management.base import BaseCommand, CommandError

from koha_bridge.client import KohaError
from plugins.opac.acquisitions.suggestions import refresh_statuses, send_waiting
from plugins.opac.koha import koha_client


class Command(BaseCommand):
    help = "Send waiting purchase suggestions to Koha and update the statuses Koha gives them."

    def handle(self, *args, verbosity: int, **options) -> None:
        koha = koha_client()
        sent, waiting = send_waiting(koha)
        try:
            changed = refresh_statuses(koha)
        except KohaError as error:
            raise CommandError(
                f"sent {sent}, {waiting} still waiting; statuses not updated: {error}"
            ) from None
        if verbosity:
            self.stdout.write(
                f"suggestions: {sent} sent, {waiting} still waiting, {changed} statuses changed"
            )
