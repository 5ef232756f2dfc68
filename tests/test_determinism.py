"""The same answers, in the same order, with the same scores, whatever PYTHONHASHSEED is.

Set iteration order changes with the hash seed; no tie may be broken by it. Each run is a
fresh interpreter (the seed is fixed at start-up) answering a few hundred varied queries:
names as written, typos, names several places share, search with limits and a low
min_score (the fuzzy stage's widest candidate path), and extract over shared names.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import toponyms

_CHILD = r"""
import json, sys
import toponyms
gaz = toponyms.Gazetteer.default()
out = []
for verb, text, options in json.load(sys.stdin):
    if verb == "resolve":
        m = gaz.resolve(text, **options)
        found = [] if m is None else [m]
    elif verb == "search":
        found = gaz.search(text, **options)
    else:
        found = [x.match for x in gaz.extract(text, **options)]
    out.append([[m.place.id, m.name.text, m.name.lang, m.score, m.method, m.ambiguous]
                for m in found])
json.dump(out, sys.stdout)
"""


def _queries() -> list[tuple[str, str, dict[str, object]]]:
    gaz = toponyms.Gazetteer.default()
    owners: dict[str, set[str]] = {}
    for place in gaz:
        for name in place.names:
            owners.setdefault(name.text, set()).add(place.id)
    names = sorted(owners)
    shared = sorted(t for t, ids in owners.items() if len(ids) > 1)
    rng = random.Random(15)
    out: list[tuple[str, str, dict[str, object]]] = []
    for text in rng.sample(names, 80):
        out.append(("resolve", text, {}))
        i = rng.randrange(len(text))
        typo = text[:i] + rng.choice("aeiouknrstz") + text[i + 1 :]
        out.append(("resolve", typo, {"min_score": 70.0}))
        out.append(("search", typo, {"limit": 5}))
        out.append(("search", text[: max(3, len(text) - 2)], {"limit": 3, "min_score": 30.0}))
    for text in shared:
        out.append(("resolve", text, {}))
        out.append(("search", text, {"limit": 10, "min_score": 40.0}))
    for _ in range(20):
        out.append(("extract", ", ".join(rng.sample(shared, 8)), {"min_score": 60.0}))
    return out


def test_answers_order_and_scores_do_not_depend_on_the_hash_seed() -> None:
    queries = _queries()
    assert len(queries) >= 300
    runs = []
    for seed in ("0", "4242"):  # and, third, whatever seed this process has
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(queries),
                              capture_output=True, text=True, env=env, timeout=600, check=True)
        runs.append(json.loads(done.stdout))
    here: dict[str, object] = {}
    exec(_CHILD.replace("json.load(sys.stdin)", "QUERIES").replace(
        "json.dump(out, sys.stdout)", "RESULT = json.loads(json.dumps(out))"),
        {"QUERIES": queries, "__name__": "here"}, here)
    runs.append(here["RESULT"])  # type: ignore[arg-type]
    assert sum(1 for answer in runs[0] if answer) > len(queries) // 2  # not a run of misses
    for seed_run in runs[1:]:
        differ = [(q, a, b) for q, a, b in zip(queries, runs[0], seed_run, strict=True)
                  if a != b]
        assert differ == []
