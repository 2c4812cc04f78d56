"""Department names: normalisation and recognition of collective parties."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Parties that stand for many organisations at once. Matched on the normalised name with
# bracketed notes removed (各市(州)人民政府 → 各市人民政府).
_SET_END = (
    r"(?:地区|地方|地|部门|单位|方面|机构|机关|企业|国企|组织|市|县|区|州|省|盟|旗|乡镇|乡|镇|街道|政府"
    r"|学校|高校|院校|医院|银行|金融机构|成员|中心|公司|集团|协会|商会|党委|党组|人民政府|自治区"
    r"|直辖市|计划单列市|兵团|团体|群团|社会组织|市场主体|平台|管委会|办事处"
    r"|[部委厅局办署院行会所站社室处科队馆台关])"
)
_COLLECTIVE_PATTERNS = [
    # 各地区, 各部门, 各省级人民政府, 各市人民政府, 各有关部门, 各级党委和政府
    rf"^[^各，,。]{{0,4}}各[^要应须将把对在的，,。]{{0,14}}{_SET_END}$",  # 市管各园区管委会
    r"^(?:其他|其它)?(?:有关|相关)[^要应须将把对在的，,。]{0,10}" + _SET_END + "$",
    r"(?:相关|有关|各)(?:部门|单位|方面|机构)",  # 国务院相关部门, 省直有关部门
    r"^(?:市|县|区|市县|市、县|县区|县市区)(?:级)?(?:人民)?政府$",
    r"^各级",
    r"^(?:业主|建设|参建|项目)单位$",  # the owners of the projects, whoever they are
    r"^属地(?:乡镇|街道|政府|片区|社区|村|乡|镇)$",  # 属地乡镇: each place's own township
    r"、",  # a list of levels read as one party: 市州、县市区人民政府
    r"^(?:试点|示范|重点|相关|有关)?城市(?:人民)?政府$",
    r"^(?:县级以上)?地方各级|^县级以上",  # 地方各级人民政府, 县级以上地方人民政府
    # A working group's members or its unnamed lead: …专项工作组成员单位, …工作专班牵头单位
    r".{2,}(?:成员单位|牵头单位|责任单位|各成员|组成部门)$",
    # A kind of department everywhere (各区…、商务部门、应急部门), not one organisation
    r"^(?!.*(?:的|应当|应该|要求|必须|按照))[^，,。]{2,10}部门$",
]
_COLLECTIVE_RE = re.compile("|".join(_COLLECTIVE_PATTERNS))
_BRACKETED = re.compile(r"[(〔][^()〔〕]{0,12}[)〕]")


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """Fold a department name for comparison.

    NFKC folds full-width brackets and letters to their ordinary forms; white space and the
    trailing 等 are dropped. ``省发展改革委`` and ``省发改委`` stay different: that needs an alias.
    """
    folded = unicodedata.normalize("NFKC", name)
    folded = re.sub(r"\s+", "", folded)
    return folded.strip("、,，;；.。")


@lru_cache(maxsize=8192)
def is_collective(name: str) -> bool:
    """True for parties that are not one organisation (各地区, 国务院相关部门, 有关部门和单位 …)."""
    folded = normalise(name)
    return bool(_COLLECTIVE_RE.search(folded) or _COLLECTIVE_RE.search(_BRACKETED.sub("", folded)))
