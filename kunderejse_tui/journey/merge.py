"""Three-way merge of journeys by identity.

Used when the file changed on disk while the app had unsaved edits: ``base``
is what the app loaded, ``mine`` what the app has now, ``theirs`` what is on
disk. Items are matched by what they are, not where they are: personas,
stages and interviews by id within their list, touchpoints by id across the
whole journey (so one side moving a touchpoint to another stage while the
other side edits it is not a conflict). Lists without ids (questions,
answers, lists of strings) are merged like lines of text, element by element
where both sides changed the same positions.

Whatever the app does not understand (unknown keys, ``x-*`` keys, values of
the wrong type) is merged as plain data, never dropped. Files so broken that
ids cannot identify items (duplicate ids, items without ids) fall back to
merging those lists by value.

An id is identity, so a rename would read as a delete plus an add; an item
that one side gave a new id and changed in no other way is recognised as
renamed, the other side's edits to it follow it, and references the other
side added to the old id are pointed at the new one.
"""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .edits import (
    MISSING,
    ItemKey,
    Kind,
    format_path,
    id_holders,
    references,
    same_value,
)
from .i18n.catalog import known, t
from .i18n.message import Message
from .paths import KeyPath

ConflictKind = Literal["changed", "deleted", "order", "moved", "orphaned"]


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the same thing differently.

    ``path`` is where the thing is in ``mine`` (or in ``theirs`` when mine
    has no such item); ``place`` names it in words, a part per level (read with
    ``where(lang)``). ``base``,
    ``mine`` and ``theirs`` hold the three values (``MISSING`` for absent).
    """

    kind: ConflictKind
    path: KeyPath
    item: ItemKey | None
    place: tuple[str | Message, ...]
    base: Any = None
    mine: Any = None
    theirs: Any = None

    def message(self, lang: str = "en", mine: str | None = None, theirs: str | None = None) -> str:
        """The conflict in a sentence; ``mine``/``theirs`` name the sides ("in the app", ...)."""
        m = mine or t(lang, "merge.mine")
        th = theirs or t(lang, "merge.theirs")
        where = self.where(lang)
        if self.kind == "deleted":
            deleted, changed = (m, th) if self.mine is MISSING else (th, m)
            return t(lang, "merge.deleted", where=where, deleted=deleted, changed=changed)
        if self.kind == "order":
            return t(lang, "merge.order", where=where, mine=m, theirs=th)
        if self.kind == "moved":
            return t(
                lang,
                "merge.moved",
                where=where,
                to_mine=str(self.mine),
                mine=m,
                to_theirs=str(self.theirs),
                theirs=th,
            )
        if self.kind == "orphaned":
            stage, side = (self.mine, th) if self.theirs is MISSING else (self.theirs, m)
            return t(lang, "merge.orphaned", where=where, stage=str(stage), side=side)
        return t(
            lang,
            "merge.changed",
            where=where,
            mine=m,
            mine_value=_show(self.mine, lang),
            theirs=th,
            theirs_value=_show(self.theirs, lang),
        )

    def where(self, lang: str = "en") -> str:
        """Where the conflict is, in words: ``stage 'attract' › touchpoint 'ad' › emotion``."""
        if not self.place:
            return t(lang, "merge.the_journey")
        return " › ".join(p if isinstance(p, str) else p.text(lang) for p in self.place)

    @property
    def location(self) -> str:
        """The path as the problems panel writes it: ``stages[0].touchpoints[1].emotion``."""
        return format_path(self.path)

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class MergeResult:
    """``merged`` is None exactly when there are conflicts."""

    merged: dict[str, Any] | None
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.merged is not None


def merge(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> MergeResult:
    """Merge the changes from ``base`` to ``mine`` and from ``base`` to ``theirs``.

    The result follows mine's order; theirs' new items go right after the
    item that precedes them in theirs. Nothing in the inputs is modified.
    """
    merger = _Merger()
    root = _Ctx((), (), None)
    merged = merger.merge_dict(
        base if isinstance(base, dict) else {}, mine, theirs, root, at_root=True
    )
    if merger.conflicts:
        return MergeResult(None, merger.conflicts)
    _follow_renames(merged, merger.renames)
    return MergeResult(merged, [])


def _follow_renames(merged: dict[str, Any], renames: dict[Kind, dict[str, str]]) -> None:
    """Point the other side's references to a renamed item at its new id.

    The renaming side updated its own references; a reference the other side
    added (an answer naming the old touchpoint id, say) would otherwise
    dangle. An old id that still names an item is left alone.
    """
    for kind, aliases in renames.items():
        ids = {item_id for _, item_id in id_holders(merged, kind)}
        for old, new in aliases.items():
            if old in ids:
                continue
            for path in list(references(merged, kind, old)):
                parent: Any = merged
                for part in path[:-1]:
                    parent = parent[part]
                parent[path[-1]] = new


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Ctx:
    path: KeyPath
    place: tuple[str | Message, ...]
    item: ItemKey | None

    def key(self, key: str, at_root: bool = False) -> _Ctx:
        item = ("journey", key) if at_root else self.item
        return _Ctx((*self.path, key), (*self.place, key), item)

    def index(self, list_key: str, i: int) -> _Ctx:
        """An element of a list without ids, named by its position (1-based in words)."""
        place = (*self.place, Message("merge.nth", key=list_key, n=i + 1))
        return _Ctx((*self.path, list_key, i), place, self.item)

    def entity(self, kind: str, item_id: str, path: KeyPath) -> _Ctx:
        name = f"edit.kind.{kind}"
        kind_name: str | Message = Message(name) if known(name) else kind
        place = (*self.place, Message("merge.item", kind=kind_name, id=item_id))
        return _Ctx(path, place, (kind, item_id))


def _show(value: Any, lang: str) -> str:
    if value is MISSING:
        return t(lang, "merge.deleted_value")
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _hkey(value: Any) -> str:
    """A value as a comparable string; 1, 1.0, true and "1" stay different."""
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):
        return repr(value)


def _copy(value: Any) -> Any:
    return copy.deepcopy(value)


Special = dict[str, Callable[[Any, Any, Any, "_Ctx"], Any]]

_LIST_KEYS = {"persona": "personas", "stage": "stages", "interview": "interviews"}


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []
        # kind -> {old id: new id} for renames one side made and the merge followed
        self.renames: dict[Kind, dict[str, str]] = {}

    def conflict(self, kind: ConflictKind, ctx: _Ctx, base: Any, mine: Any, theirs: Any) -> None:
        self.conflicts.append(Conflict(kind, ctx.path, ctx.item, ctx.place, base, mine, theirs))

    # ---- generic values

    def merge(
        self, base: Any, mine: Any, theirs: Any, ctx: _Ctx, special: Special | None = None
    ) -> Any:
        if same_value(mine, theirs):
            return _copy(mine)
        if same_value(mine, base):
            return _copy(theirs)
        if same_value(theirs, base):
            return _copy(mine)
        if mine is MISSING or theirs is MISSING:
            self.conflict("deleted", ctx, base, mine, theirs)
            return _copy(mine)
        if isinstance(mine, dict) and isinstance(theirs, dict) and _is(base, dict):
            return self.merge_dict(_or(base, {}), mine, theirs, ctx, special=special)
        if isinstance(mine, list) and isinstance(theirs, list) and _is(base, list):
            return self.merge_list(_or(base, []), mine, theirs, ctx)
        self.conflict("changed", ctx, base, mine, theirs)
        return _copy(mine)

    def merge_dict(
        self,
        base: dict[str, Any],
        mine: dict[str, Any],
        theirs: dict[str, Any],
        ctx: _Ctx,
        *,
        at_root: bool = False,
        special: Special | None = None,
    ) -> dict[str, Any]:
        if at_root:
            special = {
                "personas": lambda b, m, t, c: self.merge_id_list("persona", b, m, t, c),
                "interviews": lambda b, m, t, c: self.merge_id_list("interview", b, m, t, c),
                "stages": self.merge_stages,
            }
        out: dict[str, Any] = {}
        for key in _order_keys(list(mine), list(theirs)):
            b, m, t = base.get(key, MISSING), mine.get(key, MISSING), theirs.get(key, MISSING)
            handler = special.get(key) if special else None
            if handler is not None and not (
                same_value(m, t) or same_value(m, b) or same_value(t, b)
            ):
                # A handler gets the mapping that holds the list, so that
                # conflicts read "stage 'attract'" rather than "stages #1".
                value = handler(b, m, t, ctx)
            else:
                value = self.merge(b, m, t, ctx.key(key, at_root))
            if value is not MISSING:
                out[key] = value
        return out

    def merge_list(self, base: list[Any], mine: list[Any], theirs: list[Any], ctx: _Ctx) -> Any:
        """diff3 on elements compared by value; same positions changed on both sides
        are merged element by element (an answer's text here, its tags there)."""
        kb = [_hkey(x) for x in base]
        km = [_hkey(x) for x in mine]
        kt = [_hkey(x) for x in theirs]
        chunks = sorted(
            [(*c, "m") for c in _changes(kb, km)] + [(*c, "t") for c in _changes(kb, kt)],
            key=lambda c: (c[0], c[1], c[4]),
        )
        list_key = str(ctx.path[-1]) if ctx.path else "list"
        owner = _Ctx(ctx.path[:-1], ctx.place[:-1], ctx.item)
        out: list[Any] = []
        pos = 0
        i = 0
        while i < len(chunks):
            lo, hi = chunks[i][0], chunks[i][1]
            cluster = [chunks[i]]
            i += 1
            while i < len(chunks) and (
                chunks[i][0] < hi or (chunks[i][0] == chunks[i][1] == lo == hi)
            ):
                cluster.append(chunks[i])
                hi = max(hi, chunks[i][1])
                i += 1
            out.extend(_copy(base[pos:lo]))
            pos = hi
            mc = [c for c in cluster if c[4] == "m"]
            tc = [c for c in cluster if c[4] == "t"]
            seg_m = _segment(lo, hi, mc, mine, base)
            seg_t = _segment(lo, hi, tc, theirs, base)
            if not tc or same_value(seg_m, seg_t):
                out.extend(_copy(seg_m))
            elif not mc:
                out.extend(_copy(seg_t))
            elif lo == hi:
                # Both added at the same place: keep both, mine first.
                seen = {_hkey(x) for x in seg_m}
                out.extend(_copy(seg_m))
                out.extend(_copy(x) for x in seg_t if _hkey(x) not in seen)
            elif len(mc) == len(tc) == 1 and len(seg_m) == len(seg_t) == hi - lo:
                j0 = mc[0][2]
                for k in range(hi - lo):
                    out.append(
                        self.merge(base[lo + k], seg_m[k], seg_t[k], owner.index(list_key, j0 + k))
                    )
            else:
                self.conflict("changed", ctx, base[lo:hi], seg_m, seg_t)
                out.extend(_copy(seg_m))
        out.extend(_copy(base[pos:]))
        return out

    # ---- lists of items with ids

    def merge_id_list(
        self,
        kind: Kind,
        base: Any,
        mine: Any,
        theirs: Any,
        owner: _Ctx,
        special: Special | None = None,
    ) -> Any:
        list_key = "touchpoints" if kind == "touchpoint" else _LIST_KEYS[kind]
        list_ctx = owner.key(list_key)
        indexed = [_by_id(v) for v in (base, mine, theirs)]
        ib, im, it = indexed
        if ib is None or im is None or it is None:
            return self.merge(base, mine, theirs, list_ctx)
        before_renames = (im, it, ib)
        ib, im, it = self.follow_renames(
            kind, ib, im, it, owner, lambda i: _item_path(owner.path, list_key, i, *before_renames)
        )
        survivors: dict[str, Any] = {}
        for item_id in _union(im, it, ib):
            path = _item_path(owner.path, list_key, item_id, im, it, ib)
            value = self.merge(
                ib.get(item_id, MISSING),
                im.get(item_id, MISSING),
                it.get(item_id, MISSING),
                owner.entity(kind, item_id, path),
                special,
            )
            if value is not MISSING:
                survivors[item_id] = value
        order = self.order_ids(list(ib), list(im), list(it), set(survivors), list_ctx)
        if not order and not isinstance(mine, list):
            return _copy(mine)
        return [survivors[i] for i in order]

    def follow_renames(
        self,
        kind: Kind,
        base: dict[str, Any],
        mine: dict[str, Any],
        theirs: dict[str, Any],
        owner: _Ctx,
        path_of: Callable[[str], KeyPath],
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """Key the items of all three by their new id where one side only renamed an item.

        Then a rename on one side and an edit of the same item on the other
        merge into the renamed, edited item instead of a delete/edit conflict.
        """
        by_mine = _renames(base, mine, theirs)
        by_theirs = _renames(base, theirs, mine)
        aliases: dict[str, str] = {}
        for old, new in by_mine.items():
            if old in by_theirs and by_theirs[old] != new:
                ctx = owner.entity(kind, old, path_of(old)).key("id")
                self.conflict("changed", ctx, old, new, by_theirs[old])
            else:
                aliases[old] = new
        for old, new in by_theirs.items():
            if old not in by_mine:
                aliases[old] = new
        if not aliases:
            return base, mine, theirs
        self.renames.setdefault(kind, {}).update(aliases)

        def rekey(items: dict[str, Any]) -> dict[str, Any]:
            return {aliases.get(k, k): v for k, v in items.items()}

        return rekey(base), rekey(mine), rekey(theirs)

    def order_ids(
        self,
        base: list[str],
        mine: list[str],
        theirs: list[str],
        survivors: set[str],
        ctx: _Ctx,
    ) -> list[str]:
        """Mine's order, or theirs' when only theirs reordered; new items after their predecessor."""
        common = set(base) & set(mine) & set(theirs) & survivors
        b = [x for x in base if x in common]
        m = [x for x in mine if x in common]
        t = [x for x in theirs if x in common]
        if m == b:
            seq = t
        elif t in (b, m):
            seq = m
        else:
            self.conflict("order", ctx, b, m, t)
            seq = m
        placed = set(seq)
        for source in (mine, theirs, base):
            _place_new(seq, placed, source, survivors)
        return seq

    # ---- stages, with touchpoints matched across the journey

    def merge_stages(self, base: Any, mine: Any, theirs: Any, root: _Ctx) -> Any:
        versions = (base, mine, theirs)
        tp_maps = [_touchpoint_map(v) for v in versions]
        if any(tp_map is None for tp_map in tp_maps):
            # Touchpoint ids do not identify touchpoints across the journey
            # (a broken file): match them inside each stage, as far as that goes.
            per_stage: Special = {
                "touchpoints": lambda b, m, t, c: self.merge_id_list("touchpoint", b, m, t, c)
            }
            return self.merge_id_list("stage", base, mine, theirs, root, per_stage)
        tb, tm, tt = (tp_map for tp_map in tp_maps if tp_map is not None)
        # Stages are merged without their touchpoints (merged below, across
        # the journey), so that moving a touchpoint out of a stage does not
        # count as a change to the stage.
        stripped = [_strip_touchpoints(v) for v in versions]
        originals = [_by_id(v) or {} for v in versions]
        stages = self.merge_id_list("stage", stripped[0], stripped[1], stripped[2], root)
        if not isinstance(stages, list):
            return stages
        stage_alias = self.renames.get("stage", {})
        originals = [{stage_alias.get(k, k): v for k, v in o.items()} for o in originals]
        tp_b, tp_m, tp_t = ({k: tp for k, (_, tp) in m.items.items()} for m in (tb, tm, tt))
        by_id = (tm, tt, tb)
        self.follow_renames("touchpoint", tp_b, tp_m, tp_t, root, lambda i: _tp_path(i, *by_id))
        tp_alias = self.renames.get("touchpoint", {})
        if stage_alias or tp_alias:
            tb, tm, tt = (_aliased(m, tp_alias, stage_alias) for m in (tb, tm, tt))
        stage_ids = {s["id"] for s in stages if isinstance(s, dict)}
        stage_index = {s["id"]: i for i, s in enumerate(stages) if isinstance(s, dict)}

        placed: dict[str, tuple[str, Any]] = {}
        for tp_id in _union(tm.items, tt.items, tb.items):
            b_stage, b_tp = tb.items.get(tp_id, (MISSING, MISSING))
            m_stage, m_tp = tm.items.get(tp_id, (MISSING, MISSING))
            t_stage, t_tp = tt.items.get(tp_id, (MISSING, MISSING))
            shown_stage = next(s for s in (m_stage, t_stage, b_stage) if s is not MISSING)
            stage_ctx = root.entity("stage", str(shown_stage), ("stages", -1))
            path = _tp_path(tp_id, tm, tt, tb)
            ctx = stage_ctx.entity("touchpoint", tp_id, path)
            value = self.merge(b_tp, m_tp, t_tp, ctx)
            if value is MISSING:
                continue
            if m_stage in (t_stage, b_stage):
                stage = t_stage
            elif t_stage == b_stage:
                stage = m_stage
            else:
                self.conflict("moved", ctx, b_stage, m_stage, t_stage)
                continue
            if stage is MISSING:  # deleted on one side, changed on the other: reported above
                continue
            if stage not in stage_ids:
                self.conflict(
                    "orphaned",
                    ctx,
                    b_stage,
                    stage if stage == m_stage else MISSING,
                    stage if stage == t_stage else MISSING,
                )
                continue
            placed[tp_id] = (stage, value)

        for stage in stages:
            if not isinstance(stage, dict):
                continue
            sid = stage["id"]
            members = {tp_id for tp_id, (s, _) in placed.items() if s == sid}
            ctx = root.entity("stage", sid, ("stages", stage_index[sid])).key("touchpoints")
            order = self.order_ids(
                tb.order.get(sid, []), tm.order.get(sid, []), tt.order.get(sid, []), members, ctx
            )
            has_key = [
                ("touchpoints" in o[sid]) if isinstance(o.get(sid), dict) else MISSING
                for o in originals
            ]
            b_has, m_has, t_has = has_key
            keep_key = t_has if m_has == b_has else m_has
            if keep_key is True or order:
                source: dict[str, Any] = next(
                    (
                        o[sid]
                        for o in (originals[1], originals[2], originals[0])
                        if _has_touchpoints(o, sid)
                    ),
                    {},
                )
                _insert_after_predecessor(
                    stage, "touchpoints", [placed[tp_id][1] for tp_id in order], list(source)
                )
        return stages


# --------------------------------------------------------------------------- helpers


def _is(value: Any, kind: type) -> bool:
    return value is MISSING or value is None or isinstance(value, kind)


def _or(value: Any, default: Any) -> Any:
    return value if value is not MISSING and value is not None else default


def _order_keys(mine: list[str], theirs: list[str]) -> list[str]:
    """Mine's keys, then keys only theirs has, each after its predecessor in theirs."""
    seq = list(mine)
    # Keys both sides deleted are not in either list: gone, as both wanted.
    _place_new(seq, set(seq), theirs, set(mine) | set(theirs))
    return seq


def _place_new(seq: list[str], placed: set[str], source: list[str], wanted: set[str]) -> None:
    """Insert ``source``'s wanted items missing from ``seq`` right after their predecessor.

    Items the other side added at the same spot stay first, so when both
    sides add after the same item the result reads mine, then theirs.
    """
    in_source = set(source)
    for pos, x in enumerate(source):
        if x not in wanted or x in placed:
            continue
        before = next((source[j] for j in range(pos - 1, -1, -1) if source[j] in placed), None)
        at = 0 if before is None else seq.index(before) + 1
        while at < len(seq) and seq[at] not in in_source:
            at += 1
        seq.insert(at, x)
        placed.add(x)


def _has_touchpoints(stages: dict[str, Any], sid: str) -> bool:
    stage = stages.get(sid)
    return isinstance(stage, dict) and "touchpoints" in stage


def _insert_after_predecessor(
    mapping: dict[str, Any], key: str, value: Any, source_keys: list[str]
) -> None:
    """Put ``key`` where it stood in the source order (merge output follows mine's order)."""
    if key in mapping:
        mapping[key] = value
        return
    pos = source_keys.index(key) if key in source_keys else len(source_keys)
    before = next((k for k in reversed(source_keys[:pos]) if k in mapping), None)
    items = list(mapping.items())
    at = 0 if before is None else [k for k, _ in items].index(before) + 1
    items.insert(at, (key, value))
    mapping.clear()
    mapping.update(items)


def _changes(base: list[str], other: list[str]) -> list[tuple[int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _segment(
    lo: int, hi: int, chunks: list[tuple[int, int, int, int, str]], side: list[Any], base: list[Any]
) -> list[Any]:
    """What one side made of base[lo:hi]."""
    out: list[Any] = []
    pos = lo
    for i1, i2, j1, j2, _ in chunks:
        out.extend(base[pos:i1])
        out.extend(side[j1:j2])
        pos = i2
    out.extend(base[pos:hi])
    return out


def _by_id(value: Any) -> dict[str, Any] | None:
    """id -> item for a list whose items all have distinct string ids; None if they do not."""
    if value is MISSING or value is None:
        return {}
    if not isinstance(value, list):
        return None
    out: dict[str, Any] = {}
    for item in value:
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str) or item_id in out:
            return None
        out[item_id] = item
    return out


def _renames(base: dict[str, Any], side: dict[str, Any], other: dict[str, Any]) -> dict[str, str]:
    """old id -> new id for items ``side`` renamed and changed in no other way."""
    added: dict[str, list[str]] = {}
    for item_id, item in side.items():
        if item_id not in base and item_id not in other:
            added.setdefault(_hkey(_without_id(item)), []).append(item_id)
    if not added:
        return {}
    found: dict[str, str] = {}
    claimed: dict[str, int] = {}
    for item_id, item in base.items():
        if item_id in side:
            continue
        candidates = added.get(_hkey(_without_id(item)), [])
        if len(candidates) == 1:
            found[item_id] = candidates[0]
            claimed[candidates[0]] = claimed.get(candidates[0], 0) + 1
    # Two deleted items that look alike cannot say which one became the new one.
    return {old: new for old, new in found.items() if claimed[new] == 1}


def _without_id(item: Any) -> Any:
    return {k: v for k, v in item.items() if k != "id"} if isinstance(item, dict) else item


def _union(*maps: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for m in maps:
        for key in m:
            seen.setdefault(key, None)
    return list(seen)


def _item_path(
    owner: KeyPath,
    list_key: str,
    item_id: str,
    *indexed: dict[str, Any],
) -> KeyPath:
    for items in indexed:
        if item_id in items:
            return (*owner, list_key, list(items).index(item_id))
    return (*owner, list_key)


@dataclass
class _TouchpointMap:
    items: dict[str, tuple[str, Any]]  # tp id -> (stage id, touchpoint)
    order: dict[str, list[str]]  # stage id -> tp ids in order
    paths: dict[str, KeyPath]


def _touchpoint_map(stages: Any) -> _TouchpointMap | None:
    """Touchpoints by id across the journey; None when ids cannot identify them."""
    by_stage = _by_id(stages)
    if by_stage is None:
        return None
    result = _TouchpointMap({}, {}, {})
    for si, (stage_id, stage) in enumerate(by_stage.items()):
        tps = stage.get("touchpoints", MISSING)
        if tps is MISSING:
            continue
        if not isinstance(tps, list):
            return None
        order: list[str] = []
        for ti, tp in enumerate(tps):
            tp_id = tp.get("id") if isinstance(tp, dict) else None
            if not isinstance(tp_id, str) or tp_id in result.items:
                return None
            result.items[tp_id] = (stage_id, tp)
            result.paths[tp_id] = ("stages", si, "touchpoints", ti)
            order.append(tp_id)
        result.order[stage_id] = order
    return result


def _aliased(tp_map: _TouchpointMap, tps: dict[str, str], stages: dict[str, str]) -> _TouchpointMap:
    """The map with renamed touchpoints and stages under their new ids."""
    return _TouchpointMap(
        {tps.get(k, k): (stages.get(s, s), tp) for k, (s, tp) in tp_map.items.items()},
        {stages.get(s, s): [tps.get(x, x) for x in ids] for s, ids in tp_map.order.items()},
        {tps.get(k, k): path for k, path in tp_map.paths.items()},
    )


def _tp_path(tp_id: str, *maps: _TouchpointMap) -> KeyPath:
    for tp_map in maps:
        if tp_id in tp_map.paths:
            return tp_map.paths[tp_id]
    return ("stages",)


def _strip_touchpoints(stages: Any) -> Any:
    if not isinstance(stages, list):
        return stages
    out = []
    for stage in stages:
        if isinstance(stage, dict) and "touchpoints" in stage:
            stage = {k: v for k, v in stage.items() if k != "touchpoints"}
        out.append(stage)
    return out


__all__ = ["Conflict", "ConflictKind", "MergeResult", "merge"]
