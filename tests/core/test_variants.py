"""Spelling variants of one agency: suspected, never merged silently, merged on request."""

from __future__ import annotations

import pytest

from matrixdesk.core.model import Assignment, Department, Measure, Plan, Role
from matrixdesk.core.variants import merge_departments, suspected_variants


def plan_of(*names: str) -> Plan:
    return Plan(departments=[Department(i + 1, n, position=i) for i, n in enumerate(names)])


def pairs(plan: Plan) -> list[tuple[str, str]]:
    return [
        (plan.department(v.merge).name, plan.department(v.keep).name)
        for v in suspected_variants(plan)
    ]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("省机场集团", "省民航机场集团"),
        ("市文旅局", "市文旅广电局"),
        ("地方金融监管局", "省地方金融监管局"),
        ("省发改委", "省发展改革委"),
        ("省人社厅", "省人力资源社会保障厅"),
        ("市城管局", "市城市管理局"),
        ("税务总局", "国家税务总局"),
        ("商务厅", "省商务厅"),
    ],
)
def test_variants_are_suspected_and_the_fuller_name_kept(short: str, full: str) -> None:
    assert pairs(plan_of(short, full)) == [(short, full)]
    assert pairs(plan_of(full, short)) == [(short, full)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("省商务厅", "省财政厅"),
        ("省教育厅", "省体育局"),
        ("人民银行", "人民银行长春中心支行"),  # a branch is another organ
        ("国家税务总局", "省税务局"),  # different levels
        ("市监管局", "省地方金融监管局"),  # a common word inside a longer name
        ("各地区", "各地区人民政府"),
    ],
)
def test_different_organs_are_not_suspected(a: str, b: str) -> None:
    plan = plan_of(a, b)
    for d in plan.departments:
        d.collective = d.name.startswith("各")
    assert pairs(plan) == []


def test_merge_moves_tasks_keeps_the_lead_and_records_the_alias() -> None:
    plan = plan_of("省机场集团", "省民航机场集团", "省商务厅")
    plan.measures = [Measure(1, "1", "（一）", 2, "甲"), Measure(2, "2", "（二）", 2, "乙")]
    plan.assignments = [
        Assignment(1, 3, Role.LEAD, 0),
        Assignment(1, 1, Role.SUPPORT, 1),
        Assignment(2, 2, Role.SUPPORT, 0),
        Assignment(2, 1, Role.LEAD, 1),
    ]
    merge_departments(plan, 1, 2)
    assert [d.name for d in plan.departments] == ["省民航机场集团", "省商务厅"]
    assert [d.position for d in plan.departments] == [0, 1]
    assert plan.department(2).aliases == ["省机场集团"]
    got = [(a.measure_id, a.department_id, a.role, a.position) for a in plan.assignments]
    assert sorted(got) == [(1, 2, Role.SUPPORT, 1), (1, 3, Role.LEAD, 0), (2, 2, Role.LEAD, 0)]
    with pytest.raises(ValueError):
        merge_departments(plan, 2, 2)


def test_work_grows_with_the_departments_not_their_square() -> None:
    """Candidates come from an index: 2,000 distinct names give few comparisons."""
    import matrixdesk.core.variants as variants

    calls = 0
    original = variants._alike

    def counting(*args) -> bool:
        nonlocal calls
        calls += 1
        return original(*args)

    variants._alike = counting
    try:
        fields = "商务财政教育科技公安民政司法交通水利农业文化卫生应急审计统计体育林业"
        names = [f"省{fields[i % 20]}{fields[(i // 20) % 20]}{i}局" for i in range(2000)]
        suspected_variants(plan_of(*names))
    finally:
        variants._alike = original
    assert calls < 2000 * 150  # the square would be 2,000,000


@pytest.mark.parametrize(
    ("lost", "written"),
    [
        ("各市县人民政府", "各市、县人民政府"),  # a 、 lost at a PDF line end
        ("市州，县市区人民政府", "市州、县市区人民政府"),
        ("省发展改革委,省财政厅联合工作组", "省发展改革委、省财政厅联合工作组"),
    ],
)
def test_names_that_differ_only_by_list_punctuation_are_suspected(lost, written) -> None:
    """Collective parties too: 各市县人民政府 beside 各市、县人民政府 is one party whose 、
    fell at the end of a PDF line, but nothing joined them."""
    plan = plan_of(lost, "省商务厅", written)
    for d in plan.departments:
        d.collective = "、" in d.name or "，" in d.name or d.name.startswith("各")
    assert pairs(plan) == [(lost, written)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("各市人民政府", "各县人民政府"),
        ("各市、县人民政府", "各市、区人民政府"),
        ("各地区", "各部门"),
    ],
)
def test_collective_parties_that_differ_in_words_are_not_suspected(a, b) -> None:
    plan = plan_of(a, b)
    for d in plan.departments:
        d.collective = True
    assert pairs(plan) == []


def test_a_merge_rewrites_only_the_measures_it_touches(monkeypatch) -> None:
    """The import preview's Merge All on 10,000 measures took 8 s for 49 pairs: each merge
    copied every assignment of every measure. Now the measures without the merged name keep
    their assignments as they are, in place."""
    import matrixdesk.core.variants as variants

    plan = plan_of("省机场集团", "省民航机场集团", "省商务厅")
    plan.measures = [Measure(i, str(i), f"{i}.", 3, "任务") for i in range(1, 1001)]
    plan.assignments = [
        Assignment(i, d, Role.LEAD if d == 3 else Role.SUPPORT, p)
        for i in range(1, 1001)
        for p, d in enumerate([3, 2] if i % 2 else [3])
    ]
    plan.assignments[1:1] = [Assignment(1, 1, Role.SUPPORT, 2)]  # 1. names both spellings
    plan.assignments.append(Assignment(1000, 1, Role.SUPPORT, 1))
    before = list(plan.assignments)
    copies = 0
    real = variants.replace

    def counting(*args, **kwargs):
        nonlocal copies
        copies += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(variants, "replace", counting)
    merge_departments(plan, 1, 2)
    assert copies == 2  # the two rows of 省机场集团
    untouched = [a for a in before if a.measure_id not in (1, 1000)]
    assert [a for a in plan.assignments if a.measure_id not in (1, 1000)] == untouched
    assert plan.assignments[0] is before[0]  # not copied: the very same rows, in place
    got = {(a.measure_id, a.department_id, a.role, a.position) for a in plan.assignments}
    assert {(1, 3, Role.LEAD, 0), (1, 2, Role.SUPPORT, 1)} <= got
    assert (1000, 2, Role.SUPPORT, 1) in got
    assert len([a for a in plan.assignments if a.measure_id == 1]) == 2


# -- the rules that keep two organs apart (a wrong merge loses one) ------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("县公安局", "县森林公安局"),  # seen offered in a real county document
        ("市公安局", "市铁路公安局"),
        ("市公安局", "市机场公安局"),
        ("市场监管局", "市场监管局稽查局"),
        ("市救援支队", "市消防救援支队"),
        ("市交通局", "市交通警察局"),
    ],
)
def test_a_qualifier_word_makes_another_organ(a: str, b: str) -> None:
    assert pairs(plan_of(a, b)) == []


def test_a_qualifier_word_in_both_names_does_not_keep_them_apart() -> None:
    assert pairs(plan_of("省机场集团", "省民航机场集团")) == [("省机场集团", "省民航机场集团")]
    assert pairs(plan_of("县森林公安局", "森林公安局")) == [("森林公安局", "县森林公安局")]


def test_a_unit_named_after_its_organ_is_another_organ() -> None:
    """市人社局劳动监察局 is a unit of 市人社局; 区社会事业局局 is a typing slip of one name."""
    assert pairs(plan_of("市人社局", "市人社局劳动监察局")) == []
    assert pairs(plan_of("区社会事业局", "区社会事业局局")) == [("区社会事业局", "区社会事业局局")]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("区委", "区委办"),
        ("区委办公室", "区政府办公室"),
        ("市场监管局", "市场监管局稽查支队"),
        ("农业农村局", "农业农村局农业处"),
        ("市教育局", "市教育局基建科"),
    ],
)
def test_an_office_inside_an_organ_is_not_the_organ(a: str, b: str) -> None:
    assert pairs(plan_of(a, b)) == []


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("市场监管局", "省市场监管局"),  # 市 of 市场 is no level
        ("市场监督管理局", "区市场监督管理局"),
    ],
)
def test_the_market_of_market_regulation_is_not_a_city(short: str, full: str) -> None:
    assert pairs(plan_of(short, full)) == [(short, full)]


def test_a_place_before_the_name_is_its_level() -> None:
    """示范区民政局 is the 民政局 of a document of the 示范区; 埇桥区教育体育局 is the district's
    bureau, not the city's 市教育体育局 (both named in one real document)."""
    assert pairs(plan_of("民政局", "示范区民政局")) == [("民政局", "示范区民政局")]
    assert pairs(plan_of("区教育局", "埇桥区教育局")) == [("区教育局", "埇桥区教育局")]
    assert pairs(plan_of("市教育体育局", "埇桥区教育体育局")) == []
    assert pairs(plan_of("管理局", "流水片区管理局")) == []  # a 片区 is not a level
    assert pairs(plan_of("福州市财政局", "福州市鼓楼区财政局")) == []  # a place inside


def test_a_bracketed_second_name_must_agree() -> None:
    """综合执法局（安监局） is 区综合执法局（区安监局）; the bracket naming an office inside the
    bureau, or on one side only, makes another party."""
    assert pairs(plan_of("综合执法局（安监局）", "区综合执法局（区安监局）")) == [
        ("综合执法局（安监局）", "区综合执法局（区安监局）")
    ]
    assert pairs(plan_of("区农村发展局（农业处）", "区农村发展局（水利处）")) == []
    assert pairs(plan_of("区社会事业局", "区社会事业局（医改办）")) == []
