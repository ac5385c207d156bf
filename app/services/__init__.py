"""Services: the work of the app (guide refresh, enrichment, catalog, library, playback ...)."""
