"""RFID for library items: tag data models (ISO 28560-2, ISO 28560-3, the 3M legacy layout),
security states (AFI, EAS), and reader drivers over serial ports with a simulated reader."""
