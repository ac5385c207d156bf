"""Stremio addons: a manifest URL the user adds; stream requests routed by its resources."""
