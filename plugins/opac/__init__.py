"""OPAC 2.0: the local catalogue from Koha, record pages and readers' contributions."""
