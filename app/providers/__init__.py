"""Adapters to outside services, one subpackage each."""
