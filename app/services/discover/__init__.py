"""Discovery beyond the guide (issue 15): Home's rows from TMDB and Shikimori, recommendations,
and the search “everywhere”. Above enrich in the services' layers: it stores what it finds with
enrichment's title rows and artwork."""
