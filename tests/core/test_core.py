"""Core rules without Qt or SQL: names, tasks, validation findings, workload figures."""

from __future__ import annotations

from matrixdesk.core.model import Assignment, Department, Role, Target
from matrixdesk.core.names import is_collective, normalise
from matrixdesk.core.stats import measures_per_part, targets_by_year, workload
from matrixdesk.core.tasks import task_ids
from matrixdesk.core.validate import FindingCode, Severity, validate


def test_collective_parties_are_recognised():
    for name in [
        "各地区",
        "各部门",
        "国务院相关部门",
        "各省级人民政府",
        "各市(州)人民政府",
        "有关部门和单位",
        "各有关部门",
        "省直有关部门",
    ]:
        assert is_collective(name), name
    for name in ["省商务厅", "工业和信息化部", "人民银行长春中心支行", "省发展改革委", "长春海关"]:
        assert not is_collective(name), name


def test_local_governments_of_every_level_are_collective():
    # 国务院 documents: "……按职责分工负责，地方各级人民政府负责落实".
    for name in ["地方各级人民政府", "县级以上地方人民政府", "县级以上地方各级人民政府"]:
        assert is_collective(name), name
    assert not is_collective("地方金融监管局")


def test_normalise_folds_width_and_space():
    assert normalise("各市（州） 人民政府") == normalise("各市(州)人民政府")
    assert normalise("省发改委") != normalise("省发展改革委")  # that is an alias, not a spelling


def test_tasks_are_annotated_or_leaf_items(small_plan):
    assert task_ids(small_plan) == {2, 3, 5, 6}


def codes(findings):
    return sorted((f.code, f.measure_id, f.department_id) for f in findings)


def test_validation_findings(small_plan):
    findings = validate(small_plan)
    assert codes(findings) == sorted(
        [
            (FindingCode.NO_ANNOTATION, 6, None),  # 加强宣传 has nobody
            (FindingCode.TARGET_WITHOUT_YEAR, 3, None),
        ]
    )
    assert (
        next(f for f in findings if f.code == FindingCode.NO_ANNOTATION).severity == Severity.ERROR
    )


def test_validation_flags_no_lead_several_leads_unused_and_duplicates(small_plan):
    plan = small_plan
    plan.assignments = [
        a for a in plan.assignments if not (a.measure_id == 3 and a.role == Role.LEAD)
    ]
    plan.assignments.append(Assignment(2, 2, Role.LEAD, 1))
    plan.assignments = [
        a
        for a in plan.assignments
        if not (a.measure_id == 2 and a.department_id == 2 and a.role == Role.SUPPORT)
    ]
    plan.departments.append(Department(6, "省 商务厅", position=5))
    plan.departments.append(Department(7, "省财政厅", position=6))
    found = {(f.code, f.measure_id or f.department_id) for f in validate(plan)}
    assert (FindingCode.NO_LEAD, 3) in found
    assert (FindingCode.SEVERAL_LEADS, 2) in found
    assert (FindingCode.UNASSIGNED_DEPARTMENT, 7) in found
    assert (FindingCode.DUPLICATE_NAME, 6) in found
    dup = next(f for f in validate(plan) if f.code == FindingCode.DUPLICATE_NAME)
    assert "省商务厅" in dup.message() and "省 商务厅" in dup.message()


def test_workload_sorts_busiest_first_and_leaves_out_collectives(small_plan):
    rows = workload(small_plan)
    assert [w.department.name for w in rows][0] == "省商务厅"  # two supports
    assert "各地区" not in [w.department.name for w in rows]
    assert "各地区" in [w.department.name for w in workload(small_plan, include_collective=True)]
    by_name = {w.department.name: (w.lead, w.support) for w in rows}
    assert by_name["省文化和旅游厅"] == (1, 0) and by_name["省商务厅"] == (0, 2)


def test_measures_per_part_and_targets_by_year(small_plan):
    parts = [(p.part.title, p.tasks, p.with_lead) for p in measures_per_part(small_plan)]
    assert parts == [("提高消费品质", 2, 2), ("强化保障", 2, 1)]
    small_plan.targets.append(Target(3, 2, "滑冰场", 500, "个", year=2021))
    assert list(targets_by_year(small_plan).items()) == [(2021, 1), (2022, 1), (None, 1)]
