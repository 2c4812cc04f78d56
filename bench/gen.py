"""Synthetic policy documents in the style of 吉政办发[2020]34号, for benchmarks.

``generate_document(n_measures, n_departments, seed)`` writes a document with exactly
``n_measures`` numbered measures (parts 一、, items (一) numbered across parts, sub-items 1.
restarting in each item), annotations in the usual forms and some quantified targets. The same
arguments always give the same text.
"""

from __future__ import annotations

import random

_CN_DIGITS = "零一二三四五六七八九"
_WORDS = (
    "发展 改革 财政 商务 教育 科技 工业 信息 公安 民政 司法 人力 资源 社会 保障"
    " 自然 生态 环境 住房 城乡 建设 交通 运输 水利 农业 农村 文化 旅游 卫生 健康"
    " 应急 管理 审计 外事 国资 市场 监管 广电 体育 统计 医保 林草 粮食 能源 药监"
    " 产权 机关 事务 信访 供销 邮政 通信 气象 地震 档案 数据 金融"
).split()
_SUFFIXES = ["厅", "局", "委", "办", "中心", "管理局", "服务中心", "监督局"]
_VERBS = ["推进", "加快", "完善", "健全", "强化", "培育", "优化", "提升", "建设", "支持"]
_OBJECTS = (
    "冰雪消费 农产品品牌 数字化改造 在线教育 冷链物流 智慧街区 信用体系"
    " 森林康养 直播电商 工业互联网 政务服务 养老托育 文旅融合 物流网络"
).split()
_FILLER = [
    "利用5G、北斗卫星、云服务平台等手段，开展咨询、预订、支付等综合服务。",
    "建设冰雪研学旅行(冬令营)基地，推动城市信息模型(CIM)平台建设。",
    "鼓励实行“五统一”(统一管理、统一采购配送、统一质量标准)的连锁经营。",
    "持续推进我省28个国家电子商务进农村综合示范县项目实施，投资1.5亿元。",
    "在同一县(市、区)范围内推广“互联网+服务”模式，促进线上线下融合。",
]


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 28 → 二十八, 105 → 一百零五 (up to 9999)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + cn_number(rest) if rest < 10 else _tens(rest))
        return _CN_DIGITS[n // 100] + "百" + tail
    rest = n % 1000
    tail = "" if not rest else ("零" + cn_number(rest) if rest < 100 else cn_number(rest))
    return _CN_DIGITS[n // 1000] + "千" + tail


def _tens(n: int) -> str:
    # Inside 百, 十 keeps its digit: 一百一十二.
    return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")


def department_names(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct department-like names (省XX厅 …) that contain no 和/及/等."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        core = "".join(rng.sample(_WORDS, rng.choice([1, 2, 2, 3])))
        name = rng.choice(["省", "省", "市"]) + core + rng.choice(_SUFFIXES)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _annotation(rng: random.Random, names: list[str]) -> str:
    picked = rng.sample(names, k=min(len(names), rng.randint(1, 5)))
    form = rng.random()
    if form < 0.6:
        return f"({'、'.join(picked)}负责)"
    if form < 0.75:
        return f"({'、'.join(picked)}等部门负责)"
    if form < 0.9 and len(picked) > 1:
        return f"（{picked[0]}牵头，{'、'.join(picked[1:])}按职责分工负责）"
    return f"({picked[0]}等各有关部门按职责分工负责)"


def _sentence(rng: random.Random) -> str:
    text = rng.choice(_VERBS) + rng.choice(_OBJECTS) + "，" + rng.choice(_FILLER)
    if rng.random() < 0.2:
        year = rng.randint(2022, 2030)
        text += f"到{year}年，全省{rng.choice(_OBJECTS)}基地达到{rng.randint(5, 900)}个以上。"
    return text


def _title(rng: random.Random) -> str:
    return rng.choice(_VERBS) + rng.choice(_OBJECTS)


def generate_document(n_measures: int, n_departments: int, seed: int = 0) -> str:
    """A policy document with exactly ``n_measures`` measures.

    Parameters
    ----------
    n_measures
        Parts + items + sub-items in the document (at least 1).
    n_departments
        Size of the pool of department names used in annotations.
    seed
        Random seed; the text depends only on the arguments.

    Returns
    -------
    str
        The document, with number, preamble, body, issuer and date, one measure per line.
    """
    rng = random.Random(seed)
    names = department_names(max(1, n_departments), rng)
    # Make sure the whole pool appears: walk through it in order before sampling at random.
    pool = iter(names)
    lines = [f"吉政办发[{2020 + seed % 5}]{seed % 90 + 1}号",
             "各市(州)人民政府,长白山管委会,省政府各厅委办、各直属机构:",
             "为贯彻落实有关部署,经省政府同意,提出如下实施意见。"]  # fmt: skip
    remaining, part, item = n_measures, 0, 0
    while remaining > 0:
        part += 1
        lines.append(f"{cn_number(part)}、{_title(rng)}")
        remaining -= 1
        for _ in range(min(remaining, rng.randint(2, 6))):
            if remaining <= 0:
                break
            item += 1
            subs = rng.choice([0, 0, 0, 2, 3, 4])
            subs = min(subs, remaining - 1) if subs else 0
            remaining -= 1 + subs
            lines.extend(_item(rng, item, subs, names, pool))
    lines += ["吉林省人民政府办公厅", "2020年12月24日"]
    return "\n".join(lines) + "\n"


def _item(rng: random.Random, item: int, subs: int, names: list[str], pool) -> list[str]:
    label = f"({cn_number(item)})"
    if not subs:
        return [f"{label}{_title(rng)}。{_sentence(rng)}{_annotated(rng, names, pool)}"]
    lines = [f"{label}{_title(rng)}。"]
    for sub in range(1, subs + 1):
        lines.append(f"{sub}.{_title(rng)}。 {_sentence(rng)}{_annotated(rng, names, pool)}")
    return lines


def _annotated(rng: random.Random, names: list[str], pool) -> str:
    first = next(pool, None)
    if first is not None:
        return f"({first}负责)"
    return _annotation(rng, names)
