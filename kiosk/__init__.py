"""Exhibit Kiosk: an offline, full-screen touchscreen exhibit application."""

__version__ = "0.1.0"
