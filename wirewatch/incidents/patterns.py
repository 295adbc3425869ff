"""Trigger patterns: which words report which incident type, and how strongly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.incident import IncidentType


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger pattern. Weak triggers ("an attack on X") only corroborate an incident."""

    type: IncidentType
    pattern: re.Pattern[str]
    strong: bool = True
    needs_diplomatic_target: bool = False


def _p(text: str) -> re.Pattern[str]:
    return re.compile(text, re.I)


_W = r"[^.;]{0,60}?"  # a short stretch inside one clause

TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "arson_attempt", _p(r"\bmolotov cocktails?\b|\bpetrol bombs?\b|\bfire ?bomb(?:s|ed)?\b")
    ),
    Trigger(
        "arson_attempt",
        _p(r"\bincendiary (?:device|bottle|mixture)s?\b|\battempted arson\b|\barson attempt\b"),
    ),
    Trigger(
        "arson_attempt",
        _p(
            r"\bbottle (?:filled with|of|containing|with) (?:a )?(?:flammable|incendiary|combustible)\b"
        ),
    ),
    Trigger("arson_attempt", _p(r"\bset (?:fire to|on fire)\b|\btorched\b")),
    Trigger(
        "arson_attempt",
        _p(r"зажигательн\w+ смес\w+|горюч\w+ жидкост\w+|коктейл\w+ молотова|поджог\w*"),
    ),
    Trigger(
        "threat",
        _p(
            r"\bthreatening (?:letter|message|call|e-?mail|note)s?\b|\bletters? (?:with|containing) threats\b"
        ),
    ),
    Trigger(
        "threat",
        _p(
            r"\b(?:white|suspicious|unknown) powder\b|\bsuspicious (?:envelope|package|parcel|letter)s?\b|\bbomb threats?\b"
        ),
    ),
    Trigger("threat", _p(r"письм\w* с угрозами|угроз\w+ в адрес|порошк\w+|порошок")),
    Trigger(
        "bombing",
        _p(
            rf"\b(?:bomb|explosive device|explosive|grenade|device){_W}\b(?:exploded|went off|detonated|blew up)\b"
        ),
    ),
    Trigger("bombing", _p(r"\b(?:bomb|explosion|blast)\b(?! threat)")),
    Trigger(
        "vehicle_ramming",
        _p(
            rf"\b(?:car|vehicle|truck|lorry|van|hatchback|jeep|suv)\b{_W}\b(?:rammed|crashed into|slammed into|smashed into|ploughed into|plowed into|was driven into|drove into|hit the (?:main )?(?:entrance )?(?:gate|fence))"
        ),
    ),
    Trigger(
        "vehicle_ramming",
        _p(
            r"\bdr(?:ove|iving) (?:a|his|her|the) (?:car|vehicle|truck|van)\b[^.;]{0,20}\binto\b|\brammed\b|\bramming\b"
        ),
    ),
    Trigger(
        "cyberattack",
        _p(
            r"\bddos\b|\bdenial[- ]of[- ]service\b|\bcyber[- ]?attacks?\b|\bhacker attacks?\b|\bwebsite (?:was |had been )?(?:hacked|defaced|knocked offline|taken down)\b"
        ),
    ),
    Trigger(
        "vandalism",
        _p(
            rf"\bpaint\b{_W}\b(?:thrown|splashed|splattered|sprayed|daubed|poured)\b|\b(?:threw|thrown|splashed|splattered|daubed|covered)\b{_W}\bpaint\b"
        ),
    ),
    Trigger(
        "vandalism",
        _p(
            r"\b(?:threw|thrown|throwing|hurled) eggs\b|\beggs (?:were|was|had been) thrown\b|\bbroken eggs\b"
        ),
    ),
    Trigger(
        "vandalism",
        _p(
            rf"\b(?:smashed|broke|shattered)\b{_W}\bwindows?\b|\bwindows?\b{_W}\b(?:were|was|had been|got) (?:smashed|broken|shattered)\b"
        ),
    ),
    Trigger("vandalism", _p(r"\bgraffiti\b|\bact of vandalism\b|\bvandali[sz]ed\b|\bdefaced\b")),
    Trigger(
        "blockade",
        _p(
            r"\bblock(?:ed|ing|aded)?\b[^.;]{0,40}\b(?:entrance|access|gate|entry|doors?|road|street|exit)\b|\bblockade\b|\bsit-in\b|\bblockaded\b"
        ),
    ),
    Trigger(
        "protest",
        _p(
            r"\bprotest(?:ed|ing)\s+(?:outside|in front of|at|near|against)\b|\b(?:stage|staged|staging|held|hold|holding)\s+(?:a\s+)?(?:protest|demonstration|rally|picket)\b|\bprotest demonstration\b"
        ),
    ),
    Trigger(
        "protest",
        _p(
            r"\b(?:demonstrators|protesters|protestors)\b[^.;]{0,40}\b(?:gathered|rallied|marched|chanted)\b|\b(?:gathered|rallied|demonstrated)\s+(?:outside|in front of)\b"
        ),
    ),
    Trigger(
        "attack",
        _p(
            rf"\b(?:stabbed|knifed)\b|\bknife attack\b|\battacked\b{_W}\bwith (?:a|an) (?:\w+ )?(?:knife|axe|hammer|machete|bat|gun|pistol)\b|\blunged at\b{_W}\bknife\b|\bopened fire\b|\bshots were fired\b"
        ),
    ),
    Trigger(
        "attack",
        _p(r"\battack(?:ed)? (?:a |the )?(?:police )?(?:officer|guard|policeman|diplomat)s?\b"),
    ),
    Trigger(
        "diplomatic_protest",
        _p(
            r"\bsummon(?:ed|s|ing)?\b|\bnote of protest\b|\bprotest note\b|\bd[ée]marche\b|\b(?:lodged|expressed|conveyed|delivered) (?:a |its |their )?(?:strong |formal )?protest\b|\bhanded (?:a|the) (?:protest )?note\b"
        ),
        needs_diplomatic_target=True,
    ),
    Trigger(
        "expulsion",
        _p(
            r"\bpersona non grata\b|\bexpel(?:led|s|ling)?\b|\bexpulsion of\b|\bordered (?:him|her|them|\w+ diplomats?) to leave\b"
        ),
    ),
    Trigger(
        "other",
        _p(
            r"\b(?:employee|diplomat|attach[ée]|consul|staff member)\b[^.;]{0,80}\b(?:was|were|been) (?:held|detained|arrested) by\b[^.;]{0,40}\b(?:guards|police|officers|authorities)\b"
        ),
    ),
    Trigger(
        "other", _p(r"\bclash(?:ed|es)? with (?:riot )?police\b|\bfought with (?:riot )?police\b")
    ),
    Trigger("attack", _p(r"\battacks? on\b|\battacked\b"), strong=False),
)

# Cues that a trigger is negated, hypothetical or generic in its clause.
NOT_NEWS_BEFORE = re.compile(
    r"(?:\b(?:no|not|never|without|nor|would|could|might|may|if|whether|to prevent|against such|"
    r"prevent|avoid|fear(?:s|ed)?|threaten(?:s|ed)? to|risk of|plans? to|planned to|"
    r"any|such|none of)\b|n't)[^,;.]{0,25}$",
    re.I,
)

# Casualty and arrest mentions, and the cues that deny them.
INJURY = re.compile(
    r"\b(?:injur(?:ed|ies|y)|hurt|wounded|casualt(?:y|ies)|harmed|killed|dead)\b|пострадавш|пострадал",
    re.I,
)
ARREST = re.compile(
    r"\b(?:arrest(?:ed|s)?|detained|apprehended|taken into custody|in custody|charged|caught)\b",
    re.I,
)
DENIAL = re.compile(
    r"\b(?:no|not|nobody|no one|none|without|never|neither|unharmed)\b|n't|\bнет\b|\bне\b",
    re.I,
)
