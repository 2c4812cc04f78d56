"""Department names: normalisation and recognition of collective parties."""

from __future__ import annotations

import re
import unicodedata

# Parties that stand for many organisations at once. Matched on the normalised name.
_COLLECTIVE_PATTERNS = [
    r"^各",  # 各地区, 各部门, 各省级人民政府, 各市(州)人民政府, 各有关部门
    r"^(?:其他|其它)?(?:有关|相关)",  # 有关部门和单位, 相关部门
    r"(?:相关|有关)(?:部门|单位|方面)",  # 国务院相关部门, 省直有关部门
    r"^(?:市|县|区|市县|市、县)(?:级)?(?:人民)?政府$",
    r"^(?:各级)",
    r"^(?:县级以上)?地方各级|^县级以上",  # 地方各级人民政府, 县级以上地方人民政府
]
_COLLECTIVE_RE = re.compile("|".join(_COLLECTIVE_PATTERNS))


def normalise(name: str) -> str:
    """Fold a department name for comparison.

    NFKC folds full-width brackets and letters to their ordinary forms; white space and the
    trailing 等 are dropped. ``省发展改革委`` and ``省发改委`` stay different: that needs an alias.
    """
    folded = unicodedata.normalize("NFKC", name)
    folded = re.sub(r"\s+", "", folded)
    return folded.strip("、,，;；.。")


def is_collective(name: str) -> bool:
    """True for parties that are not one organisation (各地区, 国务院相关部门, 有关部门和单位 …)."""
    return bool(_COLLECTIVE_RE.search(normalise(name)))
