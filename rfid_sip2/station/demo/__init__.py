"""The station as a demo: the sandbox behind the gateway, a simulated RFID pad with tagged books
from the sandbox's catalogue and a patron card, and a page that puts them on the pad."""
