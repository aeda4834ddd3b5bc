"""Serving the site: uvicorn's options, shared by ``library20 demo`` and ``library20 serve``."""
