"""Shikimori REST v1: anime search and details."""
