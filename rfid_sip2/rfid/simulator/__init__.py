"""A simulated RFID reader for tests and the demo: a field of tags, the 3M and Feig protocols
answered sans-IO, served on a pty or a TCP socket, with faults injected on command.

    reader = SimulatedReader("3m")
    path = reader.serve_pty()          # open_reader(path) as if it were /dev/ttyUSB0
    reader.place("E004010012345678", bytes(112), afi=0x07)
    reader.fail_writes(2)
    ...
    reader.stop()
"""

from rfid_sip2.rfid.simulator.field import SimulatedTag, TagField
from rfid_sip2.rfid.simulator.server import SimulatedReader

__all__ = ["SimulatedReader", "SimulatedTag", "TagField"]
