"""TMDB v3: search, details, find and configuration."""
