"""toponyms.recognition: which spans that spell a name are mentions. The rules on their own
(fast, any data), then `extract` over the world gazetteer (one build per module, slow)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_extract import SEED, SEED_GOLD, WRITTEN, WRITTEN_GOLD, needs_seed

from toponyms import Gazetteer
from toponyms.keys import fold
from toponyms.model import Name
from toponyms.recognition import (
    capital_says_nothing,
    capitals_fit,
    ending_fits,
    population_floor,
    rules,
    sentence_start,
    short_form,
)
from toponyms.strategies import place_names
from toponyms.translit import languages

words = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=12)


def name(text: str, lang: str = "und", status: str = "variant") -> Name:
    return Name(text, lang=lang, status=status, source="test")


@given(words, words, st.sampled_from([". ", "! ", "? ", ".\n", "\n", '. "', ".\n\n(", "… "]))
def test_a_word_after_a_sentence_end_starts_a_sentence(before: str, word: str,
                                                        gap: str) -> None:
    text = before + gap + word
    assert sentence_start(text, len(text) - len(word))
    assert sentence_start(word, 0)


@given(words, words, st.sampled_from([" ", ", ", " the ", " (", "-"]))
def test_a_word_inside_a_sentence_does_not_start_one(before: str, word: str, gap: str) -> None:
    text = before + gap + word
    assert not sentence_start(text, len(text) - len(word))


def test_a_frequent_word_at_a_sentence_start_needs_a_bigger_place() -> None:
    common = {"march": 5.0}
    inside = population_floor(common, "march", at_start=False)
    start = population_floor(common, "march", at_start=True)
    assert inside == pytest.approx(1e5)
    assert start == pytest.approx(1e5 * 10 ** rules().sentence_start_zipf)
    assert population_floor(common, "lyon", at_start=True) is None
    text = "Cold. March was cold. MARCH"
    assert capital_says_nothing(text, 6, "March")
    assert not capital_says_nothing(text, 22, "MARCH")  # all capitals stand out


def test_short_forms_and_figures_need_an_attested_name() -> None:
    assert short_form("us") and short_form("10") and short_form("2 0")
    assert not short_form("baku") and not short_form("10th")


def test_short_capitals_are_acronyms_unless_a_proper_name_or_attested() -> None:
    assert not capitals_fit(name("TTC"), "TTC")  # an untagged code of GeoNames
    assert not capitals_fit(name("JAE"), "Jae")  # a code, however the text writes it
    assert not capitals_fit(name("amlo"), "AMLO")
    assert capitals_fit(name("U.S.", lang="en", status="abbreviation"), "U.S")
    assert capitals_fit(name("TTC", lang="en", status="abbreviation"), "TTC")
    assert capitals_fit(name("Baku", lang="en"), "BAKU")  # a headline in capitals
    assert capitals_fit(name("Baku"), "Baku")  # not written in capitals: no rule
    assert capitals_fit(name("LONDONDERRY"), "LONDONDERRY")  # longer than an acronym


def test_an_ending_belongs_to_the_names_language() -> None:
    az = frozenset({"az", "tr"})
    assert ending_fits("da", name("Bakı", lang="az"), apostrophe=False, langs=az)
    assert not ending_fits("da", name("Baku", lang="en"), apostrophe=False, langs=az)
    assert ending_fits("in", name("Cebrail", lang="en"), apostrophe=True, langs=az)
    # an untagged name takes endings of at least untagged_ending_letters letters
    short = "e" * (rules().untagged_ending_letters - 1)
    assert not ending_fits(short, name("Stat"), apostrophe=False, langs=az)
    assert ending_fits("dan", name("Stat"), apostrophe=False, langs=az)


# extract over the world: GeoNames' cities500 and the common-word prior --------------------

TEXT = ("The police said on Monday that I had seen 10 people. March was cold in Lyon, "
        "State officials said. BAKU AND LYON. We met at the TTC office in Paris.")


@pytest.mark.slow
def test_world_extract_keeps_places_and_drops_words_figures_and_codes(world: Gazetteer) -> None:
    got = [(m.text, m.match.place.country) for m in world.extract(TEXT)]
    assert got == [("Lyon", "FR"), ("BAKU", "AZ"), ("LYON", "FR"), ("Paris", "FR")]
    assert all(TEXT[m.start : m.end] == m.text for m in world.extract(TEXT))


@pytest.mark.slow
def test_world_extract_a_filter_lifts_the_common_word_rule(world: Gazetteer) -> None:
    # "March" is a town of Cambridgeshire: asked for places in Britain, it is one
    found = world.extract("They drove to March.", country="GB")
    assert [(m.text, m.match.place.country) for m in found] == [("March", "GB")]
    assert world.extract("They drove to March.") == []


@pytest.mark.slow
def test_world_extract_and_resolve_agree_on_frequent_words(world: Gazetteer) -> None:
    for word in ("Police", "March", "Paris", "David"):
        mentions = world.extract(f"He said {word} was near.")
        got = mentions[0].match.place.id if mentions else None
        resolved = world.resolve(word)
        assert got == (resolved.place.id if resolved else None), word


@pytest.mark.slow
@needs_seed
def test_world_extract_finds_the_seed_articles_mentions_and_nothing_else(
        world: Gazetteer) -> None:
    # before these rules the world found 66 mentions here: "The", "We", "All", figures
    found = [(m.text, m.match.place.id) for m in world.extract(SEED.read_text(encoding="utf-8"))]
    assert found == SEED_GOLD
    assert [(m.text, m.match.place.id) for m in world.extract(WRITTEN)] == WRITTEN_GOLD


def test_recognition_rules_are_read_from_the_language_folder() -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "languages" / "recognition.yaml"
    assert path.is_file()
    assert rules().min_letters == 3 and rules().acronym_letters >= 3



@given(st.lists(st.tuples(place_names(lang="en"), st.sampled_from(
    ["", "e", "s", "a", "ian", "ese", "'s", "’s", "da", "dan", "ing"]),
    st.sampled_from([" ", ", ", ". ", " the ", "-"])), min_size=1, max_size=6))
def test_a_mention_never_starts_or_ends_inside_a_word(
        parts: list[tuple[str, str, str]]) -> None:
    text = "".join(f"{name}{tail}{gap}" for name, tail, gap in parts)
    suffixes = languages().suffixes
    for m in Gazetteer.default().extract(text):
        assert m.start == 0 or not text[m.start - 1].isalnum(), (text, m.text)
        after = ""
        for ch in text[m.end :]:
            if not (ch.isalnum() or ch in "'’ʼ"):
                break
            after += ch
        if after:  # the word goes on after the name: only by a case ending of the data
            assert fold(after.lstrip("'’ʼ")) in suffixes, (text, m.text, after)


STATE = (
    "- id: zz-frankfort\n  kind: town\n  country: US\n  parent: zz-ky\n  names:\n"
    "    - {text: Frankfort, lang: en, status: official, source: \"dataset:test overlay\"}\n"
    "- id: zz-ky\n  kind: region\n  country: US\n  names:\n"
    "    - {text: Kentucky, lang: en, status: official, source: \"dataset:test overlay\"}\n"
    "    - {text: Ky., lang: en, status: abbreviation, source: \"dataset:test overlay\"}\n"
    "    - {text: UK, lang: en, status: abbreviation, source: \"dataset:test overlay\"}\n")


def test_an_abbreviation_written_with_its_period_is_a_mention(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPONYMS_CACHE_DIR", str(tmp_path / "cache"))
    overlay = tmp_path / "state.yaml"
    overlay.write_text(STATE, encoding="utf-8")
    gaz = Gazetteer.from_files(overlay, base=False)
    text = "He lives in Frankfort, Ky., now; off to the UK. Ky is a word."
    found = [(m.text, m.match.place.id, m.match.score) for m in gaz.extract(text)]
    assert found == [("Frankfort", "zz-frankfort", 100.0), ("Ky.", "zz-ky", 100.0),
                     ("UK", "zz-ky", 100.0)]


_SHIPPED = Gazetteer.default()
# capitalized Latin names that extract finds alone in a sentence, as one whole mention
_ALONE: list[tuple[str, str]] = []
for _place in _SHIPPED:
    for _name in _place.names[:3]:
        _t = _name.text
        if _t[:1].isupper() and _t.isascii() and _t.isalpha() and len(_t) >= 4:
            _found = _SHIPPED.extract(f"Nous parlons de {_t} ici.")
            if [(m.text, m.match.place.id) for m in _found] == [(_t, _place.id)]:
                _ALONE.append((_t, _place.id))
_ALONE.sort()


@given(st.sampled_from(_ALONE), st.sampled_from(["l'", "l’", "d'", "dell’", "nell'", "qu'"]),
       st.sampled_from(["", "\u200f", "\u200e", "\u200b", "\u2060", "\u00ad\u200c"]))
def test_a_name_after_an_elided_article_is_the_same_mention(named: tuple[str, str],
                                                             elided: str, invisible: str) -> None:
    """recognition.yaml's `elisions`: "l'Arménie" is a mention of Arménie, without the l', also
    with an invisible format mark (a bidi mark pasted from a web page) after the apostrophe."""
    text, place_id = named
    sentence = f"Nous parlons de {elided}{invisible}{text} ici."
    found = [(sentence[m.start:m.end], m.match.place.id) for m in _SHIPPED.extract(sentence)]
    assert found == [(text, place_id)]


@given(st.sampled_from(_ALONE))
def test_a_capital_d_apostrophe_is_a_surname_not_an_elision(named: tuple[str, str]) -> None:
    text = named[0]
    sentence = f"Nous parlons de D'{text} ici."
    assert all(m.start != len("Nous parlons de D'") for m in _SHIPPED.extract(sentence))


_CYRL: list[tuple[str, str]] = []
for _place in _SHIPPED:
    for _name in _place.names:
        _t = _name.text
        if (_name.lang == "und-Cyrl" and _t.isalpha() and _t[-1] in "бвгдзклмнпрстфх"
                and len(_t) >= rules().untagged_stem_letters):
            _found = _SHIPPED.extract(f"Встреча прошла в {_t} вчера.")
            if [(m.text, m.match.place.id) for m in _found] == [(_t, _place.id)]:
                _CYRL.append((_t, _place.id))
_CYRL.sort()


@given(st.sampled_from(_CYRL), st.sampled_from(["е", "а", "у", "ом"]))
def test_a_russian_ending_after_a_cyrillic_geonames_name_is_read(named: tuple[str, str],
                                                                 ending: str) -> None:
    """recognition.yaml's untagged_stem_letters: "в Вашингтоне" is Washington (GeoNames
    gives the name untagged, in Cyrillic; ru.yaml inflects such names)."""
    text, place_id = named
    sentence = f"Встреча прошла в {text}{ending} вчера."
    found = [(sentence[m.start:m.end], m.match.place.id) for m in _SHIPPED.extract(sentence)]
    assert found == [(text, place_id)]


# towns that share a name with their own district, the name as both carry it
_PAIRS = sorted({(n.text, p.id) for p in _SHIPPED if p.kind in ("town", "city") and p.parent
                 for n in p.names if n.lang == "az"
                 and any(q.text == n.text for q in _SHIPPED.get(p.parent).names)
                 and _SHIPPED.get(p.parent).kind == "district"})


# a village of the district each such town is named after (its az name): a mention of it
# makes the district the related reading of a bare mention of the town's name
_VILLAGE_OF = {p.parent: n.text for p in _SHIPPED if p.kind == "village"
               for n in p.names[:1] if n.lang == "az"}


@pytest.mark.parametrize("word", ["şəhərində", "şəhəri"])
def test_a_settlement_word_after_a_name_picks_the_settlement(word: str) -> None:
    """recognition.yaml's narrow_kinds: "Şuşa şəhərində" is the town, not its district, and
    the word stays out of the span, even beside a village of the district, which would make
    the district the related reading ("Xıdırlı kəndi və Ağdam" is the district)."""
    tested = 0
    for text, town in _PAIRS:
        village = _VILLAGE_OF.get(_SHIPPED.get(town).parent)
        if village is None:
            continue
        sentence = f"Qonaqlar {village} kəndi və {text} {word} gəzinti edib."
        found = {sentence[m.start:m.end]: m.match.place.id for m in _SHIPPED.extract(sentence)}
        assert found.get(text) == town, (text, found)
        tested += 1
    assert tested


def test_a_name_narrowed_once_means_the_same_place_where_it_stands_bare() -> None:
    """One place per name in a text: "Şuşa şəhərində" (the town) tells what the bare "Şuşa"
    before it means, whatever the other mentions say of the district."""
    assert _PAIRS
    for text, town in _PAIRS[:10]:
        sentence = f"Ünvan {text} və Xankəndi olub. Qonaqlar {text} şəhərində gəzinti edib."
        found = [m.match.place.id for m in _SHIPPED.extract(sentence) if m.text == text]
        assert found == [town, town], (text, found)
    # two readings of one name that disagree leave the bare one to the ranking
    sentence = "Ağdam rayonu və Ağdam şəhəri, sonra Ağdam."
    ids = [m.match.place.id for m in _SHIPPED.extract(sentence)]
    assert ids[:2] == ["az-aghdam-district", "az-aghdam"]


@pytest.mark.slow
def test_world_extract_reads_no_name_into_a_frequent_word_a_period_or_a_capital(
        world: Gazetteer) -> None:
    # "The main" is not GeoNames' "The Ma" + "in"; "Easter Mass" is not "Mass."
    # (Massachusetts) without its period; "The city's" is not GeoNames' "The City"
    text = ("The main road was closed. Easter Mass was held. The city's murals are new. "
            "Police in Boston, Mass. said so.")
    got = [(m.text, m.match.place.country) for m in world.extract(text)]
    assert got == [("Boston", "US"), ("Mass.", "US")]
    assert capitals_fit(name("Mass.", lang="en", status="abbreviation"), "Mass.", dot=False)
    assert not capitals_fit(name("Mass.", lang="en", status="abbreviation"), "Mass", dot=False)
    assert not capitals_fit(name("The City"), "The city")
    assert capitals_fit(name("The City"), "The City")
