"""Dialogs of the MatrixDesk window."""
