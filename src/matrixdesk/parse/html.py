"""HTML pages saved from government web sites → plain paragraphs.

Only the standard library's :mod:`html.parser`: block elements become line breaks, scripts and
styles disappear, entities are unescaped by the parser itself (``convert_charrefs``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose boundaries are paragraph boundaries in the rendered page.
_BLOCK_TAGS = frozenset(
    "p br div li tr h1 h2 h3 h4 h5 h6 table tbody thead ul ol section article header footer "
    "blockquote pre title dd dt dl hr center form".split()
)
# Elements whose content is never document text.
_SKIP_TAGS = frozenset("script style noscript template head iframe object svg".split())

_HTML_HINT = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|p|div|br|table|span)\b", re.IGNORECASE
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and friends: never opens a skipped region.
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Source line breaks inside a paragraph are layout, not structure.
            self.parts.append(re.sub(r"[\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    """Extract the readable text of an HTML page, one paragraph per line.

    Parameters
    ----------
    html
        The page source.

    Returns
    -------
    str
        Text with tags, scripts and styles removed, entities unescaped, ``&nbsp;`` as a plain
        space, each line stripped and blank lines dropped.
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    raw = "".join(collector.parts).replace("\xa0", " ").replace("\u3000", " ")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` has HTML markup (a saved page without an .html name)."""
    head = text[:2000].lstrip()
    return head.startswith("<") and bool(_HTML_HINT.search(head))
