"""MatrixDesk: responsibility-matrix editor for Chinese policy documents."""

from importlib import metadata as _metadata


def _version() -> str:
    """The version in pyproject.toml (the one source of truth), read from the installed
    package's metadata; the packaged program carries that metadata too."""
    try:
        return _metadata.version("matrixdesk")
    except _metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


__version__ = _version()
