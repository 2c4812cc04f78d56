"""Labels whose value is sentences naming who does what (责任分工：A负责…，B配合…).

One rule per test, on invented examples (the real documents are scored in test_real_corpus.py).
"""

from __future__ import annotations

from matrixdesk.core.model import Role
from matrixdesk.parse.annotation import parse_fields

L, S = Role.LEAD, Role.SUPPORT


def fields(block: str) -> list[tuple[str, Role]]:
    found = parse_fields(block, free_text=False)
    assert found is not None, block
    return found.parties


def test_role_clauses_under_a_division_label_name_their_subjects() -> None:
    # No 牵头: the first named leads, the others support.
    assert fields(
        "责任分工：市规划局负责开展规划编制工作，所在乡镇人民政府组织实施，"
        "市直有关部门配合，市住建局业务检查指导。"
    ) == [("市规划局", L), ("所在乡镇人民政府", S), ("市直有关部门", S), ("市住建局", S)]


def test_a_division_label_whose_value_opens_with_prose() -> None:
    assert fields("责任分工：按照片林规划要求，市林业局负责组织实施，市直有关部门配合。") == [
        ("市林业局", L),
        ("市直有关部门", S),
    ]


def test_the_party_after_you_does_the_work() -> None:
    # 竹屿湖二期项目由A负责实施: A is the party, the project is not.
    assert fields("责任分工：二期项目由市交通投资公司负责实施，市直有关单位配合。") == [
        ("市交通投资公司", L),
        ("市直有关单位", S),
    ]


def test_places_before_the_administration_of_a_part_share_its_head() -> None:
    # 金井、澳前片区开发管理局: one administration per place, each as written.
    assert fields("责任单位：金井、澳前片区开发管理局负责组织实施") == [
        ("金井", L),
        ("澳前片区开发管理局", S),
    ]


def test_an_alternative_in_brackets_is_a_party_too() -> None:
    assert fields("责任单位：各片区管理局（或业主单位）负责实施，市直部门配合") == [
        ("各片区管理局", L),
        ("业主单位", S),
        ("市直部门", S),
    ]


def test_pilot_units_in_batches_support() -> None:
    # 试点单位 carry the measure out where it is tried: parties, not leads; the batches
    # (第一批：…；第二批：…) and their deadlines are one list.
    assert fields(
        "牵头单位：市审批局\n试点单位：第一批：市档案局、市场监管局，2017年12月底前完成；"
        "第二批：市公安局、其他市直部门，2018年6月底前完成。"
    ) == [
        ("市审批局", L),
        ("市档案局", S),
        ("市场监管局", S),
        ("市公安局", S),
        ("其他市直部门", S),
    ]
