"""HTML page layout with selectolax (lexbor): meta tags, headline, byline and the article body."""

from __future__ import annotations

import re
import threading
from typing import Final

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser, LexborNode

from wirewatch.parse.layout import Extracted, _body_line, is_credit
from wirewatch.parse.lexicon import is_chrome, is_terminator

_DROP: Final = (
    "script, style, noscript, template, iframe, svg, canvas, form, button, select, nav, header, "
    "footer, aside, figure, [class*=share], [class*=comment], [class*=related], [class*=tags], "
    "[class*=sidebar], [class*=newsletter], [class*=most-read], [class*=footer], [class*=byline], "
    "[class*=author], [class*=copyright], [class*=promo], [class*=advert], [id*=footer], "
    "[class*=trust], [class*=menu], [id*=menu]"
)
_BYLINE: Final = (
    "[class*=byline], [class*=author], [rel=author], [class*=meta], [class*=date], time, "
    "[class*=timestamp], [class*=dateline]"
)
_PUBLISHED_KEYS: Final = (
    "article:published_time", "article.published", "og:published_time", "datepublished",
    "date", "pubdate", "publishdate", "dc.date", "dcterms.created", "sailthru.date",
)  # fmt: skip
_AUTHOR_KEYS: Final = ("author", "article:author", "article.author", "dc.creator")
_BLOCKS: Final = "p, div, li, blockquote, td"
_NESTED: Final = frozenset({"p", "div", "ul", "ol", "table", "section", "article", "blockquote"})
_THREAD: Final = threading.local()  # per-thread state: the reused CSS engine
_TITLE_SUFFIX: Final = re.compile(r"\s+(?:[|–—]|-)\s+[^|–—]{2,60}$")


def layout_html(body: str) -> Extracted:
    """Extract headline, meta, byline and body paragraphs from an HTML page."""
    tree = LexborHTMLParser(body)  # kept alive here while its nodes are in use
    root = tree.root
    out = Extracted()
    meta = _meta(root)
    out.site_name = meta.get("og:site_name")
    out.meta_published = [meta[key] for key in _PUBLISHED_KEYS if meta.get(key)]
    out.meta_authors = [meta[key] for key in _AUTHOR_KEYS if meta.get(key)]
    for node in _css(root, "script, style, noscript, template"):
        node.decompose()
    out.meta_published += [
        str(node.attributes.get("datetime"))
        for node in _css(root, "time[datetime]")
        if node.attributes.get("datetime")
    ]
    out.meta_lines = _byline_texts(root)
    out.headlines = _headlines(root, meta)
    for node in _css(root, _DROP):
        if node.tag in {"header", "footer"} and _css(node, "p") and _css(node, "h1"):
            continue  # an <article>'s own header holding the headline: keep
        node.decompose()
    for text in _body_blocks(root):
        if is_terminator(text):
            out.chrome_seen = True
            break
        if is_chrome(text) or is_credit(text):
            out.chrome_seen = True
            out.credit_lines.append(text)
            continue
        _body_line(out, text)
    return out


def _selector() -> LexborCSSSelector:
    """This thread's CSS engine, reused across pages: a new one per page costs ~20 us."""
    selector: LexborCSSSelector | None = getattr(_THREAD, "selector", None)
    if selector is None:
        selector = _THREAD.selector = LexborCSSSelector()  # type: ignore[no-untyped-call]
    return selector


def _css(node: LexborNode | None, query: str) -> list[LexborNode]:
    """The nodes under `node` (itself included) that match the query: `node.css(query)`."""
    return [] if node is None else _selector().find(query, node)


def _css_first(node: LexborNode | None, query: str) -> LexborNode | None:
    """The first match of `_css`, in document order, or None."""
    found = _css(node, query)
    return found[0] if found else None


def _clean(text: str | None) -> str:
    """Collapse whitespace runs to one space and trim; same as `\\s+` -> " " then strip()."""
    return " ".join(text.split()) if text else ""


def _meta(root: LexborNode | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in _css(root, "meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and key.lower() not in found:
            found[key.lower()] = _clean(content)
    return found


def _headlines(root: LexborNode | None, meta: dict[str, str]) -> list[str]:
    found: list[str] = []
    for selector in ("article h1", "main h1", "h1"):
        node = _css_first(root, selector)
        if node is not None and _clean(node.text()):
            found.append(_clean(node.text()))
            sub = node.next
            while sub is not None and not sub.is_element_node:
                sub = sub.next
            if sub is not None and sub.tag == "h2":
                found.append(_clean(sub.text()))
            break
    og_title = meta.get("og:title") or meta.get("twitter:title")
    title_node = _css_first(root, "title")
    for title in (og_title, _clean(title_node.text()) if title_node else None):
        if title:
            found.append(title if found else _TITLE_SUFFIX.sub("", title))
    return found


def _byline_texts(root: LexborNode | None) -> list[str]:
    texts: list[str] = []
    for node in _css(root, _BYLINE):
        text = _clean(node.text(separator=" "))
        if text and len(text) <= 200 and text not in texts:
            texts.append(text)
    return texts


def _body_blocks(root: LexborNode | None) -> list[str]:
    """Texts of the leaf blocks inside the container that holds the most paragraph text."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    leaves: list[tuple[LexborNode, str]] = []
    for node in _css(root, _BLOCKS):
        if node.tag != "p" and any(child.tag in _NESTED for child in node.iter()):
            continue
        text = _clean(node.text())
        if not text:
            continue
        leaves.append((node, text))
        if len(text) < 25:
            continue
        parent = node.parent
        weight = float(len(text))
        for share in (1.0, 0.5):
            if parent is None:
                break
            scores[parent.mem_id] = scores.get(parent.mem_id, 0.0) + weight * share
            nodes[parent.mem_id] = parent
            parent = parent.parent
    if not scores:
        return []
    best = max(scores, key=lambda key: scores[key])
    return [text for node, text in leaves if _inside(node, best)]


def _inside(node: LexborNode, ancestor_id: int) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor_id:
            return True
        parent = parent.parent
    return False
