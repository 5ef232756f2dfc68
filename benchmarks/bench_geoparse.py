"""Geoparsing benchmark on an annotated news corpus (GeoWebNews, LGL, TR-News, GeoVirus).

    .venv/bin/python benchmarks/bench_geoparse.py CORPUS.xml            # the world gazetteer
    .venv/bin/python benchmarks/bench_geoparse.py CORPUS.xml --shipped  # the shipped data only

CORPUS.xml is one of three formats, told apart from the file itself (`read_corpus`):

- **GeoWebNews** (`GWN.xml`, Gritta et al. 2020): `<toponym>` elements carry `<type>`,
  `<start>`, `<end>` and, for most, `<latitude>`/`<longitude>`. Only the mention types listed
  below are gold; a toponym without coordinates counts for recognition, not for resolution.
- **gaztag** (LGL, Lieberman et al. 2010; TR-News, Kamalloo & Rafiei 2018; as distributed
  with Gritta et al.'s evaluation repository): `<toponyms><toponym>` with `<start>`, `<end>`,
  `<phrase>` and, when the annotator found the place in GeoNames, `<gaztag geonameid=..>` with
  `<lat>`/`<lon>`. Every toponym is a gold mention (the format has no types); one without a
  gaztag (a street, a building, a place not in GeoNames) counts for recognition but not for
  resolution, as a GWN toponym without coordinates does. A toponym whose `<phrase>` differs
  from `text[start:end]` is skipped and counted.

- **GeoVirus** (`GeoVirus.xml`, Gritta et al. 2018, "What's missing in geographical parsing?":
  WikiNews articles on disease outbreaks, as distributed with Gritta et al.'s evaluation
  repository): `<article>` with `<text>` and `<locations><location>` holding `<name>`,
  `<start>`, `<end>`, `<lat>`, `<lon>`. Its offsets count from 1 (in the distributed file every
  location's `<name>` is `text[start - 1 : end - 1]`). Every location is a gold mention; one
  whose `<name>` differs from its text is skipped and counted.

The file is in the gaztag format when any toponym has a `<gaztag>` or a `<phrase>` and none has
a `<type>`; GeoVirus when it has `<location>` elements. What it prints, in one run over the same
gazetteer:

1. **Recognition** (`extract` over each article's text): precision, recall and F1 on spans,
   exact (same start and end) and overlapping (a found span counts as right when it overlaps a
   gold span, a gold span as found when a found span overlaps it). In the gaztag format every
   toponym is a gold mention. In GeoWebNews, gold mentions are the toponym types the corpus
   authors train their tagger on (their `ner.py`): Literal, Mixed, Coercion, Metonymic,
   Embedded_Literal, Embedded_Non_Lit, Literal_Modifier, Non_Literal_Modifier and Homonym.
   Demonyms, language names, non-toponyms and the longer "expression" spans are not
   mentions. Annotations with negative offsets (they point into the title, which `<text>`
   omits) are skipped. A second recall leaves out the adjectival modifiers ("Russian" in
   "Russian team"): demonym forms, which `extract` does not report (GeoWebNews marks them;
   the gaztag format does not, so there it equals the first).
2. **Resolution given the gold spans**: each gold toponym with coordinates is resolved as a
   name (`resolve(surface)`); the error is the great-circle distance in km between the
   answer's coordinates and the gold point. An unresolved name, or an answer without
   coordinates, has the largest error (20,039 km, half the Earth's circumference).
   - accuracy@161: the share of errors under 161 km (100 miles);
   - AUC (Gritta et al. 2018, "What's missing in geographical parsing?", LRE 52): the area
     under the curve of the sorted log errors, normalised to [0, 1]:
     ``AUC = trapz(ln(1 + e_i) for e sorted) / ((n - 1) * ln(1 + 20039))``. Lower is better:
     0 is every toponym exactly placed, 1 every one at the antipode or unresolved.
   A second line resolves each name with the other gold names of its article as `context`
   (`resolve(surface, context=[...])`): the spans are given, the document is known.
3. **End to end**: the share of gold toponyms with coordinates that `extract` finds (a found
   span overlapping the gold span) and places within 161 km; AUC likewise, a missed toponym
   counting as the largest error.
4. **Population baseline** over the same gazetteer: the most populous place that has the
   surface as one of its names (compared after case folding), as published for the corpus
   (Gritta et al. 2018/2020); places without coordinates are skipped. Given gold spans, and
   end to end on `extract`'s spans.
5. **Time and memory**: gazetteer load, extract's first call (it loads or builds the names
   automaton), extract throughput after it (MB/s of article text, wall and CPU time), resolve
   per gold span, peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import math
import resource
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:
    import toponyms
except ModuleNotFoundError:  # not installed: use the source tree this file belongs to
    sys.path.insert(0, str(HERE.parent))
    import toponyms

from toponyms.mentions import key_of  # noqa: E402

#: The corpus' toponym types that are mentions (see the module docstring).
TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Coercion", "Metonymic", "Embedded_Literal", "Embedded_Non_Lit",
    "Literal_Modifier", "Non_Literal_Modifier", "Homonym"})
#: Half the Earth's circumference, km: the error of a toponym not placed at all.
MAX_ERROR_KM = 20039.0
#: Accuracy threshold, km (100 miles).
ACC_KM = 161.0


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    adjective: bool  # an adjectival modifier ("Russian" in "Russian team"): a demonym form


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    gold: tuple[Gold, ...]


def read_corpus(path: Path) -> tuple[list[Article], int]:
    """The articles and their gold toponyms; the number of annotations skipped (bad offsets).

    The format (GeoWebNews, gaztag or GeoVirus, module docstring) is told from the file."""
    root = ET.parse(path).getroot()
    if root.find("article/locations") is not None:
        return _read_geovirus(root)
    annotations = list(root.iter("toponym"))
    gaztag = not any(t.find("type") is not None for t in annotations) and any(
        t.find("gaztag") is not None or t.find("phrase") is not None for t in annotations)
    articles, skipped = [], 0
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            if not gaztag and t.findtext("type") not in TOPONYM_TYPES:
                continue
            start, end = int(t.findtext("start") or -1), int(t.findtext("end") or -1)
            phrase = t.findtext("phrase")
            if start < 0 or end > len(text) or end <= start or (
                    gaztag and phrase is not None and text[start:end] != phrase):
                skipped += 1
                continue
            if gaztag:
                lat, lon = (t.findtext("gaztag/lat") or "").strip(), (
                    t.findtext("gaztag/lon") or "").strip()
            else:
                lat, lon = (t.findtext("latitude") or "").strip(), (
                    t.findtext("longitude") or "").strip()
            gold.append(Gold(start, end, text[start:end], float(lat) if lat else None,
                             float(lon) if lon else None,
                             t.findtext("modifierType") == "Adjective"))
        articles.append(Article(text, tuple(gold)))
    return articles, skipped


def _read_geovirus(root: ET.Element) -> tuple[list[Article], int]:
    """GeoVirus's articles (module docstring): every location is a gold mention."""
    articles, skipped = [], 0
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            # offsets from 1 (module docstring)
            start, end = int(loc.findtext("start") or 0) - 1, int(loc.findtext("end") or 0) - 1
            if start < 0 or end > len(text) or end <= start or (
                    text[start:end] != (loc.findtext("name") or "")):
                skipped += 1
                continue
            lat, lon = (loc.findtext("lat") or "").strip(), (loc.findtext("lon") or "").strip()
            gold.append(Gold(start, end, text[start:end], float(lat) if lat else None,
                             float(lon) if lon else None, False))
        gold.sort(key=lambda g: g.start)
        articles.append(Article(text, tuple(gold)))
    return articles, skipped


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def error(place: toponyms.Place | None, gold: Gold) -> float:
    if place is None or place.lat is None or place.lon is None or gold.lat is None:
        return MAX_ERROR_KM
    return km(place.lat, place.lon, gold.lat, gold.lon or 0.0)


def acc_auc(errors: list[float]) -> tuple[float, float]:
    """accuracy@161 and AUC of the log error curve (module docstring)."""
    if not errors:
        return 0.0, 1.0
    acc = sum(e < ACC_KM for e in errors) / len(errors)
    if len(errors) < 2:
        return acc, math.log1p(errors[0]) / math.log1p(MAX_ERROR_KM)
    logs = [math.log1p(e) for e in sorted(errors)]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return acc, area / ((len(logs) - 1) * math.log1p(MAX_ERROR_KM))


def prf(tp_p: int, found: int, tp_r: int, gold: int) -> tuple[float, float, float]:
    p = tp_p / found if found else 0.0
    r = tp_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def population_baseline(places: Iterable[toponyms.Place]) -> dict[str, toponyms.Place]:
    """Folded name -> the most populous place with coordinates that has it (ties: lower id)."""
    best: dict[str, toponyms.Place] = {}
    for place in places:
        if place.lat is None or place.lon is None:
            continue
        pop = place.population or 0
        for name in place.names:
            key = key_of(name.text)
            old = best.get(key)
            if old is None or (pop, old.id) > (old.population or 0, place.id):
                best[key] = place
    return best


def overlapping(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The index of the first span overlapping [start, end), or None."""
    for i, (s, e) in enumerate(spans):
        if s < end and start < e:
            return i
    return None


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--shipped", action="store_true",
                    help="the shipped data instead of the world gazetteer")
    ap.add_argument("--misses", type=int, default=0,
                    help="print this many false and missed mentions (development aid)")
    args = ap.parse_args(argv)

    articles, skipped = read_corpus(args.corpus)
    golds = [g for a in articles for g in a.gold]
    placed = [g for g in golds if g.lat is not None and g.lon is not None]
    print(f"corpus: {len(articles)} articles, {len(golds)} gold toponyms "
          f"({len(placed)} with coordinates), {skipped} skipped (offsets outside <text>, or "
          "not slicing it to <phrase>)")

    t0 = time.perf_counter()
    gaz = toponyms.Gazetteer.default() if args.shipped else toponyms.Gazetteer.from_geonames()
    load_s = time.perf_counter() - t0
    print(f"gazetteer: {'shipped' if args.shipped else 'world'}, {len(gaz):,} places, "
          f"loaded (built, when not cached) in {load_s:.1f} s, RSS peak {rss_mb():.0f} MB")

    # recognition ---------------------------------------------------------------------------
    t0, c0 = time.perf_counter(), time.process_time()
    gaz.extract("Paris")
    first_s, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    found = [gaz.extract(a.text) for a in articles]
    extract_s, extract_cpu = time.perf_counter() - t0, time.process_time() - c0
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    exact_tp = n_found = tp_p = tp_r = tp_noun = 0
    false_hits: list[str] = []
    missed: list[str] = []
    for art, mentions in zip(articles, found, strict=True):
        gold_spans = [(g.start, g.end) for g in art.gold]
        spans = [(m.start, m.end) for m in mentions]
        n_found += len(spans)
        exact_tp += len(set(spans) & set(gold_spans))
        for s, e in spans:
            if overlapping(gold_spans, s, e) is not None:
                tp_p += 1
            else:
                false_hits.append(art.text[s:e])
        for g in art.gold:
            if overlapping(spans, g.start, g.end) is not None:
                tp_r += 1
                tp_noun += not g.adjective
            else:
                missed.append(g.text)
    print(f"\nrecognition ({n_found} found, {len(golds)} gold)")
    for label, (p, r, f) in (("exact spans", prf(exact_tp, n_found, exact_tp, len(golds))),
                             ("overlapping", prf(tp_p, n_found, tp_r, len(golds)))):
        print(f"  {label:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    nouns = sum(1 for g in golds if not g.adjective)
    p, r, f = prf(tp_p, n_found, tp_noun, nouns)
    print(f"  overlapping, gold without its {len(golds) - nouns} adjectival modifiers (demonym "
          f"forms, not mentions by design): R {r:.3f}  F1 {f:.3f}")

    # resolution given the gold spans -------------------------------------------------------
    t0 = time.perf_counter()
    answers = [gaz.resolve(g.text) for g in placed]
    resolve_s = time.perf_counter() - t0
    rss_toponyms = rss_mb()  # load, extract and resolve: toponyms' own peak
    t0 = time.perf_counter()
    baseline = population_baseline(gaz)
    base_s = time.perf_counter() - t0
    ours = [error(m.place if m else None, g) for m, g in zip(answers, placed, strict=True)]
    with_demonyms = [error(m.place if m else None, g) for m, g in zip(
        (gaz.resolve(g.text, demonyms=True) for g in placed), placed, strict=True)]
    in_context = [error(m.place if m else None, g) for m, g in zip(
        (gaz.resolve(g.text, context=[o.text for o in art.gold if o.text != g.text])
         for art in articles for g in art.gold if g.lat is not None and g.lon is not None),
        placed, strict=True)]
    both = [error(m.place if m else None, g) for m, g in zip(
        (gaz.resolve(g.text, demonyms=True,
                     context=[o.text for o in art.gold if o.text != g.text])
         for art in articles for g in art.gold if g.lat is not None and g.lon is not None),
        placed, strict=True)]
    base = [error(baseline.get(key_of(g.text)), g) for g in placed]
    no_coords = sum(1 for m in answers if m is not None and m.place.lat is None)
    unresolved = sum(1 for m in answers if m is None)
    print(f"\nresolution given the gold spans ({len(placed)} toponyms with coordinates)")
    for label, errs in (("toponyms", ours), ("  demonyms=True", with_demonyms),
                        ("  context=", in_context), ("  context=, demonyms", both),
                        ("population baseline", base)):
        acc, auc = acc_auc(errs)
        print(f"  {label:<20} acc@161 {acc:.3f}  AUC {auc:.3f}")
    print("  context=: each name resolved with its article's other gold names as `context`")
    print(f"  toponyms: {unresolved} unresolved, {no_coords} answers without coordinates; "
          "demonyms=True maps the adjectival modifiers (\"Russian\") to their countries")

    # end to end ----------------------------------------------------------------------------
    e2e: list[float] = []
    e2e_base: list[float] = []
    for art, mentions in zip(articles, found, strict=True):
        spans = [(m.start, m.end) for m in mentions]
        for g in art.gold:
            if g.lat is None or g.lon is None:
                continue
            i = overlapping(spans, g.start, g.end)
            if i is None:
                e2e.append(MAX_ERROR_KM)
                e2e_base.append(MAX_ERROR_KM)
                continue
            e2e.append(error(mentions[i].match.place, g))
            e2e_base.append(error(baseline.get(key_of(mentions[i].text)), g))
    e2e_dem: list[float] = []
    for art in articles:
        mentions = gaz.extract(art.text, demonyms=True)
        spans = [(m.start, m.end) for m in mentions]
        for g in art.gold:
            if g.lat is not None and g.lon is not None:
                i = overlapping(spans, g.start, g.end)
                e2e_dem.append(MAX_ERROR_KM if i is None else error(mentions[i].match.place, g))
    print("\nend to end (extract's spans; a missed toponym is the largest error)")
    for label, errs in (("toponyms", e2e), ("  demonyms=True", e2e_dem),
                        ("population baseline", e2e_base)):
        acc, auc = acc_auc(errs)
        print(f"  {label:<20} acc@161 {acc:.3f}  AUC {auc:.3f}")

    print("\ntime and memory")
    print(f"  gazetteer load {load_s:.1f} s; extract first call {first_s:.1f} s "
          f"({first_cpu:.1f} s CPU); then {size / 1e6 / extract_s:.2f} MB/s "
          f"({size / 1e6:.2f} MB in {extract_s:.1f} s; {size / 1e6 / extract_cpu:.2f} MB/s of "
          "CPU time: the machine may be shared)")
    print(f"  resolve {len(placed) / resolve_s:,.0f} names/s; baseline table built in "
          f"{base_s:.1f} s; peak RSS {rss_toponyms:.0f} MB, {rss_mb():.0f} MB with the "
          "baseline's table (which builds every place)")
    if args.misses:
        from collections import Counter
        print("\nfalse mentions:", Counter(false_hits).most_common(args.misses))
        print("\nmissed:", Counter(missed).most_common(args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
