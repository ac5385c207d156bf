"""The PySide6 user interface: pages, models, delegates and widgets over the services."""
