"""The organisation-name recogniser: state organs, sets of them, places — and not words."""

from __future__ import annotations

import pytest

from matrixdesk.parse.orgs import OrgKind, classify, heading_org, split_glued

ORG, SET, PLACE, NONE = OrgKind.ORG, OrgKind.COLLECTIVE, OrgKind.PLACE, OrgKind.NONE


@pytest.mark.parametrize(
    "name",
    [
        # provincial and municipal organs by their suffixes
        "省商务厅", "省发展改革委", "省林草局", "市文旅广电局", "省政府办公厅", "省委宣传部",
        "省委网信办", "长白山管委会", "梅河口市政府", "省高级人民法院", "省人民检察院",
        "团省委", "省妇联", "省科协", "省总工会", "省残联", "省供销社", "省民航机场集团",
        "人民银行长春中心支行", "吉林银保监局", "长春海关", "省机关事务管理局", "省直机关工委",
        "国网吉林省电力有限公司", "省政府督查室", "市科技交通办",
        # central bodies, also by their common short forms
        "国家发展改革委", "发展改革委", "人民银行", "银保监会", "证监会", "税务总局", "网信办",
        "中央网信办", "工业和信息化部", "市场监管总局", "海关总署", "审计署", "国务院",
        "最高人民法院", "国铁集团", "全国总工会", "共青团中央",
        # groups named as one organ
        "省消费工作领导小组", "省稳外贸工作专班",
    ],
)  # fmt: skip
def test_organs_are_organisations(name: str) -> None:
    assert classify(name) is ORG


@pytest.mark.parametrize(
    "name",
    [
        "各地区", "各部门", "各地", "国务院相关部门", "省直有关部门", "有关部门和单位",
        "各市（州）人民政府", "各县（市、区）政府", "地方各级人民政府", "县级以上地方人民政府",
        "各省、自治区、直辖市人民政府", "各成员单位", "省消费专项工作组成员单位",
        "省稳外贸稳外资工作专班牵头单位", "各级党委和政府", "各商业银行",
        "属地乡镇", "属地街道",
    ],
)  # fmt: skip
def test_sets_of_organisations_are_collective(name: str) -> None:
    assert classify(name) is SET


def test_the_locality_alone_is_no_party() -> None:
    # 属地乡镇 is each place's own township; 属地管理 is a principle, not a body
    assert classify("属地管理") is NONE


@pytest.mark.parametrize("name", ["长春市", "吉林市", "白山市", "朝阳区", "延边州", "长春新区"])
def test_places_stand_for_their_governments(name: str) -> None:
    assert classify(name) is PLACE


@pytest.mark.parametrize(
    "name",
    [
        # ordinary words ending like an organ
        "保险", "基金", "信托", "全社会", "社会", "主办", "举办", "部署", "执行", "机关", "格局",
        "大厅", "平台", "博物馆", "场所", "团队",
        # places that are words
        "主城区", "超市", "重点园区", "直辖市", "自治区",
        # clauses, notes, deadlines, scores, persons
        "完成时限", "2021年底前", "6月底完成", "0.5分", "适用范围", "省长", "副市长",
        "含技工院校", "二级以上医院", "冬令营", "CIM", "统一管理", "各地要按要求执行",
        "推进家电以旧换新", "全省各级各类滑冰场所", "列第一位者为牵头单位",
    ],
)  # fmt: skip
def test_words_and_clauses_are_not_organisations(name: str) -> None:
    assert classify(name) is NONE


def test_bracketed_notes_inside_names_do_not_hide_the_suffix() -> None:
    assert classify("中韩（长春）国际合作示范区管委会") is ORG
    assert classify("省商务厅（牵头）") is ORG


def test_overlong_fragments_are_clauses() -> None:
    assert classify("省" + "商务" * 30 + "厅") is NONE


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("市政务服务中心综合窗口", ORG),  # a service centre's window
        ("人防窗口", ORG),
        ("专门窗口", NONE),
        ("重要窗口", NONE),
        ("公办小学", ORG),  # schools
        ("中小学", NONE),
        ("建设工程管理中心", ORG),  # a verb that also begins names of organs
        ("建设数据中心", NONE),
        ("济源示范区", PLACE),  # a named zone, not a kind of zone
        ("先行示范区", NONE),
        ("(省发展改革委", NONE),  # a cut clause, not a name
        ("区效能办", ORG),  # 效能办 is an office, 能办 (can be done) is a word
        ("马上能办", NONE),
        ("各区属国企", SET),  # the state-owned enterprises of a level, as one party
        ("业主单位", SET),  # the owners of the projects, whoever they are
    ],
)
def test_more_forms_of_names(name: str, kind: OrgKind) -> None:
    assert classify(name) is kind


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("区经发局", "区经发局"),  # nothing but the name
        ("区经发局工作任务", "区经发局"),  # a title word after it
        ("2016年区环土局环境保护目标责任", "区环土局"),  # a year before, a topic and a title word
        ("2018年度市卫健委安全生产责任书", "市卫健委"),
        ("县财政局任务清单", "县财政局"),
        ("2016年区环境与国\n土资源局目标责任", "区环境与国土资源局"),  # a hard wrap inside
        # no one: a list, a set of bodies, a place, a document's title, a topic that is an organ
        ("区经发局、区财政局工作任务", ""),
        ("2016年区直有关部门环境保护目标责任", ""),
        ("平潭综合实验区工作任务", ""),
        ("平潭综合实验区管委会关于印发2016年工作任务的通知", ""),
        ("区经发局区委宣传部工作任务", ""),
        ("加强协调", ""),
        ("重点任务", ""),
        ("区经发局2016年工作任务", ""),
    ],
)
def test_the_one_organisation_a_heading_names(title: str, name: str) -> None:
    assert heading_org(title) == name


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        # a name complete with its second nameplate, then another organ's name
        ("综合执法局（安监局）规划局", ["综合执法局（安监局）", "规划局"]),
        # two bureaus of one level, each written with its level
        ("区经发局区财政局", ["区经发局", "区财政局"]),
        # one name with an organ word inside: kept whole
        ("区委宣传部", ["区委宣传部"]),
        ("省政府办公厅", ["省政府办公厅"]),
        ("市委市政府督查室", ["市委市政府督查室"]),
        ("市住房城乡建设局审批科", ["市住房城乡建设局审批科"]),
        ("国家矿山安全监察局贵州局", ["国家矿山安全监察局贵州局"]),
        ("区办法规处", ["区办法规处"]),
        ("区管委会办公室（档案局）", ["区管委会办公室（档案局）"]),
        ("区委（区政府）办公室", ["区委（区政府）办公室"]),
        ("各县（市）人民政府", ["各县（市）人民政府"]),
    ],
)
def test_two_names_written_together_are_two(name: str, parts: list[str]) -> None:
    assert list(split_glued(name)) == parts
