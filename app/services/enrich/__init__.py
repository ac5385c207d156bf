"""Enrichment: matching guide films to metadata providers, titles and posters."""
