"""Torznab indexers (Jackett, Prowlarr): caps, movie and anime search, results as candidates."""
