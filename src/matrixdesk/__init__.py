"""MatrixDesk: responsibility-matrix editor for Chinese policy documents."""

from __future__ import annotations


def _version() -> str:
    """The version in pyproject.toml (the one source of truth), read from the installed
    package's metadata; the packaged program carries that metadata too."""
    from importlib import metadata  # ≈ 45 ms of imports: only when the version is asked for

    try:
        return metadata.version("matrixdesk")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    """``__version__``, read on first use (every command that does not print it starts sooner)."""
    if name == "__version__":
        version = _version()
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
