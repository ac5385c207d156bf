"""UI viewmodels."""
