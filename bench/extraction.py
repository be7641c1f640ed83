"""Quote extraction measured against PolNeAR's gold direct quotations.

    .venv/bin/python bench/extraction.py [--data DIR] [--limit N] [--errors N] [--gold both|jsonl|ann]

Two golds, both printed by default (bench/gold_from_annotations.py says how they
differ): A, direct_quotes.jsonl as distributed; B, the same definition
applied again to the .ann attributions, which recovers the multi-sentence
quotes that A loses where the annotators cut a content span into sentences.

A predicted quote segment (one span) matches a gold direct quote when their
character overlap is at least 0.3 (and, separately, 0.8) of the longer of the
two; matching is one-to-one, best overlap first. Speaker accuracy is over
matched quotes: the predicted name shares the gold speaker's surname
(speaker_resolved, falling back to the mention), or both are descriptors with
the same head noun ("an aide" / "a senior aide"). Gold speakers that are
pronouns the gold's automatic coreference left bare or resolved to no name
("Dana Reyes 's", "That decision") are left out of speaker accuracy.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from service.extract import extract_quotes  # noqa: E402
from service.extract.lexicon import DESCRIPTOR_HEADS, DETERMINERS, ORG_HEADS  # noqa: E402
from service.model import DocumentMeta  # noqa: E402

from gold_from_annotations import read_ann_gold, read_jsonl_gold  # noqa: E402

DEFAULT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "polnear-train")
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "his", "their", "its", "who"}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    o = min(a[1], b[1]) - max(a[0], b[0])
    if o <= 0:
        return 0.0
    return o / max(a[1] - a[0], b[1] - b[0])


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], threshold: float) -> dict[int, int]:
    """One-to-one matching, best overlap first: {pred index: gold index}."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            o = overlap(p, g)
            if o >= threshold:
                pairs.append((o, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), {}
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out[i] = j
    return out


def _words(s: str) -> list[str]:
    return re.findall(r"[\w’'-]+", s)


def _head(words: list[str]) -> str | None:
    for w in reversed(words):
        low = w.lower().strip("’'")
        if low.endswith("s") and low[:-1] in DESCRIPTOR_HEADS:
            return low[:-1]
        if low in DESCRIPTOR_HEADS or low in ORG_HEADS:
            return low
    return None


_STOP = {"of", "who", "whom", "whose", "from", "at", "in", "and", "with", "for", "on", "--", "—", "which", "said"}


def _surname(phrase: str) -> str | None:
    """The surname in a speaker phrase: the last capitalised run before a
    qualifier ("Sen. Tom Udall of New Mexico" -> udall)."""
    phrase = re.sub(r"\([^)]*\)|-LRB-.*?-RRB-", " ", phrase)
    runs, cur = [], []
    for w in _words(phrase):
        if w.lower() in _STOP:
            break
        if w[:1].isupper() and w.lower() not in DETERMINERS:
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    if not runs:
        return None
    return re.sub(r"[’']s?$", "", runs[-1][-1]).lower() or None


def _not_a_name(resolved: str) -> bool:
    """A pronoun's automatic resolution that names nobody: a possessive
    ("Dana Reyes 's"), a clause ("Sam Ortiz that aired Monday night"),
    a phrase ("That decision"), or text with money, numbers or quote marks."""
    first = resolved.split(" , ")[0].strip()
    words = first.split()
    if not words or re.search(r"[$`0-9]|''|-LRB-(?!.*-RRB-)", first):
        return True
    last = words[-1]
    if last in ("'s", "’s") or last.endswith(("'s", "’s")):
        return True
    return last[:1].islower() and _head(words) is None and last.lower() not in ORG_HEADS


def gold_speaker(row: dict) -> tuple[str, str | None]:
    """(kind, key): kind person/descriptor/unknown; key a surname or head noun.

    A pronoun the gold resolved to something that is not a name (its
    coreference is automatic) counts as unresolved, like a bare pronoun."""
    mention = (row.get("speaker_mention") or "").strip()
    if mention.lower() in PRONOUNS and _not_a_name(row.get("speaker_resolved") or ""):
        return "unknown", None
    for field in ("speaker_resolved", "speaker_mention"):
        s = (row.get(field) or "").strip()
        if not s or s.lower() in PRONOUNS:
            continue
        first = s.split(",")[0].strip()
        words = _words(first)
        if not words:
            continue
        head_at = next((k for k, w in enumerate(words) if _head([w])), None)
        first_cap = next((k for k, w in enumerate(words[1:], 1) if w[:1].isupper()), None)
        if (words[0].lower() in DETERMINERS or words[0].lower() in ("his", "her", "their", "its")
                or all(w[:1].islower() for w in words)) and head_at is not None \
                and (first_cap is None or head_at < first_cap):
            # "one operative inside Trump Tower", "her senior policy adviser"
            return "descriptor", _head([words[head_at]])
        if all(w[:1].islower() for w in words):
            continue
        key = _surname(first)
        if key:
            return "person", key
    return "unknown", None


def speaker_ok(pred, gold_kind: str, key: str | None, gold_text: str = "") -> bool:
    if pred is None or key is None:
        return False
    if gold_kind == "descriptor":
        words = _words(pred.name) + _words(pred.mention or "")
        if _head(words) == key or key in {w.lower() for w in words}:
            return True
    tokens = {re.sub(r"[’']s$", "", w).lower() for w in _words(pred.name) + _words(pred.mention or "")}
    if key in tokens:
        return True
    # The gold phrase names the predicted person somewhere other than where
    # the surname heuristic looked ("Speaker of the House Rep. Paul Ryan").
    surname = _words(pred.name)[-1] if pred.kind == "person" and _words(pred.name) else None
    return bool(surname and surname[:1].isupper() and
                re.search(r"\b" + re.escape(surname) + r"\b", gold_text))


def _speaker_kind(sp) -> str:
    """How the text named the speaker: by name, pronoun, descriptor, organisation."""
    if sp is None:
        return "none"
    if (sp.mention or "").lower() in PRONOUNS:
        return "pronoun"
    return {"person": "name"}.get(sp.kind, sp.kind)


def score(names, preds, gold, thr):
    """Precision, recall, F1 and speaker accuracy at one overlap threshold,
    with the per-rule and per-phrase counts and the errors behind them."""
    n_gold = sum(len(gold[n]) for n in names)
    tp = n_pred = spk_right = spk_total = no_speaker = unresolvable = 0
    by_rule, by_kind = defaultdict(Counter), defaultdict(Counter)
    errors, misses = [], []
    for n in names:
        units = [(span, q) for q in preds[n] for span in q.spans]
        g = gold[n]
        m = match([u[0] for u in units], [(r["start"], r["end"]) for r in g], thr)
        n_pred += len(units)
        tp += len(m)
        for i, j in m.items():
            q = units[i][1]
            kind, key = gold_speaker(g[j])
            no_speaker += q.speaker is None
            if kind == "unknown":
                unresolvable += 1
                continue
            ok = speaker_ok(q.speaker, kind, key,
                            f"{g[j].get('speaker_resolved') or ''} | {g[j].get('speaker_mention') or ''}")
            spk_total += 1
            spk_right += ok
            for counter in (by_rule[q.rule], by_kind[_speaker_kind(q.speaker)]):
                counter["matched"] += 1
                counter["right"] += ok
            if not ok:
                errors.append((n, q, g[j]))
        matched_gold = set(m.values())
        misses += [(n, r) for j, r in enumerate(g) if j not in matched_gold]
        for i, (span, q) in enumerate(units):
            if i not in m:
                by_rule[q.rule]["unmatched"] += 1
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return dict(p=p, r=r, f1=2 * p * r / (p + r) if p + r else 0.0, tp=tp, pred=n_pred, gold=n_gold,
                acc=spk_right / spk_total if spk_total else 0.0, spk_total=spk_total,
                none=no_speaker / tp if tp else 0.0, unresolvable=unresolvable,
                by_rule=by_rule, by_kind=by_kind, errors=errors, misses=misses)


def report(label, names, preds, gold, show_tables):
    print(f"\n{label}: {sum(len(gold[n]) for n in names)} gold quotes")
    results = {thr: score(names, preds, gold, thr) for thr in (0.3, 0.8)}
    for thr, res in results.items():
        print(f"overlap>={thr}: precision {res['p']:.3f}  recall {res['r']:.3f}  F1 {res['f1']:.3f}  "
              f"(matched {res['tp']} of {res['pred']} predicted)")
        print(f"  speaker accuracy {res['acc']:.3f} over {res['spk_total']} matched "
              f"(+{res['unresolvable']} whose gold pronoun names nobody, not scored); "
              f"no speaker {res['none']:.3f}")
    res = results[0.3]
    if show_tables:
        print("by rule (overlap>=0.3): rule  matched  speaker-acc  unmatched-predictions")
        for rule, c in sorted(res["by_rule"].items(), key=lambda kv: -kv[1]["matched"]):
            acc = c["right"] / c["matched"] if c["matched"] else 0.0
            print(f"  {rule:<15} {c['matched']:>6}  {acc:.3f}  {c['unmatched']:>6}")
        print("by speaker phrase (overlap>=0.3): kind  matched  speaker-acc")
        for kind, c in sorted(res["by_kind"].items(), key=lambda kv: -kv[1]["matched"]):
            print(f"  {kind:<15} {c['matched']:>6}  {c['right'] / c['matched'] if c['matched'] else 0.0:.3f}")
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print this many speaker errors and misses")
    ap.add_argument("--gold", choices=("both", "jsonl", "ann"), default="both",
                    help="which gold to score against (see bench/gold_from_annotations.py)")
    args = ap.parse_args(argv)
    data = os.path.abspath(args.data)
    text_dir = os.path.join(data, "text")
    if not os.path.isdir(text_dir):
        print(f"no PolNeAR data at {data}", file=sys.stderr)
        return 2
    jsonl_gold = read_jsonl_gold(data)
    published = {}
    meta_path = os.path.join(data, "metadata.tsv")
    if os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                rec = dict(zip(header, line.rstrip("\n").split("\t")))
                published[rec.get("filename")] = rec.get("publication_date")
    names = sorted(n[:-4] for n in os.listdir(text_dir) if n.endswith(".txt"))
    if args.limit:
        names = names[: args.limit]

    texts = {n: open(os.path.join(text_dir, n + ".txt"), encoding="utf-8").read() for n in names}
    t0 = time.process_time()
    preds = {n: extract_quotes(texts[n], DocumentMeta(published=published.get(n))) for n in names}
    elapsed = time.process_time() - t0

    print(f"PolNeAR training split: {len(names)} articles, "
          f"{sum(len(q.spans) for n in names for q in preds[n])} predicted quote segments")
    print(f"speed: {len(names) / elapsed:.1f} articles/s ({elapsed:.2f}s CPU, one core)")
    shown = []
    if args.gold in ("both", "jsonl"):
        shown.append(report("gold A, direct_quotes.jsonl as distributed", names, preds, jsonl_gold, True))
    if args.gold in ("both", "ann"):
        shown.append(report("gold B, derived from the .ann attributions (bench/gold_from_annotations.py)",
                            names, preds, read_ann_gold(data, jsonl_gold), True))
    if args.errors:
        res = shown[-1]
        print("\nspeaker errors:")
        for n, q, r in res["errors"][: args.errors]:
            sp = q.speaker
            print(f"- {n} [{q.rule}] pred={sp.name if sp else None!r} ({sp.mention if sp else ''}) "
                  f"gold={r['speaker_resolved']!r}/{r['speaker_mention']!r} :: {q.text[:80]!r}")
        print("\nmissed gold quotes:")
        for n, r in res["misses"][: args.errors]:
            print(f"- {n} {r['quote'][:100]!r} ({r['speaker_mention']!r})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
