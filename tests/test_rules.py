"""Every extraction rule in the rules data files, run alone on its own examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skillmatch import Matcher
from skillmatch.extraction._rules import (
    LevelCue,
    ambiguity_rules,
    cased_words,
    degree_rules,
    either_or_rules,
    employer_rule,
    glue_counter,
    glue_rules,
    inversion_counter,
    inversion_rule,
    level_cues,
    negation_modifiers,
    soft_phrases,
    vendors,
    voice_rules,
)

TINY = """
[taxonomy]
id = "tiny"
version = "1"

[skill.python]
name = "Python"
category = "language"

[skill.docker]
name = "Docker"
category = "tool"
"""


def _matcher_over(factory: pytest.TempPathFactory, name: str, toml: str) -> Matcher:
    """A matcher (no fuzzy pass) over a taxonomy written from ``toml``."""
    path: Path = factory.mktemp("rules") / f"{name}.toml"
    path.write_text(toml, encoding="utf-8")
    return Matcher(taxonomy=str(path), fuzzy=False)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A matcher over a two-skill taxonomy, so that each example tests only its cue."""
    return _matcher_over(tmp_path_factory, "tiny", TINY)


CASES = [(cue.name, text, level) for cue in level_cues() for text, level in cue.examples]


def test_every_cue_has_examples() -> None:
    """A rule without an example is a rule nobody checked."""
    assert all(cue.examples for cue in level_cues())


@pytest.mark.parametrize(("rule", "text", "level"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_level_cue(tiny: Matcher, rule: str, text: str, level: str) -> None:
    """Each level cue gives its example sentence the level the rules file states."""
    ex = tiny.extract(text, kind="posting")
    assert ex.skills, f"rule {rule}: no skill found in {text!r}"
    assert {e.level for e in ex.skills.values()} == {level}, rule


def test_an_explicit_cue_speaks_for_its_phrase_not_across_a_list(tiny: Matcher) -> None:
    """A preferred cue after "Docker proficiency" beats the nearer intensity word; after a list
    joint it speaks for the item beside it only."""
    levels = {s: e.level for s, e in tiny.extract("Strong Python, Docker a plus.",
                                                   kind="posting").skills.items()}
    assert levels == {"python": "required", "docker": "preferred"}
    ex = tiny.extract("Nice to have: strong Docker skills.", kind="posting")
    assert ex.skills["docker"].level == "preferred"


def test_a_bad_direction_is_refused() -> None:
    """A cue's direction is one of the three the extractor knows."""
    assert {c.direction for c in level_cues()} <= {"preferred", "required", "intensity"}
    assert isinstance(level_cues()[0], LevelCue)


VOICE = [(rule.name, text, level) for rule in voice_rules() for text, level in rule.examples]


@pytest.mark.parametrize(("rule", "text", "level"), VOICE, ids=[f"{c[0]}:{c[1]}" for c in VOICE])
def test_voice_rule(tiny: Matcher, rule: str, text: str, level: str) -> None:
    """Each company-voice rule gives its example the level the rules file states ("none": the
    employer speaks of itself, no requirement)."""
    ex = tiny.extract(text, kind="posting")
    assert ex.skills, f"rule {rule}: no skill found in {text!r}"
    assert {e.level or "none" for e in ex.skills.values()} == {level}, rule


def test_an_explicit_cue_asks_whoever_speaks(tiny: Matcher) -> None:
    """The employer's voice makes a clause boilerplate only when no requirement cue is in it:
    "(we run Docker)" inside "Familiarity with ... is expected" is still asked."""
    text = "Familiarity with SQL databases (we run Docker and Python) is expected."
    levels = {s: e.level for s, e in tiny.extract(text, kind="posting").skills.items()}
    assert levels and set(levels.values()) == {"required"}, levels
    ex = tiny.extract("We run Docker and Python across our products.", kind="posting")
    assert {e.level for e in ex.skills.values()} == {None}


# ----------------------------------------------------------------------------- negation

NEGATION = [(m.name, text, negated) for m in negation_modifiers() for text, negated in m.examples]


def test_every_negation_rule_has_examples() -> None:
    """Every negation record has a name and at least one example sentence."""
    assert all(m.name and m.examples for m in negation_modifiers())
    assert len({m.name for m in negation_modifiers()}) == len(negation_modifiers())


@pytest.mark.parametrize(("rule", "text", "negated"), NEGATION,
                         ids=[f"{c[0]}:{c[1]}" for c in NEGATION])
def test_negation_rule(tiny: Matcher, rule: str, text: str, negated: bool) -> None:
    """Each negation record gives the last skill of its example the negation the rules file
    states, in a resume and in a posting."""
    for kind in ("resume", "posting"):
        ex = tiny.extract(text, kind=kind)
        assert ex.mentions, f"rule {rule}: no skill found in {text!r}"
        assert ex.mentions[-1].negated is negated, (rule, kind)


# ----------------------------------------------------------------------------- ambiguity

AMBIGUOUS = TINY + """
[skill.sql]
name = "SQL"
category = "language"

[skill.go]
name = "Go"
category = "language"
exact = ["Go"]
ambiguous = ["Go"]
hints = { before = ["golang"], after = ["lang"] }

[skill.r]
name = "R"
category = "language"
exact = ["R"]
ambiguous = ["R"]
hints = { after = ["shiny", "studio"] }

[skill.spark]
name = "Spark"
category = "big-data"
ambiguous = ["Spark"]
hints = { before = ["pyspark", "databricks"], after = ["mllib", "rdd"] }

[skill.computer-vision]
name = "Computer vision"
category = "technique"
exact = ["CV"]
ambiguous = ["CV"]
hints = { after = ["@ai-word-after"], not_before = ["your", "a"], not_after = ["attached", "and cover"] }

[skill.artificial-intelligence]
name = "Artificial intelligence"
category = "technique"
exact = ["AI"]
ambiguous = ["AI"]
hints = { after = ["@ai-word-after"] }

[skill.machine-learning]
name = "Machine learning"
category = "technique"

[skill.agile]
name = "Agile"
category = "concept"
hints = { not_before = ["stays"], not_after = ["company"] }

[skill.scheduling]
name = "Scheduling"
category = "technique"
exact = ["Scheduling"]
ambiguous = ["Scheduling"]

[skill.business-intelligence]
name = "Business intelligence"
category = "technique"
exact = ["BI"]
ambiguous = ["BI"]

[skill.microsoft-access]
name = "Microsoft Access"
category = "tool"
exact = ["Access"]
ambiguous = ["Access"]
"""


@pytest.fixture(scope="module")
def ambiguous(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A matcher over a tiny taxonomy with ambiguous names and their skills' hints."""
    return _matcher_over(tmp_path_factory, "ambiguous", AMBIGUOUS)


# (id, name, category, field, English-word form): names an importer marked ambiguous
_IMPORTED = [("slack", "Slack", "tool", "aliases", "Slack"),
             ("microsoft-teams", "Microsoft Teams", "tool", "aliases", "Teams"),
             ("microsoft-windows", "Microsoft Windows", "platform", "aliases", "Windows"),
             ("google-chrome", "Google Chrome", "tool", "exact", "Chrome"),
             ("apple-safari", "Apple Safari", "tool", "exact", "Safari"),
             ("mozilla-firefox", "Mozilla Firefox", "tool", "exact", "Firefox"),
             ("network-programming", "Network programming", "technique", "aliases",
              "Network programming")]
IMPORTED_LAYER = '[taxonomy]\nid = "tiny-imported"\nversion = "1"\n' + "".join(
    f'\n[skill.{sid}]\nname = "{name}"\ncategory = "{category}"\n{field} = ["{form}"]\n'
    f'ambiguous = ["{form}"]\n' for sid, name, category, field, form in _IMPORTED)

CORE_LAYER = """
[taxonomy]
id = "tiny-core"
version = "1"

[skill.python]
name = "Python"
category = "language"

[skill.linux]
name = "Linux"
category = "platform"
"""


@pytest.fixture(scope="module")
def layered(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """A tiny core over a tiny imported layer, whose English-word names need list evidence."""
    folder = tmp_path_factory.mktemp("layered")
    (folder / "imported.toml").write_text(IMPORTED_LAYER, encoding="utf-8")
    (folder / "core.toml").write_text(CORE_LAYER, encoding="utf-8")
    stack = folder / "stack.toml"
    stack.write_text('[taxonomy]\nid = "tiny-stack"\nversion = "1"\n'
                     'layers = ["imported.toml", "core.toml"]\n', encoding="utf-8")
    return Matcher(taxonomy=str(stack), fuzzy=False)


@pytest.fixture(scope="module")
def for_rule(ambiguous: Matcher, layered: Matcher) -> Any:
    """The matcher a rule's examples run on: the layered one for rules on imported names."""
    return lambda rule: layered if ambiguity_rules()[rule].imported else ambiguous


def _case(rule: str, example: tuple[str, ...]) -> tuple[str, str, str, str]:
    text, skill, *kind = example
    return rule, text, skill, kind[0] if kind else "resume"


ACCEPTS = [_case(r.name, e) for r in ambiguity_rules().values() for e in r.examples
           if r.category == "TECHNICAL"] + [
          _case(r.name, e) for r in ambiguity_rules().values() for e in r.counter
          if r.category == "NOT_TECHNICAL"]
REJECTS = [_case(r.name, e) for r in ambiguity_rules().values() for e in r.counter
           if r.category == "TECHNICAL"] + [
          _case(r.name, e) for r in ambiguity_rules().values() for e in r.examples
          if r.category == "NOT_TECHNICAL"]


def test_every_ambiguity_rule_has_examples() -> None:
    """Every ambiguity rule has at least one example, and every word-list rule is used."""
    assert all(rule.examples for rule in ambiguity_rules().values())


@pytest.mark.parametrize(("rule", "text", "skill", "kind"), ACCEPTS,
                         ids=[f"{c[0]}:{c[1]}" for c in ACCEPTS])
def test_ambiguity_rule_accepts(for_rule: Any, rule: str, text: str, skill: str,
                                kind: str) -> None:
    """A TECHNICAL rule's example counts the name as the skill, by that rule (or the rule it
    works inside: ``part_of``); a NOT_TECHNICAL rule's counter-example still counts it."""
    found = [m for m in for_rule(rule).extract(text, kind=kind).mentions if m.skill == skill]
    assert found, f"rule {rule}: {skill} not found in {text!r}"
    rules = {m.rule for m in found}
    record = ambiguity_rules()[rule]
    if record.category == "TECHNICAL":
        assert (record.part_of or rule) in rules, (rule, rules)


@pytest.mark.parametrize(("rule", "text", "skill", "kind"), REJECTS,
                         ids=[f"{c[0]}:{c[1]}" for c in REJECTS])
def test_ambiguity_rule_rejects(for_rule: Any, rule: str, text: str, skill: str,
                                kind: str) -> None:
    """A NOT_TECHNICAL rule's example, and a TECHNICAL rule's counter-example, do not count the
    name as the skill (extract(trace=True) says why)."""
    ex = for_rule(rule).extract(text, kind=kind, trace=True)
    assert skill not in {m.skill for m in ex.mentions}, rule
    assert skill in {r.skill for r in ex.rejected} | {m.skill for m in ex.mentions} or (
        ambiguity_rules()[rule].direction != "LIST"), rule


EMPLOYER = list(employer_rule().examples)


@pytest.mark.parametrize(("text", "skill"), EMPLOYER, ids=[c[1] for c in EMPLOYER])
def test_employer_name_is_no_skill(text: str, skill: str) -> None:
    """Rule employer-name: the posting's employer, named like a product, is not asked for."""
    assert skill not in {m.skill for m in _bundled().extract(text, kind="posting").mentions}


@pytest.mark.parametrize(("text", "skill"), employer_rule().counter,
                         ids=[c[1] for c in employer_rule().counter])
def test_employer_name_counter(text: str, skill: str) -> None:
    assert skill in {m.skill for m in _bundled().extract(text, kind="posting").mentions}


def test_hint_lists_name_known_rules() -> None:
    """A hint "@name" in the bundled taxonomy names a word list of rules/ambiguity.toml, or is
    "@any-word" in not_after (the name counts only where its list item ends)."""
    from skillmatch import load_taxonomy

    for skill in load_taxonomy("ml-engineer"):
        for entries in (skill.hints.before, skill.hints.after, skill.hints.not_before,
                        skill.hints.not_after):
            for entry in entries:
                if entry == "@any-word":
                    assert entries is skill.hints.not_after, (skill.id, entry)
                elif entry.startswith("@"):
                    assert ambiguity_rules()[entry[1:]].words, (skill.id, entry)


def _hint_cases() -> list[tuple[str, str, str, bool]]:
    """For every hint of the bundled taxonomy: (skill, sentence with the hint, the same sentence
    without it, whether the hint makes the name count). A before/after hint makes the name count
    in prose; a not_* hint makes it prose in a list."""
    from skillmatch import load_taxonomy

    out = []
    for skill in load_taxonomy("ml-engineer"):
        form = skill.ambiguous[0] if skill.ambiguous else skill.name
        prose, listed = f"We know {form} well", f"Python, {form}, Docker"
        for word in skill.hints.after:
            if not word.startswith("@"):
                out.append((skill.id, f"We know {form} {word} well", prose, True))
        for word in skill.hints.before:
            out.append((skill.id, f"We know {word} {form} well", prose, True))
        for word in skill.hints.not_before:
            out.append((skill.id, f"Python, {word} {form}, Docker", listed, False))
        for word in skill.hints.not_after:
            word = "databases" if word == "@any-word" else word  # any word: one stands for all
            out.append((skill.id, f"Python, {form} {word} Docker", listed, False))
    return out


HINTS = _hint_cases()


@pytest.mark.parametrize(("skill", "text", "control", "counts"), HINTS,
                         ids=[f"{c[0]}:{c[1]}" for c in HINTS])
def test_skill_hint(skill: str, text: str, control: str, counts: bool) -> None:
    """Each hint of the bundled taxonomy decides its skill's ambiguous name: the sentence with
    the hint counts the name when the hint is positive and the same sentence without it does
    not (and the other way round for a not_* hint)."""
    matcher = _bundled()

    def found(sentence: str) -> bool:
        return skill in {m.skill for m in matcher.extract(sentence, kind="resume").mentions}

    assert found(control) is not counts, f"{skill}: the control {control!r} already decides"
    assert found(text) is counts, f"{skill}: the hint in {text!r} did not decide"


_MATCHERS: dict[str, Matcher] = {}


def _bundled() -> Matcher:
    """One matcher over the bundled core taxonomy for the hint tests."""
    if "m" not in _MATCHERS:
        _MATCHERS["m"] = Matcher(taxonomy="ml-engineer", fuzzy=False)
    return _MATCHERS["m"]


# ----------------------------------------------------------------------------- lists, degrees

LISTS = [(r.name, text, grouped) for r in either_or_rules() for text, grouped in r.examples]


@pytest.mark.parametrize(("rule", "text", "grouped"), LISTS, ids=[f"{c[0]}:{c[1]}" for c in LISTS])
def test_either_or_rule(tiny_lists: Matcher, rule: str, text: str, grouped: bool) -> None:
    """Each either/or lead-in groups (or leaves apart) the skills of its example."""
    ex = tiny_lists.extract(text, kind="posting")
    assert len(ex.mentions) >= 2, f"rule {rule}: fewer than two skills in {text!r}"
    groups = {m.group for m in ex.mentions}
    assert (len(groups) == 1 and None not in groups) is grouped, (rule, groups)


@pytest.fixture(scope="module")
def tiny_lists(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    """Python, SQL, Docker."""
    path: Path = tmp_path_factory.mktemp("rules") / "lists.toml"
    path.write_text(TINY + '\n[skill.sql]\nname = "SQL"\ncategory = "language"\n', encoding="utf-8")
    return Matcher(taxonomy=str(path), fuzzy=False)


DEGREES = [(r.name, text, level) for r in degree_rules().values() for text, level in r.examples]


@pytest.mark.parametrize(("rule", "text", "level"), DEGREES, ids=[f"{c[0]}:{c[1]}" for c in DEGREES])
def test_degree_rule(rule: str, text: str, level: str) -> None:
    """Each degree rule reads its example as the degree level the rules file states."""
    ex = _bundled().extract(text, kind="resume")
    assert ({d.level for d in ex.degrees} or {"none"}) == {level}, rule


# ----------------------------------------------------------------------------- glued words

GLUED = [(text, skill) for rule in glue_rules() for text, skill in rule.examples]


@pytest.mark.parametrize(("text", "skill"), GLUED, ids=[c[0] for c in GLUED])
def test_glued_word_splits(text: str, skill: str) -> None:
    """A known name glued to the next line's first word is found, at its own offsets."""
    found = [m for m in _bundled().extract(text, kind="posting").mentions if m.skill == skill]
    assert found, f"{skill} not found in {text!r}"
    assert text[found[0].start:found[0].end].lower() in {
        f.lower() for f in _bundled().taxonomy_[skill].surface_forms}


@pytest.mark.parametrize(("text", "skill"), glue_counter(), ids=[c[0] for c in glue_counter()])
def test_glued_word_counter(text: str, skill: str) -> None:
    """A CamelCase name that is itself known ("JavaScript", "PowerShell") stays whole."""
    assert skill not in {m.skill for m in _bundled().extract(text, kind="posting").mentions}


def test_glue_keeps_offsets_and_text() -> None:
    """Splitting a glued word changes no offset: the tokens still cover the text exactly."""
    from skillmatch._phrases import SurfaceForms
    from skillmatch.taxonomy import load_taxonomy

    phrases = SurfaceForms(load_taxonomy("ml-engineer"))
    doc = next(iter(phrases.tokenize(["Experience with PythonStrong knowledge, CKnowledge"])))
    assert doc.text == "Experience with PythonStrong knowledge, CKnowledge"
    assert [t.text for t in doc][2:4] == ["Python", "Strong"]
    assert "C" in [t.text for t in doc]


def test_glue_is_linear_on_hostile_input() -> None:
    """A megabyte of glued capitals costs one linear pass (a generous bound: under 10 s)."""
    import time

    text = "PythonStrong " * 20_000 + "aB" * 200_000
    start = time.perf_counter()
    _bundled().extract(text, kind="posting")
    assert time.perf_counter() - start < 10


# ----------------------------------------------------------------------------- inversion

INVERTED = [(text, skill) for text, skill in inversion_rule().examples]


@pytest.mark.parametrize(("text", "skill"), INVERTED, ids=[f"{c[1]}:{c[0]}" for c in INVERTED])
def test_of_phrase_finds(text: str, skill: str) -> None:
    """Rule of-phrase reads "<head> of <object>" as the name "<object> <head>"."""
    found = {m.skill: m.rule for m in _bundled().extract(text, kind="posting").mentions}
    assert found.get(skill) == "of-phrase", found


@pytest.mark.parametrize(("text", "skill"), inversion_counter(), ids=[c[0] for c in inversion_counter()])
def test_of_phrase_counter(text: str, skill: str) -> None:
    assert skill not in {m.skill for m in _bundled().extract(text, kind="posting").mentions}


VERB_OBJECTS = [(text, skill) for text, skill in inversion_rule("verb-object").examples]


@pytest.mark.parametrize(("text", "skill"), VERB_OBJECTS, ids=[f"{c[1]}:{c[0]}" for c in VERB_OBJECTS])
def test_verb_object_finds(text: str, skill: str) -> None:
    """Rule verb-object reads "<verb> ... <object>" as the name "<object> <action>"."""
    found = {m.skill: m.rule for m in _bundled().extract(text, kind="resume").mentions}
    assert found.get(skill) == "verb-object", found


@pytest.mark.parametrize(("text", "skill"), inversion_counter("verb-object"),
                         ids=[c[0] for c in inversion_counter("verb-object")])
def test_verb_object_counter(text: str, skill: str) -> None:
    assert skill not in {m.skill for m in _bundled().extract(text, kind="resume").mentions}


SOFT = [(r.name, text, skill) for r in soft_phrases() for text, skill in r.examples]
SOFT_COUNTER = [(r.name, text, skill) for r in soft_phrases() for text, skill in r.counter]


def test_soft_phrases_are_named_records() -> None:
    """Every soft phrase has a unique name, a skill of the bundled taxonomy and examples."""
    names = [r.name for r in soft_phrases()]
    assert len(names) == len(set(names))
    skills = _bundled().taxonomy_.skills
    assert all(r.skill in skills and r.examples and r.needs for r in soft_phrases())


@pytest.mark.parametrize(("rule", "text", "skill"), SOFT, ids=[f"{c[0]}:{c[1]}" for c in SOFT])
@pytest.mark.parametrize("kind", ["resume", "posting"])
def test_soft_phrase_finds(rule: str, text: str, skill: str, kind: str) -> None:
    """A soft phrase's example names its soft skill, by that rule."""
    found = {(m.skill, m.rule) for m in _bundled().extract(text, kind=kind).mentions}
    assert (skill, rule) in found, found


@pytest.mark.parametrize(("rule", "text", "skill"), SOFT_COUNTER,
                         ids=[f"{c[0]}:{c[1]}" for c in SOFT_COUNTER])
def test_soft_phrase_counter(rule: str, text: str, skill: str) -> None:
    assert skill not in {m.skill for m in _bundled().extract(text, kind="resume").mentions}, rule


@pytest.mark.parametrize(("text", "found"), [
    ("Responsibilities\n- We establish supplier relationships with automotive companies.", False),
    ("About\nOur engineers use machine learning to solve problems for retailers.", False),
    ("Requirements\n- Build strong relationships with suppliers.", True),
    ("We're looking for someone who enjoys solving hard problems.", True),
])
def test_soft_phrase_is_not_the_employers_claim(text: str, found: bool) -> None:
    """In a posting, a soft phrase whose clause has the employer as its subject ("we", "our
    engineers") is what the company says of itself, not a trait asked for; "we're looking for"
    introduces the candidate."""
    skills = {m.skill for m in _bundled().extract(text, kind="posting").mentions}
    assert bool(skills & {"relationship-building", "problem-solving"}) is found, skills


NUMBERED = [(text, skill) for text, skill in inversion_rule("numbered-series").examples]


@pytest.mark.parametrize(("text", "skill"), NUMBERED, ids=[f"{c[1]}:{c[0]}" for c in NUMBERED])
def test_numbered_series_finds(text: str, skill: str) -> None:
    """Rule numbered-series reads the numbers after "Series 7" as the series' members."""
    found = {(m.skill, m.rule) for m in _bundled().extract(text, kind="resume").mentions}
    assert (skill, "numbered-series") in found, found


@pytest.mark.parametrize(("text", "skill"), inversion_counter("numbered-series"),
                         ids=[c[0] for c in inversion_counter("numbered-series")])
def test_numbered_series_counter(text: str, skill: str) -> None:
    assert skill not in {m.skill for m in _bundled().extract(text, kind="resume").mentions}


VERB_FORMS = [(text, skill) for text, skill in inversion_rule("verb-form").examples]


@pytest.mark.parametrize(("text", "skill"), VERB_FORMS, ids=[f"{c[1]}:{c[0]}" for c in VERB_FORMS])
@pytest.mark.parametrize("kind", ["resume", "posting"])
def test_verb_form_finds(text: str, skill: str, kind: str) -> None:
    """Rule verb-form reads a statement's verb as the action noun it makes."""
    found = {(m.skill, m.rule) for m in _bundled().extract(text, kind=kind).mentions}
    assert (skill, "verb-form") in found, found


@pytest.mark.parametrize(("text", "skill"), inversion_counter("verb-form"),
                         ids=[c[0] for c in inversion_counter("verb-form")])
def test_verb_form_counter(text: str, skill: str) -> None:
    assert skill not in {m.skill for m in _bundled().extract(text, kind="resume").mentions}


def test_verb_form_needs_a_verb_opening_a_statement() -> None:
    """A past form counts after a comma ("Planned, negotiated and closed deals"); a bare form
    there, or one inside a longer name, does not."""
    found = _bundled().extract("Planned, negotiated and closed vendor deals.\n"
                               "Tools, mentor programs, forecast accuracy", kind="resume")
    assert [(m.text, m.skill) for m in found.mentions if m.rule == "verb-form"] == [
        ("negotiated", "negotiation")]


def test_of_phrase_leaves_a_name_as_written() -> None:
    """"Design of Experiments" is a name of its own: one mention, as written."""
    ex = _bundled().extract("Requirements\n- Design of Experiments (DoE).", kind="posting")
    assert [m.rule for m in ex.mentions if m.skill == "experimental-design"] == ["phrase"]


# ----------------------------------------------------------------------------- vendors

VENDOR = [(v.name, text, skill) for v in vendors() for text, skill in v.examples]


@pytest.mark.parametrize(("vendor", "text", "skill"), VENDOR, ids=[c[1] for c in VENDOR])
def test_vendor_short_name(default_matcher: Matcher, vendor: str, text: str, skill: str) -> None:
    """A product is found under its vendor's short name ("MS Project")."""
    assert skill in default_matcher.extract(text, kind="posting").skills, vendor


CASED = [(text, skill, outcome) for text, skill, outcome in cased_words().examples]


@pytest.mark.parametrize(("text", "skill", "outcome"), CASED, ids=[c[0][:40] for c in CASED])
def test_acronym_that_spells_a_word(default_matcher: Matcher, text: str, skill: str,
                                    outcome: str) -> None:
    """A name holding an acronym that spells a word ("IT support") counts only with the
    acronym in capitals (rules/cased_words.toml)."""
    found = skill in default_matcher.extract(text, kind="resume").skills
    assert found is (outcome == "found")


def test_cased_words_examples_say_found_or_absent() -> None:
    assert cased_words().examples
    assert {outcome for _, _, outcome in cased_words().examples} <= {"found", "absent"}
