"""RFID readers over serial ports (pyserial URLs), one driver per protocol, and a simulator."""
