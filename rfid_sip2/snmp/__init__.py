"""Monitoring of the gateway and the station over SNMP (agent, notifications, MIB)."""
