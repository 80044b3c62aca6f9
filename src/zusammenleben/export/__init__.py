"""Exports: plot images and data (plot_export), handouts. Imports nothing, so the Qt-free parts stay Qt-free."""
