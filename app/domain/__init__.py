"""Domain: frozen models, namespaced ids and errors. Imports nothing of app."""
