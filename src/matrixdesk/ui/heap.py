"""Python's cycle collector and an open plan: what lives as long as the plan is set aside.

The window holds the whole plan in Python objects (the store's measures, departments and
assignments, the models and panels over them): about 160,000 objects at 10,000 measures, with
matplotlib's modules. Python's full garbage collection walks every one of them, and a chart
sets it off every few drawings (matplotlib leaves about 7,000 objects in reference cycles per
chart); while it walks, both the window's thread and the chart worker stop — 70–200 ms at
10,000 measures, the longest waits of the window while a chart was drawn.

:func:`settle` runs once the plan is open and painted, and again when its first chart is
shown: it collects the young garbage and freezes everything alive (``gc.freeze``), so a full
collection walks only what was made since. Reference counting still frees frozen objects
that are dropped; only garbage in cycles among them waits — until :func:`release`, when the
plan is closed, hands them all back to the collector.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Set aside from the collector's walks every object alive now (the open plan's)."""
    gc.collect(1)  # the young garbage first: frozen, it would wait for release()
    gc.freeze()


def release() -> None:
    """Give the objects set aside back to the collector (the plan they lived for is closed)."""
    gc.unfreeze()


def set_aside() -> int:
    """How many objects are set aside now."""
    return gc.get_freeze_count()
