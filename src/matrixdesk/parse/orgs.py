"""Is this fragment the name of an organisation? The recogniser behind every annotation.

Responsibility annotations name state organs, and their names are built from a small set of
forms: an optional level prefix (省, 市, 县, 国家, 中央, 团, 各 …), a field, and an organ suffix
(部, 委, 厅, 局, 办, 署, 院, 中心, 集团, 海关, 政府, 法院, 检察院, 团委, 妇联 …); a handful of
central bodies are known by short forms that end otherwise (人民银行, 银保监会, 网信办,
国铁集团 …). Ordinary words — 保险, 基金, 信托, 全社会, 主办 — do not have these forms.

:func:`classify` says what a fragment is:

* ``ORG`` — one organisation (省商务厅, 人民银行长春中心支行, 长白山管委会, 团省委);
* ``COLLECTIVE`` — a set of organisations named as one party (各地区, 国务院相关部门,
  省直有关部门, 各市（州）人民政府, …专项工作组成员单位);
* ``PLACE`` — a city, county or district standing for its government (长春市, 梅河口市,
  朝阳区); accepted beside a responsibility verb or label, but alone it does not make a bracket
  an annotation;
* ``NONE`` — anything else.

It is used both to accept a bracket with an unfamiliar label (its parties are organisations) and
to refuse fragments that are not organisations. Every test is a bounded regex match on a short
string, so the cost is constant per fragment.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache

from matrixdesk.core.names import is_collective


class OrgKind(StrEnum):
    """What a fragment of an annotation names."""

    ORG = "org"
    COLLECTIVE = "collective"
    PLACE = "place"
    NONE = "none"


MAX_NAME = 40  # longer fragments are clauses, not names

# Organ suffixes that are never ordinary words when they end a name of two or more characters.
_STRONG_SUFFIX = (
    "人民政府|政府|办公厅|办公室|委员会|管委会|管理委员会|领导小组|工作小组|小组|工作组|专班"
    "|监管组|银保监组|督导组|督查组|检查组|指导组|协调组|专项组|推进组|服务组|工作队|专项办"
    "|督查机构|监管机构|派出机构|金融机构|机构|指挥部|联席会议|事务所|研究院|研究室|研究所|研究中心|设计院|科学院|党校|学院|大学|学校"
    "|医院|法院|检察院|人民法院|人民检察院|监察委|纪委监委|纪委|监委|党委|党组|工委|团委"
    "|妇联|残联|侨联|文联|科协|社科联|工商联|总工会|工会|红十字会|供销社|供销合作社|联社|新华社"
    "|报社|杂志社|出版社|电视台|广播电视台|电台|海关|总署|审计署|总局|管理局|监管局|分局|支局"
    "|中心支行|支行|分行|总行|银行|公司|集团|中心|总队|支队|大队|警备区|军分区|军区|武装部"
    "|卫戍区|协会|商会|联合会|基金会|促进会|理事会|董事会|管理处|管理站|监测站|工作站|林场|农场"
    "|气象台|检验所|交易所|运营商|办事处|街道办|人大常委会|常委会|政协|法制办|编办|网信办"
    "|文明办|侨办|台办|外办|金融办|扶贫办|军民融合办|国资委|发改委|发展改革委|经信委|工信委"
    "|卫健委|卫生健康委|教委|农委|科委|建委|编委|保密委|政法委|宣传部|组织部|统战部|机关工委"
)
# Single-character organ suffixes, refused when the word they end is an ordinary one.
_WEAK_SUFFIX = "部委厅局办署院行会所站社室处科队馆台关"
_ORDINARY_ENDINGS = {
    "部": "全部|内部|外部|局部|东部|西部|南部|北部|中部|干部|头部|底部|腹部|总部|顶部|背部"
    "|一部|本部",
    "厅": "大厅|餐厅|(?<!发)展厅|客厅|前厅|歌厅|舞厅|门厅",
    "局": "格局|布局|大局|全局|结局|开局|当局|僵局|时局|变局|新局|破局|出局|骗局|饭局",
    "办": "举办|主办|承办|督办|创办|开办|兴办|代办|合办|协办|交办|查办|包办|领办|帮办|试办"
    "|筹办|快办|即办|网办|网通办|省通办|程通办|好办|(?<!效)能办|难办|首办|速办|照办|联办|经办|专办|必办|一办|怎么办",
    "署": "部署|签署|连署|布署",
    "院": "庭院|小院|四合院|书院|影院|剧院|戏院|大院|养老院|敬老院|福利院|疗养院",
    "行": "执行|运行|推行|进行|实行|发行|出行|通行|旅行|先行|试行|施行|可行|践行|并行"
    "|同行|流行|奉行|履行|举行|暂行|现行|例行|平行|盛行|步行|骑行|航行|爬行|飞行|言行|德行",
    "会": "社会|机会|大会|博览会|展会|交易会|运动会|晚会|年会|例会|峰会|座谈会|研讨会"
    "|洽谈会|推介会|发布会|招聘会|庙会|集会|聚会|约会|体会|领会|理会|误会|融会|都会|学会",
    "所": "场所|处所|住所|厕所|诊所|哨所",
    "站": "网站|车站|驿站|服务站|加油站|充电站|换电站|中转站|收费站|首站|一站",
    "社": "合作社|旅行社|结社|公社",
    "室": "教室|卧室|浴室|工作室|会议室|阅览室|实验室|直播室|温室|密室",
    "处": "好处|长处|短处|到处|各处|处处|益处|住处|去处|用处|难处|深处|之处|一处|何处|出处",
    "科": "学科|理科|工科|文科|专科|本科|外科|内科|儿科|牙科|眼科|全科|妇产科",
    "队": "团队|排队|车队|梯队|球队|舰队|军队|乐队|船队|编队|领队|插队|带队|归队",
    "馆": "博物馆|图书馆|美术馆|纪念馆|文化馆|体育馆|科技馆|展览馆|场馆|宾馆|旅馆|饭馆|茶馆",
    "台": "平台|舞台|讲台|柜台|阳台|站台|看台|前台|后台|出台|上台|登台|擂台|灶台",
    "关": "攻关|机关|有关|相关|把关|过关|难关|开关|公关",
}
# One compiled pattern per suffix, built once (the words that end with it, at the name's end).
_ORDINARY_ENDING_RE = {
    last: re.compile(f"(?:{words})$") for last, words in _ORDINARY_ENDINGS.items() if words
}
# A name-like fragment whose first characters show it is a clause (推进…, 按照…, 2021年 …).
_CLAUSE_START = re.compile(
    r"^(?:推进|推动|加强|加快|建立|建设|完善|健全|实施|开展|落实|确保|支持|鼓励|引导|组织|指导"
    r"|负责|牵头|配合|参与|会同|协调|督促|研究|制定|出台|开展|做好|抓好|提高|提升|促进|深化"
    r"|按照|按|依|根据|对|在|于|从|将|把|与|为|以|如|若|凡|如有|包括|其中|并|及时|同时|原则上"
    r"|含|不含|包括|除|涉及|属于|即|如|例如|主要|重点|全省|全市|全县|全区|全国|全社会"
    r"|适用|范围|完成|时限|时间|每年|每季|每月|年底|上半年|下半年|长期|持续|分值|得分|扣分)"
)
# Verbs that also begin names of organs (建设工程管理中心, 组织部门, 研究中心): a name when a
# strong organ suffix ends it and it is long enough to hold one.
_NAME_START = re.compile(
    rf"^(?:建设|研究|组织|发展|促进)[\u4e00-\u9fff]{{3,}}(?:{_STRONG_SUFFIX})$"
)
_DEICTIC = re.compile(
    r"^(?:本|我|该|此|贵)(?:站|网|网站|单位|部门|机关|机构|局|厅|委|办|院|处|科|中心|公司|市|县|区|省)$"
)
_CLAUSE_INSIDE = re.compile(
    r"第一位|首位|者为|为牵头|下同|应当|必须|要按|的|(?<=.)由|给予|通过|进行|按照|根据|对于|关于"
)
_DIGIT_OR_DATE = re.compile(r"[0-9０-９]|[一二三四五六七八九十]+月|年底|年内|分$|%|以上|以下|以内")
_PLACE = re.compile(
    r"^[^\s、，,；;（）()]{2,10}?(?P<suffix>自治州|自治县|自治区|自治旗|新区|开发区|高新区|保税区"
    r"|经开区|示范区|试验区|合作区|管理区|街道|市|县|区|州|旗|盟|镇|乡)$"
)
# The character before a one-character place suffix that makes an ordinary word (城区, 超市).
_ORDINARY_BEFORE = {
    "区": "城园景小片街地灾库山牧辖郊老矿林校港营社市县全本各该分战专治",
    "市": "城超都上夜早股菜集楼车全本各该门辖单",
    "县": "全本各该郡市区州",
    "州": "全本各该神",
    "镇": "城乡村集小全本各该",
    "乡": "城下返家故异他全本各该",
}
_ORDINARY_PLACE_WORDS = re.compile(
    r"美丽乡村|特色小镇|革命老区|生态|重点|核心|农村|示范(?!区$)|^示范区$"
    r"|(?:国家|先行|综合|创新|试点|建设|级|改革|开放|绿色|文明|农业|乡村|特色|样板|产业)示范区$"
)
_CENTRAL_SHORT = re.compile(
    r"^(?:中国)?人民银行|^(?:中国)?(?:银保监会|证监会|银监会|保监会|银保监局|证监局|金融监管总局)"
    r"|^(?:国家)?(?:发展改革委|发改委)|^(?:中央)?(?:网信办|编办|文明办|宣传部|组织部|统战部|政法委)"
    r"|^(?:国家)?(?:税务总局|统计局|医保局|林草局|能源局|邮政局|药监局|知识产权局|粮食和储备局)"
    r"|^(?:国务院)?(?:国资委|扶贫办|台办|侨办|港澳办|研究室|参事室|法制办)"
    r"|^(?:国铁集团|中国国家铁路集团|国家电网|南方电网|中国移动|中国联通|中国电信|中国铁塔"
    r"|中国邮政|中国邮政集团|中储粮|中粮集团|中国铁建|中国中铁|中国建筑|中化集团|国家管网)$"
    r"|^(?:共青团中央|团中央|全国总工会|全国妇联|中国残联|中国科协|中国侨联|中国文联|全国工商联"
    r"|中国红十字会|中华全国供销合作总社|供销合作总社|最高人民法院|最高人民检察院|新华社"
    r"|国务院|中央军委|国家监委|中央纪委|中央宣传部|中央组织部|中宣部|中组部|全国人大|全国政协)"
    r"|^(?:团省委|团市委|团县委|团区委|省委|市委|县委|区委|州委|盟委)$"
    r"|^[\u4e00-\u9fff]{1,12}(?:银保监分局|监管分局|中心支行|海关|边检站|出入境边防检查站)$"
)
_BRACKETED = re.compile(r"[（(〔][^（）()〔〕]{0,12}[)）〕]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BAD_CHARS = re.compile(r"[。！？!?：:\"'《》<>\[\]【】{}=+*/\\|@#$^&~`]|^[“‘]")
_STRONG_RE = re.compile(rf"(?:{_STRONG_SUFFIX})$")
_SCHOOL = re.compile(r"(?:幼儿园|小学|中学|初中|高中)$")
_ORDINARY_WINDOW = re.compile(
    r"(?:重要|展示|开放|对外|时间|机遇|政策|宣传|单一|一个|一站式|统一|专门|网上|线上|办事)窗口$"
)


def _fold(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


# Organs a document may name without any prefix (省民政厅、妇联、教育厅): accepted alone.
_BARE_ORGANS = frozenset(
    "妇联 残联 侨联 文联 科协 工会 总工会 团委 法院 检察院 海关 党校 人行 税务 邮政 气象 消防"
    " 供销社 工商联 红十字会 台办 侨办 外办 编办 网信办 文明办 政法委 纪委 监委 宣传部 组织部"
    " 统战部 人武部 军分区 武警 公安 银保监 证监".split()
)


def _has_organ_suffix(name: str) -> bool:
    """The name ends with an organ suffix and not with an ordinary word sharing that suffix."""
    if len(name) < 2:
        return False
    if _SCHOOL.search(name):  # 公办小学, 市主城区公办幼儿园 — not 中小学
        return len(name) >= 4
    if name.endswith("窗口"):  # a service centre's window: 市政务服务中心综合窗口, 人防窗口
        return len(name) >= 4 and not _ORDINARY_WINDOW.search(name)
    if _STRONG_RE.search(name):
        return len(_STRONG_RE.search(name).group()) < len(name) or len(name) >= 3
    last = name[-1]
    if last not in _WEAK_SUFFIX:
        return False
    ordinary = _ORDINARY_ENDING_RE.get(last)
    if ordinary and ordinary.search(name):
        # 省政府办公室 ends with 办公室 (strong, handled above); 海关/机关 below.
        return False
    return len(name) >= 2


def _is_place(name: str) -> bool:
    """长春市, 朝阳区, 延边州, 长春新区 — not 主城区, 超市, 重点园区."""
    match = _PLACE.match(name)
    if match is None or _ORDINARY_PLACE_WORDS.search(name):
        return False
    suffix = match.group("suffix")
    before = name[match.start("suffix") - 1]
    return before not in _ORDINARY_BEFORE.get(suffix, "")


def _balanced(name: str) -> bool:
    """Brackets in a name come in pairs (``各市(州)``); ``(省发展改革委`` is a cut clause."""
    depth = 0
    for ch in name:
        if ch in "(（〔":
            depth += 1
        elif ch in ")）〕":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@lru_cache(maxsize=8192)  # names repeat throughout a document
def classify(name: str) -> OrgKind:
    """What ``name`` (one party, as written) names.

    Parameters
    ----------
    name
        One fragment of an annotation after splitting on 、，and 和/及.

    Returns
    -------
    OrgKind
        ``ORG``, ``COLLECTIVE``, ``PLACE`` or ``NONE``; see the module docstring.
    """
    folded = _fold(name)
    if not folded or len(folded) > MAX_NAME or not _HAN.search(folded):
        return OrgKind.NONE
    if _BAD_CHARS.search(folded) or not _balanced(folded):
        return OrgKind.NONE
    bare = _BRACKETED.sub("", folded)  # 各市（州）人民政府 → 各市人民政府
    central = _CENTRAL_SHORT.search(bare) is not None
    if _DEICTIC.match(bare):
        return OrgKind.NONE  # 本站, 本单位: the writer itself, not a named organ
    clause_start = _CLAUSE_START.match(bare) and not central and not _NAME_START.match(bare)
    if not bare or clause_start or _CLAUSE_INSIDE.search(bare):
        return OrgKind.NONE
    if is_collective(folded):
        return OrgKind.COLLECTIVE
    if _DIGIT_OR_DATE.search(bare):
        return OrgKind.NONE
    if central or bare in _BARE_ORGANS or _has_organ_suffix(bare):
        return OrgKind.ORG
    if _is_place(bare):
        return OrgKind.PLACE
    return OrgKind.NONE


def starts_clause(text: str) -> bool:
    """``text`` opens as a clause does (推进…, 按照…, 全省…), not as a name."""
    return _CLAUSE_START.match(text) is not None


def is_party(name: str) -> bool:
    """True when ``name`` is an organisation, a set of them, or a place standing for one."""
    return classify(name) is not OrgKind.NONE


def is_organisation(name: str) -> bool:
    """True for one organisation or a collective party (not a bare place name)."""
    return classify(name) in (OrgKind.ORG, OrgKind.COLLECTIVE)


_LEVELS = "省市县区"
_BARE_ORGAN_WORD = re.compile(
    r"(?:办公室|办公厅|委员会|管委会|分局|分行|支行|总局|总队|支队|大队|中心)"
)
_BRACKET_CHAR = re.compile(r"[（()）〔〕]")


@lru_cache(maxsize=8192)  # called for every party named; names repeat throughout a document
def split_glued(name: str) -> tuple[str, ...]:
    """Two complete organ names written with nothing between them (a 、 lost on the page) →
    the two names; any other name as written.

    Only two forms are taken apart, as neither continues one name: a name that has had its
    second nameplate in brackets, followed by another organ's name (``综合执法局（安监局）规划局``
    → 综合执法局（安监局）, 规划局); and two bureaus of one level, each with its level
    (``区经发局区财政局``). Names with an organ word inside stay whole: 区委宣传部, 省政府办公厅,
    市住房城乡建设局审批科, 国家矿山安全监察局贵州局, 区办法规处."""
    if len(name) < 6:
        return (name,)
    closer = max(name.rfind("）"), name.rfind(")"))
    if 0 < closer < len(name) - 2:
        opener = max(name.rfind("（", 0, closer), name.rfind("(", 0, closer))
        head, rest = name[: closer + 1], name[closer + 1 :]
        if (
            opener > 0
            and classify(name[:opener]) is OrgKind.ORG
            and classify(name[opener + 1 : closer]) is OrgKind.ORG
            and _complete_name(rest)
        ):
            return (head, rest)
    level = name[0]
    if level in _LEVELS:
        for cut in range(3, len(name) - 2):
            if name[cut] == level and name[cut - 1] in "局厅":
                head, rest = name[:cut], name[cut:]
                if classify(head) is OrgKind.ORG and _complete_name(rest):
                    return (head, rest)
    return (name,)


def _complete_name(name: str) -> bool:
    """An organ's name with a field before its organ word (规划局, 区财政局), not a bare
    organ word (办公室) or a branch (分局)."""
    return (
        len(name) >= 3
        and _BRACKET_CHAR.search(name) is None
        and classify(name) is OrgKind.ORG
        and _BARE_ORGAN_WORD.fullmatch(name) is None
    )


# A title word that ends a heading over one department's own list of tasks.
TITLE_WORD = (
    r"(?:(?:目标|工作|重点|主要)?(?:责任书?|任务(?:清单|书|分解表?)?|职责(?:清单)?)"
    r"|(?:责任|职责|工作|任务)清单)"
)
_TITLE_WORD_END = re.compile(f"{TITLE_WORD}$")
_TITLE_YEAR = re.compile(r"^(?:(?:19|20)[0-9]{2}|二[〇零][〇零一二三四五六七八九]{2})年度?")
_TITLE_SEPARATORS = re.compile(r"[、，,；;：:。！？!?\s]|关于|印发|通知|的")
_TOPIC_MAX = 12  # 环境保护, 安全生产, 2016年度党风廉政建设 … between the name and the title word


def heading_org(title: str) -> str:
    """The one organisation a heading over a list of tasks names, or "".

    A heading names its department as nothing but the name (``区经发局``), or inside title
    words: a year before it, a topic and a title word after it
    (``2016年平潭综合实验区环境与国土资源局环境保护目标责任``, ``区经发局工作任务``). A list
    of names, a name that is a place or a set of bodies, a document title (``…关于印发…的通知``)
    or a topic that is itself an organisation's name name no one: the longest party the title
    begins with decides. At most one classification per character of a bounded title: constant
    work.
    """
    title = title.strip(" \t\u3000\n：:。").replace("\n", "")  # a hard wrap inside it
    if classify(title) is OrgKind.ORG:
        one = _TITLE_SEPARATORS.search(title) is None and len(split_glued(title)) == 1
        return title if one else ""
    if len(title) > MAX_NAME + _TOPIC_MAX or _TITLE_SEPARATORS.search(title):
        return ""
    word = _TITLE_WORD_END.search(title)
    if word is None:
        return ""
    year = _TITLE_YEAR.match(title)
    body = title[year.end() if year else 0 : word.start()]
    for cut in range(len(body), max(1, len(body) - _TOPIC_MAX - 1), -1):
        kind = classify(body[:cut])
        if kind is OrgKind.NONE:
            continue
        topic = body[cut:]
        plain = not topic or (not _DIGIT_OR_DATE.search(topic) and classify(topic) is OrgKind.NONE)
        one = kind is OrgKind.ORG and len(split_glued(body[:cut])) == 1
        return body[:cut] if one and plain else ""
    return ""
