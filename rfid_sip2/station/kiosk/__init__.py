"""The kiosk screen: a local web page, served by the station, that shows its ``Screen`` in the
reader's language and turns touches and keys into ``StationControl`` calls."""

from rfid_sip2.station.kiosk.receipt import render_receipt
from rfid_sip2.station.kiosk.server import KioskServer, start_kiosk

__all__ = ["KioskServer", "render_receipt", "start_kiosk"]
