"""Qt models adapting the store: the matrix table model, its filter proxy and delegate."""

from .filter_proxy import MatrixFilterProxy
from .matrix_model import ColumnKind, ItemRole, MatrixModel, RowKind

__all__ = ["ColumnKind", "ItemRole", "MatrixFilterProxy", "MatrixModel", "RowKind"]
