"""Dock widgets and views of the MatrixDesk window."""
