"""The sandbox ILS's demo catalogue: real books in four languages, and their MARC records."""
