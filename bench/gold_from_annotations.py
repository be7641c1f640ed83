"""PolNeAR gold direct quotations, read two ways.

``direct_quotes.jsonl`` (as distributed) holds the quote-marked text found
inside each attribution's ``Content`` span, searched piece by piece. Two
habits of the annotation make that miss real direct quotes:

- annotators cut a multi-sentence content span into one piece per sentence
  (``T7 Content 100 160;161 220``), so a quote that runs over two sentences
  has its opening mark in one piece and its closing mark in the next and is
  found in neither;
- the second content span of an attribution (role ``Content2``: the rest of a
  quote after "she said.") is not searched at all.

``read_ann_gold`` derives the gold again from the ``.ann`` files, as the issue
allows: every content role, pieces separated only by white space joined back
into one span, and a quote that a paragraph opens and never closes running to
the paragraph's end (the news convention for a quote continued in the next
paragraph). Everything else is the distributed gold's own rule: a pair of
double or single quote marks, at least two words inside. Speakers come from
the attribution's ``Source`` span, resolved through the distributed gold's
coreference where that names the same source mention.
"""
from __future__ import annotations

import json
import os
import re
from collections import defaultdict

_PAIRED = re.compile(r"[“\"]([^“”\"]+)[”\"]|(?<!\w)‘((?:[^‘’]|’(?=\w))+)’(?!\w)")
_OPENERS = "“\""
_DOUBLE_MARK = re.compile(r"[“”\"]")


def read_jsonl_gold(data: str) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    with open(os.path.join(data, "direct_quotes.jsonl"), encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold[row["article"]].append(row)
    return gold


def _parse_ann(path: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[list[tuple[str, str]]]]:
    """BRAT standoff: T lines are typed spans (pieces split by ';'), E lines
    link them into one attribution by role (Source, Cue, Content, Content2)."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T") and len(parts) > 1:
                kind, offsets = parts[1].split(" ", 1)
                spans[parts[0]] = (kind, [tuple(map(int, p.split())) for p in offsets.split(";")])
            elif parts[0].startswith("E") and len(parts) > 1:
                events.append([tuple(role.split(":", 1)) for role in parts[1].split()])
    return spans, events


def _joined(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces whose gap is only white space (one sentence per piece)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(pieces):
        if out and not text[out[-1][1]:a].strip():
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def quotes_in(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Quote-marked runs of two words or more inside text[a:b], paragraph by paragraph."""
    found = []
    pos = a
    for para in text[a:b].split("\n"):
        lo, hi = pos, pos + len(para)
        pos = hi + 1
        taken = []
        for m in _PAIRED.finditer(text, lo, hi):
            g = 1 if m.group(1) is not None else 2
            taken.append((m.start(), m.end()))
            if len(m.group(g).split()) >= 2:
                found.append((m.start(g), m.end(g)))
        # An opening mark left unpaired: a quote the paragraph never closes
        # runs on to the paragraph's end; one "closed" by a second opening
        # mark (a typing slip, “like this“) ends there.
        for i in range(lo, hi):
            if text[i] in _OPENERS and not any(s <= i < e for s, e in taken):
                nxt = _DOUBLE_MARK.search(text, i + 1, hi)
                if nxt is None:
                    end = hi
                elif nxt.group() == "“":
                    end = nxt.start()
                else:
                    end = None  # closed by a mark the pairing above did not take: leave it
                if end is not None:
                    while end > i + 1 and text[end - 1].isspace():
                        end -= 1
                    if len(text[i + 1:end].split()) >= 2:
                        found.append((i + 1, end))
                break
    return found


def read_ann_gold(data: str, jsonl: dict[str, list[dict]]) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    ann_dir = os.path.join(data, "attributions")
    for filename in sorted(os.listdir(ann_dir)):
        if not filename.endswith(".ann"):
            continue
        article = filename[:-4].rsplit("_", 1)[0]
        with open(os.path.join(data, "text", article + ".txt"), encoding="utf-8") as f:
            text = f.read()
        spans, events = _parse_ann(os.path.join(ann_dir, filename))
        resolved = {tuple(map(tuple, r["speaker_offsets"] or ())): r["speaker_resolved"] for r in jsonl.get(article, [])}
        seen = set()
        for roles in events:
            source = next((spans[t][1] for role, t in roles if role == "Source" and t in spans), None)
            mention = " ".join(text[a:b] for a, b in source) if source else ""
            for role, t in roles:
                if not re.fullmatch(r"Content\d*", role) or t not in spans:
                    continue
                for a, b in _joined(text, spans[t][1]):
                    for start, end in quotes_in(text, a, b):
                        if (start, end) in seen:
                            continue
                        seen.add((start, end))
                        gold[article].append({
                            "start": start, "end": end, "quote": text[start:end],
                            "speaker_mention": mention,
                            "speaker_resolved": resolved.get(tuple(source or ()), mention),
                        })
    return gold
