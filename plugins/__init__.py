"""Django apps that add features to the site: opac, exhibitions, blog."""
