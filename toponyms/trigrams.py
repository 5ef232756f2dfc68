"""The fuzzy stage's candidate filter: which transliteration keys may be near enough a query.

A trigram index (NameIndex.grams: key length -> trigram -> the numbers of the keys of that
length that have it, ascending) hands the fuzzy stage its candidates without a scan of the
million keys. rapidfuzz's ratio is 100 * (1 - d / (la + lb)) for the insertion/deletion
distance d, so a key of length n within a cutoff is at most `reach` edits away; deleting one of
the query's characters breaks at most three of its trigrams, inserting one at most two; so a
key near enough misses at most `needed` - 1 of the query's trigrams that keys of its length
have, and is in j of the needed - 1 + j rarest postings (`head`, `shortlist`; with numpy, all
lengths at once, `shortlists_numpy`). Every filter here keeps every key that reaches the
cutoff; rapidfuzz then scores the few left (`scored`). Where the cutoff is too low to prune,
the keys sharing the most trigrams stand in (`most_shared`, not exact by design).

numpy (the world extra installs it) is optional: the same keys are found without it, slower.
"""

from __future__ import annotations

import functools
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

#: Most candidates the trigram-count fallback hands to rapidfuzz per query key.
FUZZY_CANDIDATES = 400


def reach(length: int, n: int, cutoff: float) -> int:
    """The largest insertion/deletion distance d between a key of `length` letters and one of
    `n` whose rapidfuzz ratio, 100 * (1 - d / (length + n)), may reach `cutoff`; -1 if none.

    d has the parity of length + n and is at least their difference. A hair of slack keeps a
    float's last bit from dropping a key that rapidfuzz would keep (a larger d only scores
    more candidates: the answer stays exact)."""
    total = length + n
    d = int(total * (1 - cutoff / 100) + 1e-6)
    if (d - total) % 2:
        d -= 1
    return d if d >= abs(length - n) else -1


def shortlist(postings: Sequence[array[int]], needed: int) -> Iterable[int]:
    """The keys that may be near enough, given the postings of the query's trigrams among keys
    of one length (rarest first), of which a key near enough misses at most needed - 1.

    So it is in at least one of the `needed` rarest, and, when there is a further posting, in
    at least two of the needed + 1 rarest: that second condition (set operations, no Python
    loop) leaves a few hundred keys to score where the first leaves thousands."""
    if needed >= len(postings):
        return set().union(*postings[:needed])
    seen, twice = set(postings[0]), set()
    for ids in postings[1:needed]:
        twice.update(seen.intersection(ids))
        seen.update(ids)
    twice.update(seen.intersection(postings[needed]))  # the longest: no need to add it to seen
    return twice


def most_shared(postings: Sequence[array[int]], limit: int) -> list[int]:
    """The `limit` key numbers found in the most of `postings`, among equal counts the first
    indexed (a total order: Counter.most_common would keep the order of first sight, which
    follows the hash seed), in ascending order.

    The same keys as sorting every (number, count) pair by (-count, number), without a Python
    call per pair: a world query's fallback counts ~250,000 postings over ~170,000 keys, and
    that sort took ~50-70 ms. The counts' tally gives the lowest count that makes the cut; the
    keys above it are all in, and the lowest numbers among those at it fill the rest. With
    numpy (the world extra installs it) the counting is one bincount, ~10x faster again.
    """
    np = numpy_or_none()
    if np is not None and postings:
        return most_shared_numpy(np, postings, limit)
    return most_shared_python(postings, limit)


def most_shared_python(postings: Sequence[array[int]], limit: int) -> list[int]:
    """`most_shared` without numpy."""
    counts = Counter(chain.from_iterable(postings))
    if len(counts) <= limit:
        return sorted(counts)
    tally = Counter(counts.values())
    taken, least = 0, 0
    for count in sorted(tally, reverse=True):
        if taken + tally[count] >= limit:
            least = count
            break
        taken += tally[count]
    top = [number for number, count in counts.items() if count >= least]
    above = [number for number in top if counts[number] > least]
    at = sorted(number for number in top if counts[number] == least)
    return sorted(above + at[: limit - taken])


def most_shared_numpy(np: Any, postings: Sequence[array[int]], limit: int) -> list[int]:
    """`most_shared` with numpy: the same keys."""
    counts = np.bincount(np.concatenate(
        [np.frombuffer(p, dtype=_ID_DTYPE) for p in postings]))
    if not counts.size:
        return []
    # one pass over the table of counts (as long as the highest key number): the keys in
    # some posting and their counts; the rest works on those
    keys = np.flatnonzero(counts.astype(np.bool_))  # ~4x faster than over the int counts
    if keys.size <= limit:
        return keys.tolist()  # type: ignore[no-any-return]
    found = counts[keys]
    tally = np.bincount(found)
    # the lowest count that makes the cut: the running total of keys from the highest count
    taken_at = np.cumsum(tally[::-1])[::-1]  # keys with at least each count
    least = int(np.flatnonzero(taken_at >= limit)[-1])
    above = keys[found > least]
    at = keys[found == least][: limit - above.size]
    return sorted(above.tolist() + at.tolist())


@functools.cache
def numpy_or_none() -> Any:
    """numpy, if installed (imported on first need: it costs ~0.1 s), else None."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def head(postings: Sequence[array[int]], needed: int) -> tuple[Sequence[array[int]], int]:
    """(head, j): the rarest postings of which a key near enough is in at least j.

    It misses at most needed - 1 of all the postings, so it is in j of any needed - 1 + j of
    them. j grows from 1 (the `needed` rarest) while the next posting is no longer than the
    head so far, up to HEAD_LEVELS: each step costs one posting and prunes most candidates.
    """
    j, total = 1, sum(map(len, postings[:needed]))
    while j < HEAD_LEVELS and needed - 1 + j < len(postings) and (
            j == 1 or len(postings[needed - 1 + j]) <= total):
        total += len(postings[needed - 1 + j])
        j += 1
    return postings[: needed - 1 + j], j


#: The most postings of a head a key must be in (see `head`).
HEAD_LEVELS = 4
_ID_DTYPE = f"u{array('I').itemsize}"  # numpy's name of the postings' item type


def shortlists_numpy(np: Any, heads: Sequence[tuple[Sequence[array[int]], int]]) -> set[int]:
    """The keys in at least j of the postings of their bucket's head, for every (head, j) of
    `heads` (key numbers of different buckets never meet): one sort per j, in numpy."""
    out: set[int] = set()
    for j in sorted({j for _, j in heads}):
        merged = np.frombuffer(b"".join(p for h, k in heads if k == j for p in h),
                               dtype=_ID_DTYPE)
        if merged.size < j:
            continue
        merged = np.sort(merged)
        # a key in c >= j of the postings appears c times side by side: c - j + 1 of its
        # copies equal the one j - 1 places further on
        out.update((merged[j - 1 :][merged[j - 1 :] == merged[: merged.size - j + 1]]
                    if j > 1 else merged).tolist())
    return out


#: The shortlist uses numpy (when installed) from this many postings in a query key's heads:
#: below it the sets of `shortlist` cost less than numpy's calls.
NUMPY_MIN_POSTINGS = 1000


#: How far below the cutoff `scored` asks rapidfuzz for: process.extract (3.14) drops about a
#: third of the choices whose ratio equals its score_cutoff exactly, and 1e-6 below it still
#: drops some; the cutoffs here are ratios of whole edit counts, so keys land on them.
CUTOFF_SLACK = 1e-3


def scored(key: str, choices: Sequence[str], cutoff: float) -> list[tuple[str, float]]:
    """The choices whose rapidfuzz ratio with `key` reaches `cutoff`, with that ratio."""
    from rapidfuzz import fuzz, process  # here: a start whose look-ups are exact pays nothing

    found = process.extract(key, choices, scorer=fuzz.ratio,
                            score_cutoff=max(0.0, cutoff - CUTOFF_SLACK), limit=None)
    return [(choice, float(score)) for choice, score, _ in found
            if score >= cutoff - 1e-9]  # a ratio equal to the cutoff, to a float's last bits


def trigrams(key: str) -> list[str]:
    padded = f"  {key} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]
