"""The reference service's monthly report for the library's management."""
