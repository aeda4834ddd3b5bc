"""The exhibitions plugin's models, each kind in its own module."""
