"""The subset of Koha's REST API (api/v1) that library20 uses, served by the sandbox."""
