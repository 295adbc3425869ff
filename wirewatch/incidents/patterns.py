"""Trigger patterns: which words report which incident type, and how strongly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from schemas.incident import IncidentType
from wirewatch.incidents.caseless import CaselessPattern, lowered_ascii


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger pattern. Weak triggers ("an attack on X") only corroborate an incident.

    A `needs_target` trigger reports an incident only against a mission named after it in its
    clause (the object: "rockets landed near the US embassy", not "the embassy said rockets
    landed" or "drones hit a depot, the embassy said"), and
    only when no other strong trigger matches its sentence: "stormed the embassy and set it on
    fire" is one arson, not an arson and an attack.
    """

    type: IncidentType
    pattern: CaselessPattern
    cues: tuple[str, ...]
    strong: bool = True
    needs_diplomatic_target: bool = False
    needs_target: bool = False  # "rockets landed" without a mission is war news, not ours


def _p(*alternatives: str, ru: str = "") -> CaselessPattern:
    return CaselessPattern("|".join(alternatives), ru)


def _cues(*words: str) -> tuple[str, ...]:
    """Lower-case word starts, one of which every match of the trigger contains."""
    return words


_ARSON_CUES = _cues(
    "molotov",
    "petrol",
    "fire",
    "incendi",
    "arson",
    "bottle",
    "set",
    "torch",
    "зажигат",
    "горюч",
    "поджог",
    "коктейл",
)
_W = r"[^.;]{0,60}?"  # a short stretch inside one clause
_VEHICLE = r"\b(?:car|vehicle|truck|lorry|van|hatchback|jeep|suv)\b"
_CRASHED = (
    r"(?:rammed|crashed (?:into|through)|slammed into|smashed (?:into|through)|ploughed into|"
    r"plowed into|drove through|"
    r"was driven into|drove into|hit the (?:main )?(?:entrance )?(?:gate|fence))"
)
_WEAPON = r"(?:knife|axe|hammer|machete|bat|gun|pistol)"

TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "arson_attempt",
        _p(
            r"\bmolotov cocktails?\b",
            r"\bpetrol bombs?\b",
            r"\bfire ?bomb(?:s|ed)?\b",
            r"\bincendiary (?:device|bottle|mixture)s?\b",
            r"\battempted arson\b|\barson attempt\b",
            r"\bbottle (?:filled with|of|containing|with) (?:a )?"
            r"(?:flammable|incendiary|combustible)\b",
            r"\bset (?:fire to|on fire|(?:it|them|\w+) on fire|ablaze)\b|\btorched\b",
            ru=r"зажигательн\w+ смес\w+|горюч\w+ жидкост\w+|коктейл\w+ молотова|поджог\w*",
        ),
        _ARSON_CUES,
    ),
    Trigger(
        "threat",
        _p(
            r"\bthreatening (?:letter|message|call|e-?mail|note)s?\b",
            r"\bletters? (?:with|containing) threats\b",
            r"\b(?:white|suspicious|unknown) powder\b",
            r"\bsuspicious (?:envelope|package|parcel|letter)s?\b|\bbomb threats?\b",
            rf"\b(?:envelope|letter|parcel|package)s?\b{_W}\b(?:containing|with|holding)\b"
            r"(?: an?| two| three| several)?(?: live)? (?:bullets?|cartridges?)\b(?!-)",
            ru=r"письм\w* с угрозами|угроз\w+ в адрес|порошк\w+|порошок",
        ),
        _cues(
            "threat",
            "powder",
            "suspicious",
            "envelope",
            "letter",
            "parcel",
            "package",
            "угроз",
            "порош",
        ),
    ),
    Trigger(
        "bombing",
        _p(
            rf"\b(?:bomb|explosive device|explosive|grenade|device){_W}\b"
            r"(?:exploded|went off|detonated|blew up)\b",
            r"\b(?:bomb|explosion|blast)\b(?! threat)",
            # a device found or made safe before it went off
            rf"\bexplosive devices?\b{_W}\b(?:found|discovered|defused|planted)\b",
            r"\b(?:found|discovered|defused|planted) (?:a|an|the) (?:[\w-]+ ){0,2}explosive\b",
            # a grenade thrown (a smoke or stun grenade is an attack, below)
            rf"\b(?:threw|hurled|tossed|lobbed)\b{_W}(?<!smoke )(?<!stun )\bgrenades?\b",
            rf"(?<!smoke )(?<!stun )\bgrenades?\b{_W}\b(?:was|were|had been) "
            r"(?:thrown|hurled|tossed|lobbed)\b",
        ),
        _cues("bomb", "explo", "blast", "grenade", "device"),
    ),
    Trigger(
        "vehicle_ramming",
        _p(
            rf"{_VEHICLE}{_W}\b{_CRASHED}",
            # "drove a car into", "drove a pickup truck into", "drove his rented van into"
            r"\bdr(?:ove|iving) (?:an?|his|her|their|the) (?:[\w-]+ ){0,2}"
            r"(?:car|vehicle|truck|van|lorry|jeep|suv|minivan|minibus)\b[^.;]{0,20}\binto\b",
            r"\brammed\b|\bramming\b|\brams\b",
        ),
        _cues(
            "car",
            "vehicle",
            "truck",
            "lorry",
            "van",
            "jeep",
            "suv",
            "minibus",
            "ramm",
            "rams",
            "drove",
            "driving",
        ),
    ),
    Trigger(
        "cyberattack",
        _p(
            r"\bddos\b|\bdenial[- ]of[- ]service\b|\bcyber[- ]?attacks?\b|\bhacker attacks?\b",
            r"\bwebsite (?:was |had been )?(?:hacked|defaced|knocked offline|taken down)\b",
        ),
        _cues("ddos", "denial", "cyber", "hacker", "website"),
    ),
    Trigger(
        "vandalism",
        _p(
            rf"\bpaint\b{_W}\b(?:thrown|splashed|splattered|sprayed|daubed|poured)\b",
            rf"\b(?:threw|thrown|splashed|splattered|daubed|covered|doused|smeared|poured)\b{_W}"
            r"\bpaint\b",
            r"\b(?:threw|thrown|throwing|hurled) eggs\b|\beggs (?:were|was|had been) thrown\b",
            r"\bbroken eggs\b",
            r"\b(?:threw|thrown|throwing|hurled|pelted)\b[^.;]{0,20}\b(?:stones|rocks|bricks)\b",
            rf"\b(?:smashed|broke|shattered)\b{_W}\bwindows?\b",
            rf"\bwindows?\b{_W}\b(?:were|was|had been|got) (?:smashed|broken|shattered)\b",
            r"\bgraffiti\b|\bact of vandalism\b|\bvandali[sz]ed\b|\bdefaced\b",
            rf"\bpelted\b{_W}\bwith (?:eggs|stones|rocks|bricks|bottles|paint)\b",
            rf"\bswastikas?\b{_W}\b(?:painted|sprayed|daubed|scrawled|drawn)\b",
            rf"\b(?:painted|sprayed|daubed|scrawled|drew)\b{_W}\bswastikas?\b",
        ),
        _cues(
            "paint",
            "doused",
            "smeared",
            "poured",
            "egg",
            "window",
            "graffiti",
            "vandal",
            "defaced",
            "threw",
            "thrown",
            "throwing",
            "hurled",
            "pelted",
            "swastika",
        ),
    ),
    Trigger(
        "vandalism",
        _p(
            rf"\b(?:tore|ripped|pulled) (?:down|off)\b{_W}\bflags?\b",
            rf"\bflags?\b{_W}\b(?:was|were|had been) (?:torn|ripped|pulled) (?:down|off)\b",
        ),
        _cues("tore", "ripped", "pulled", "flag"),
        needs_target=True,
    ),
    Trigger(
        "blockade",
        _p(
            r"\bblock(?:ed|ing|aded)?\b[^.;]{0,40}\b"
            r"(?:entrance|access|gate|entry|doors?|road|street|exit)\b",
            r"\bblockade\b|\bsit-in\b|\bblockaded\b",
        ),
        _cues("block", "sit-in"),
    ),
    Trigger(
        "protest",
        _p(
            r"\bprotest(?:ed|ing)\s+(?:outside|in front of|at|near|against)\b",
            r"\b(?:stage|staged|staging|held|hold|holding)\s+(?:a\s+)?"
            r"(?:protest|demonstration|rally|picket)\b",
            r"\bprotest demonstration\b",
            r"\b(?:demonstrators|protesters|protestors)\b[^.;]{0,40}\b"
            r"(?:gathered|rallied|marched|chanted)\b",
            r"\b(?:gathered|rallied|demonstrated)\s+(?:outside|in front of)\b",
            r"\b(?:people|supporters|activists|workers|students|residents)\b[^.;]{0,30}\b"
            r"(?:rallied|marched|demonstrated|took to the streets)\b",
            r"\b(?:tear gas|water cannons?|rubber bullets)\b[^.;]{0,30}\b"
            r"(?:protesters|demonstrators)\b",
            r"\bchained themselves to\b",
            r"\bpicket(?:ed|ing)\b",
        ),
        _cues(
            "protest",
            "demonstrat",
            "rall",
            "picket",
            "gathered",
            "marched",
            "took",
            "tear",
            "water",
            "rubber",
            "chained",
        ),
    ),
    Trigger(
        "attack",
        _p(
            r"\b(?:stabbed|knifed)\b|\bknife attack\b|\bopened fire\b",
            r"\b(?:gun)?shots (?:were|had been) fired\b",
            rf"\battacked\b{_W}\bwith (?:a|an) (?:\w+ )?{_WEAPON}\b",
            rf"\blunged at\b{_W}\b{_WEAPON}\b",
            r"\battack(?:ed)? (?:a |the )?(?:police )?(?:officer|guard|policeman|diplomat)s?\b",
            r"\b(?:embassy|consulate|mission)\b[^.;]{0,40}\b(?:was|were|has been|had been) "
            r"attacked\b",
        ),
        _cues("stab", "knif", "fire", "shots", "gunshot", "attack", "lunged"),
    ),
    Trigger(
        "attack",
        _p(
            # projectiles, intruders and smoke grenades count only against a named mission
            r"\b(?:rockets?|mortars?|mortar (?:shells?|rounds?)|missiles?|shells|drones?)\b"
            r"[^.;]{0,40}?\b(?:landed|struck|hit|crashed|slammed|exploded)\b",
            r"\b(?:rocket|mortar|drone|missile) (?:attack|strike)s?\b",
            r"\b(?:stormed|broke into|burst into|forced (?:their|his|her) way into)\s+"
            r"(?:the\s+)?(?:[\w'-]+\s+){0,3}(?:embassy|consulate|mission|compound|premises)\b",
            rf"\b(?:threw|hurled|tossed|lobbed)\b{_W}\b(?:smoke|stun) grenades?\b",
            rf"\b(?:smoke|stun) grenades?\b{_W}\b(?:was|were|had been) (?:thrown|hurled|tossed)\b",
            r"\battacked\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}(?:embassy|consulate|mission)\b(?!'s \w)",
        ),
        _cues(
            "rocket",
            "mortar",
            "missile",
            "shells",
            "drone",
            "stormed",
            "broke",
            "burst",
            "forced",
            "threw",
            "hurled",
            "tossed",
            "lobbed",
            "smoke",
            "stun",
            "attacked",
        ),
        needs_target=True,
    ),
    Trigger(
        "diplomatic_protest",
        _p(
            r"\bsummon(?:ed|s|ing)?\b|\bnote of protest\b|\bprotest note\b|\bd[ée]marche\b",
            r"\b(?:lodged|expressed|conveyed|delivered) (?:a |its |their )?"
            r"(?:strong |formal )?protest\b",
            r"\bhanded (?:a|the) (?:protest )?note\b",
            # "recalled its ambassador"; not "recalled the ambassador's words"
            r"\brecall(?:ed|s|ing)? (?:its|their|his|her) (?:[\w-]+ )?(?:ambassador|envoy)\b(?!'s)",
        ),
        _cues("summon", "protest", "demarche", "démarche", "note", "handed", "recall"),
        needs_diplomatic_target=True,
    ),
    Trigger(
        "expulsion",
        _p(
            r"\bpersona non grata\b|\bexpel(?:led|s|ling)?\b|\bexpulsion of\b",
            r"\bordered (?:him|her|them|(?:[\w-]+ ){0,3}(?:diplomats?|envoys?|ambassadors?|"
            r"attach[ée]s?)) to leave\b",
        ),
        _cues("persona", "expel", "expulsion", "leave"),
    ),
    Trigger(
        "other",
        _p(
            r"\b(?:employee|diplomat|attach[ée]|consul|staff member)\b[^.;]{0,80}\b"
            r"(?:was|were|been) (?:held|detained|arrested) by\b[^.;]{0,40}\b"
            r"(?:guards|police|officers|authorities)\b",
            r"\bclash(?:ed|es)? with (?:riot )?police\b|\bfought with (?:riot )?police\b",
        ),
        _cues("held", "detained", "arrested", "clash", "fought"),
    ),
    Trigger("attack", _p(r"\battacks? on\b|\battacked\b"), _cues("attack"), strong=False),
)


def _cue_index() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[int, ...]]]:
    """Regexes over all cue words (and over the ASCII ones), and the triggers each word cues."""
    words = sorted({w for t in TRIGGERS for w in t.cues}, key=len, reverse=True)
    index = {
        word: tuple(
            i for i, t in enumerate(TRIGGERS) if any(word.startswith(cue) for cue in t.cues)
        )
        for word in words
    }
    latin = [w for w in words if w.isascii()]
    return (
        re.compile(r"\b(" + _trie(words) + ")"),
        re.compile(r"\b(" + _trie(latin) + ")"),
        index,
    )


def _trie(words: list[str]) -> str:
    """An alternation of `words` factored by common prefixes, matching the longest word first.

    Python's regex engine tries a flat alternation word by word at every position; the factored
    form rejects most positions at the first character.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # a shorter word ends here: longest first

    return emit(root)


_CUE_RE, _CUE_RE_ASCII, _CUE_INDEX = _cue_index()


def find_triggers(sentence: str) -> list[tuple[Trigger, re.Match[str]]]:
    """Triggers matching the sentence; a single cue scan picks the few patterns worth running.

    For ASCII sentences the matches are over the lower-cased sentence (same offsets).
    """
    lowered = lowered_ascii(sentence)
    cues = _CUE_RE.findall(sentence.lower()) if lowered is None else _CUE_RE_ASCII.findall(lowered)
    if not cues:
        return []
    wanted: set[int] = set()
    for cue in cues:
        wanted.update(_CUE_INDEX[cue])
    found = []
    for i in sorted(wanted):
        match = TRIGGERS[i].pattern.search(sentence, lowered)
        if match is not None:
            found.append((TRIGGERS[i], match))
    return found


# Cues that a trigger is negated, hypothetical or generic in its clause.
NOT_NEWS_BEFORE = CaselessPattern(
    r"(?:\b(?:no|not|never|without|nor|would|could|might|may|if|whether|to prevent|"
    r"against such|prevent|avoid|fear(?:s|ed)?|threaten(?:s|ed)? to|risk of|plans? to|"
    r"planned to|any|such|none of)\b|n't)[^,;.]{0,25}$"
)

# Casualty and arrest mentions, and the cues that deny them.
INJURY = CaselessPattern(
    r"\b(?:injur(?:ed|ies|y)|hurt|wounded|casualt(?:y|ies)|harmed|killed|dead)\b",
    r"пострадавш|пострадал",
)
ARREST = CaselessPattern(
    r"\b(?:arrest(?:ed|s)?|detained|apprehended|taken into custody|in custody|charged|caught)\b"
)
DENIAL = CaselessPattern(
    r"\b(?:no|not|nobody|no one|none|without|never|neither|unharmed)\b|n't", r"\bнет\b|\bне\b"
)
