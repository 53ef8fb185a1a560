"""Finding reader comments in a page's markup, with their threads, authors and dates.

Comment sections share a small vocabulary of markup: WordPress (``li.comment`` with replies
in ``ol.children``), Blogger, forum widgets (``div.comment``), schema.org ``Comment`` items,
Disqus (``li.post`` in ``#disqus_thread``). A comment is an element so marked; it is a reply
to the nearest comment element around it, which is how every one of these systems nests
threads (flat lists name the parent in an attribute or by WordPress's ``depth-N``). Its text
is what is left once the parts around the words (author, date, avatar, "Reply" links, votes,
nested replies) are taken out, so an unknown theme still yields the words even when it names
its author or date parts differently.
"""
from __future__ import annotations

import re
from typing import Any

from ..lexicon import month_names

# Class names that mark a whole comment (compared case-insensitively, token by token).
COMMENT_CLASSES = {"comment", "comment-item", "comment_item", "commentitem", "comment-entry",
                   "single-comment", "c-comment", "js-comment"}
# Parts of a comment that are not its words; a class token split on - and _ naming one of
# these marks such a part, unless another piece says it holds the words ("comment-content").
_META_PARTS = {"author", "user", "username", "name", "fn", "vcard", "avatar", "meta", "metadata", "date",
               "time", "datetime", "timestamp", "ago", "reply", "replies", "replybox", "respond", "action",
               "actions", "rating", "vote", "votes", "like", "likes", "share", "report", "flag", "footer",
               "header", "byline", "permalink", "edit", "says", "children", "thread", "count", "tools",
               "controls", "menu", "toolbar", "signature", "badge", "badges"}
_TEXT_PARTS = {"content", "text", "body", "message", "comment"}
_AUTHOR_PARTS = {"author", "user", "username", "fn", "commenter", "poster", "nickname"}
_DATE_PARTS = {"date", "time", "datetime", "timestamp", "published", "ago"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "form", "button", "textarea", "select", "input",
              "svg", "img", "iframe", "object", "video", "audio", "canvas", "header", "footer", "nav"}
_INLINE_TAGS = {"a", "span", "i", "b", "em", "strong", "small", "label", "cite", "time", "abbr", "code"}
_BLOCK_TAGS = {"p", "div", "br", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dd"}
# a year, a numeric date, 'ago', or a month ('jan', 'January', 'Sept.') and a number
_DATE_TEXT = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bago\b|\b(?:"
                        + "|".join(name[:3] for name in month_names()) + r")[a-z]*\.? \d", re.I)
_SAYS = re.compile(r"\s*(?:says|said|wrote|writes)\s*:?\s*$", re.I)
_DEPTH = re.compile(r"^depth-(\d+)$")
PARENT_ATTRS = ("data-parent-id", "data-parent", "data-reply-to", "data-in-reply-to")


def _tokens(el) -> list[str]:
    return (el.get("class") or "").lower().split()


def _parts(token: str) -> set[str]:
    return set(re.split(r"[-_]+", token)) - {""}


def _is_comment(el) -> bool:
    if not isinstance(el.tag, str) or el.tag in _INLINE_TAGS or el.tag in _SKIP_TAGS:
        return False
    if "schema.org/comment" in (el.get("itemtype") or "").lower():
        return True
    if any(t in COMMENT_CLASSES for t in _tokens(el)):
        return True
    if el.tag == "li" and "post" in _tokens(el):  # Disqus
        return any(a.get("id") in ("disqus_thread", "post-list") or "post-list" in _tokens(a)
                   for a in el.iterancestors())
    return False


def _is_meta(el) -> bool:
    """A part of a comment that is not its words (author line, date, reply link, ...)."""
    if el.tag in _SKIP_TAGS:
        return True
    prop = (el.get("itemprop") or "").lower()
    if prop in ("author", "creator", "datecreated", "datepublished", "datemodified", "identifier", "url"):
        return True
    for t in _tokens(el):
        parts = _parts(t)
        if parts & _META_PARTS and not parts & (_TEXT_PARTS - {"comment"}):
            return True
    return False


def _words(el, skip: set) -> str:
    """The text under ``el``, leaving out comments in ``skip`` and the parts around the words."""
    out: list[str] = []

    def walk(node) -> None:
        if node.text and isinstance(node.tag, str):
            out.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child not in skip and not _is_meta(child):
                if child.tag in _BLOCK_TAGS:
                    out.append("\n")
                walk(child)
                if child.tag in _BLOCK_TAGS:
                    out.append("\n")
            if child.tail:
                out.append(child.tail)

    walk(el)
    return " ".join("".join(out).split())


def _own(unit, roots: set):
    """Descendants of ``unit`` in document order that belong to it, not to a nested reply."""
    stack = list(reversed(unit))
    while stack:
        node = stack.pop()
        if isinstance(node.tag, str) and node not in roots:
            yield node
            stack.extend(reversed(node))


def _between(node, unit):
    """``node`` and its ancestors up to (not including) ``unit``."""
    while node is not None and node is not unit:
        yield node
        node = node.getparent()


def _class_parts(node) -> set[str]:
    return set().union(*(_parts(t) for t in _tokens(node)))


def _mostly_links(unit, marked: set) -> bool:
    words = len(_words(unit, marked))
    linked = sum(len(" ".join(a.text_content().split())) for a in _own(unit, marked)
                 if a.tag == "a" and not any(_is_meta(x) for x in _between(a, unit)))
    return words > 0 and linked > 0.6 * words


def _author(unit, roots: set) -> str:
    for node in _own(unit, roots):
        prop = (node.get("itemprop") or "").lower()
        parts = _class_parts(node)
        if parts & {"avatar", "content", "text", "body", "message"}:
            continue
        cite = node.tag == "cite" and not any(_class_parts(x) & {"content", "text", "message"}
                                              for x in _between(node, unit))  # not a quoted title
        if prop in ("author", "creator") or parts & _AUTHOR_PARTS or cite:
            for sub in node.iter():
                if not isinstance(sub.tag, str):
                    continue
                fn = sub is not node and ((sub.get("itemprop") or "").lower() == "name"
                                          or "fn" in _tokens(sub) or sub.tag in ("cite", "strong", "b", "a"))
                if fn and sub.text_content().strip():
                    return _SAYS.sub("", " ".join(sub.text_content().split()))[:200]
            name = _SAYS.sub("", " ".join(node.text_content().split()))
            if name:
                return name[:200]
    return ""


def _date(unit, roots: set) -> str:
    fallback = ""
    for node in _own(unit, roots):
        prop = (node.get("itemprop") or "").lower()
        if node.tag == "time" or prop.startswith("date") or node.get("datetime"):
            value = node.get("datetime") or node.get("content") or node.text_content()
            if value and value.strip():
                return " ".join(value.split())[:100]
        parts = _class_parts(node)
        if parts & _DATE_PARTS and not fallback:
            title = node.get("title") or ""
            fallback = title if _DATE_TEXT.search(title) else node.text_content()
        elif not fallback and node.tag == "a" and len(node.text_content()) < 60 \
                and _DATE_TEXT.search(node.text_content()) and any(map(_is_meta, _between(node, unit))):
            fallback = node.text_content()  # "<strong>Ann</strong> on <a>May 2, 2018</a> said:"
    return " ".join(fallback.split())[:100]


def _ident(unit) -> str:
    for key in ("id", "data-comment-id", "data-id"):
        if unit.get(key):
            return unit.get(key).strip()
    for node in unit.iter():
        if isinstance(node.tag, str) and (node.get("itemprop") or "").lower() == "identifier":
            return (node.get("content") or node.text_content()).strip()
    return ""


def from_markup(root) -> list[dict[str, Any]]:
    """Comment records (id, parent_id, author, date, text) of a parsed page, in page order."""
    for bad in root.xpath("//script|//style|//noscript|//template|//textarea"):
        bad.drop_tree()
    found = [el for el in root.iter() if isinstance(el.tag, str) and _is_comment(el)]
    marked = set(found)
    # Teasers of opinion pieces ("Comment: ...") share the class name; their words are links.
    found = [el for el in found if not _mostly_links(el, marked)]
    marked = set(found)
    # A comment element wrapped in another with no words of its own is the same comment
    # (WordPress themes put ``div.comment`` inside ``li.comment``): the outer one stands.
    roots: list = []
    for el in found:
        outer = next((a for a in el.iterancestors() if a in marked), None)
        if outer is not None and outer in roots and not _words(outer, marked) \
                and next((c for c in outer.iterdescendants() if c in marked), None) is el:
            continue
        roots.append(el)
    root_set = set(roots)
    records = []
    for n, el in enumerate(roots, 1):
        parent = next((a for a in el.iterancestors() if a in root_set), None)
        if parent is None:
            parent = _flat_parent(el, roots[:n - 1])
        text_el = next((x for x in _own(el, root_set)
                        if (x.get("itemprop") or "").lower() in ("text", "articlebody")), None)
        words = _words(text_el if text_el is not None else el, root_set).lstrip("•·|–— ")
        records.append({"id": _ident(el) or f"c{n}", "_el": el, "_parent": parent,
                        "author": _author(el, root_set), "date": _date(el, root_set), "text": words})
    ids = {id(r.pop("_el")): r["id"] for r in records}
    for r in records:
        parent = r.pop("_parent")
        r["parent_id"] = ids[id(parent)] if parent is not None else None
    return records


def _flat_parent(el, before: list):
    """The parent of a reply that is not nested in it: named by a ``data-parent-id``-like
    attribute (matched to an id with or without a ``comment-`` prefix), or, for themes that
    list every comment flat with WordPress's ``depth-N`` classes, the closest earlier comment
    one level up."""
    for key in PARENT_ATTRS:
        ref = (el.get(key) or "").strip()
        if ref and ref != "0":
            for cand in reversed(before):
                if _ident(cand) in (ref, f"comment-{ref}", f"c{ref}"):
                    return cand
    depth = next((int(m.group(1)) for t in _tokens(el) if (m := _DEPTH.match(t))), 0)
    if depth > 1:
        for cand in reversed(before):
            d = next((int(m.group(1)) for t in _tokens(cand) if (m := _DEPTH.match(t))), 0)
            if d == depth - 1:
                return cand
            if d and d < depth - 1:
                break
    return None
