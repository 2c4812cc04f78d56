"""MatrixDesk: responsibility-matrix editor for Chinese policy documents."""

__version__ = "0.1.0"
