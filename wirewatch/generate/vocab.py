"""Word pools and sentence templates for synthetic articles: all text here is our own invention."""

from __future__ import annotations

# (city, country adjective, country name): real cities only for realism; the events are invented.
CITIES: tuple[tuple[str, str, str], ...] = (
    ("Oslo", "Norwegian", "Norway"),
    ("Helsinki", "Finnish", "Finland"),
    ("Stockholm", "Swedish", "Sweden"),
    ("Copenhagen", "Danish", "Denmark"),
    ("Berlin", "German", "Germany"),
    ("Vienna", "Austrian", "Austria"),
    ("Prague", "Czech", "Czech Republic"),
    ("Warsaw", "Polish", "Poland"),
    ("Budapest", "Hungarian", "Hungary"),
    ("Bucharest", "Romanian", "Romania"),
    ("Sofia", "Bulgarian", "Bulgaria"),
    ("Athens", "Greek", "Greece"),
    ("Lisbon", "Portuguese", "Portugal"),
    ("Dublin", "Irish", "Ireland"),
    ("Brussels", "Belgian", "Belgium"),
    ("Amsterdam", "Dutch", "Netherlands"),
    ("Bern", "Swiss", "Switzerland"),
    ("Ottawa", "Canadian", "Canada"),
    ("Riga", "Latvian", "Latvia"),
    ("Vilnius", "Lithuanian", "Lithuania"),
    ("Tallinn", "Estonian", "Estonia"),
    ("Ljubljana", "Slovenian", "Slovenia"),
    ("Zagreb", "Croatian", "Croatia"),
    ("Bratislava", "Slovak", "Slovakia"),
    ("Madrid", "Spanish", "Spain"),
    ("Rome", "Italian", "Italy"),
    ("Paris", "French", "France"),
    ("Canberra", "Australian", "Australia"),
)

MISSION_NATIONS: tuple[str, ...] = ("Russian", "Chinese", "Iranian", "Belarusian", "Turkish")
MISSIONS: tuple[str, ...] = ("Embassy", "Consulate General", "Consulate", "trade mission")
WIRE_CITIES: tuple[str, ...] = ("MOSCOW", "BEIJING", "VIENNA", "GENEVA", "ISTANBUL")

FIRST_NAMES: tuple[str, ...] = (
    "Nikolai", "Pavel", "Irina", "Oleg", "Marina", "Sergei", "Yelena", "Dmitri", "Anna",
    "Viktor", "Tatiana", "Konstantin", "Galina", "Boris", "Larisa", "Arkady", "Vera", "Roman",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Serebrov", "Gurgenov", "Volkhonsky", "Artamonov", "Sokolnikov", "Grebnev", "Lapin",
    "Dorofeev", "Kruglova", "Tishin", "Rudakova", "Zimin", "Belousov", "Orlikova", "Fadeyev",
    "Shvetsov", "Yermakova", "Kostin", "Malyshev", "Savina",
)  # fmt: skip
BYLINE_NAMES: tuple[str, ...] = (
    "Sana Qureshi", "Imran Baig", "Zeeshan Mehtab", "Ayesha Malik", "Faisal Rauf",
    "Hina Javed", "Usman Tariq", "Mehwish Anwar", "Bilal Sheikh", "Nadia Aslam",
)  # fmt: skip
REPORTERS: tuple[str, ...] = (
    "Anders Holm", "Petra Novak", "Lukas Berger", "Ines Moreau", "Tomas Ruiz", "Karin Lund",
    "Marta Kowal", "Elena Costa", "Jonas Weber", "Clara Fischer",
)  # fmt: skip
RECENT_STORIES: tuple[str, ...] = (
    "Punjab Govt Launches Anti-dengue Drive In Rawalpindi",
    "Sindh Announces Public Holiday On Friday",
    "Gold Rates In Pakistan Today",
    "Dollar Rate In Pakistan Today",
    "Two Held With Heroin In Peshawar",
    "IMF Mission To Visit Islamabad Next Week: Official",
    "PSX Closes Week On Positive Note, KSE-100 Gains 412 Points",
    "Karachi Weather Update: Hot And Humid Conditions Likely",
    "Japan's Exports Rise For Third Straight Month",
    "UN Chief Urges Restraint As Tensions Rise In Horn Of Africa",
    "Australian Open: Top Seed Advances To Third Round",
    "Wheat Procurement Target Set For Southern Districts",
)

WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
HOURS: tuple[str, ...] = ("1", "2", "3", "4", "5", "10", "11")
COLOURS: tuple[str, ...] = ("red", "green", "blue", "yellow", "black", "white")
OBJECTS: tuple[str, ...] = ("stones", "bricks", "bottles", "metal bars", "paving slabs")
PARTS: tuple[str, ...] = ("facade", "main gate", "fence", "front door", "nameplate", "windows")
VEHICLES: tuple[str, ...] = ("a van", "a car", "a pickup truck", "an SUV", "a delivery van")

# Incident kinds: (label type, headline verb phrase, lede clause). Slots: {nat} {mission} {city}
# {colour} {objects} {part} {vehicle} {hour}.
INCIDENTS: dict[str, tuple[str, str]] = {
    "vandalism": (
        "Vandals Splash {colour} Paint on {nat} {mission} in {city}",
        "unidentified people threw {colour} paint and eggs at the building of the {nat} "
        "{mission} in {city} overnight, damaging the {part}",
    ),
    "arson_attempt": (
        "Molotov Cocktail Thrown at {nat} {mission} in {city}",
        "an unknown man threw a Molotov cocktail at the {nat} {mission} in {city} late at night, "
        "setting fire to the {part} before staff put the flames out",
    ),
    "protest": (
        "Hundreds Protest Outside {nat} {mission} in {city}",
        "several hundred protesters rallied outside the {nat} {mission} in {city}, chanting "
        "slogans and blocking the {part} for about {hour} hours",
    ),
    "vehicle_ramming": (
        "Driver Rams Gate of {nat} {mission} in {city}",
        "a man drove {vehicle} into the {part} of the {nat} {mission} in {city} early in the "
        "morning, and police detained the driver at the scene",
    ),
    "threat": (
        "Envelope With White Powder Sent to {nat} {mission} in {city}",
        "an envelope containing a suspicious white powder was delivered to the {nat} {mission} "
        "in {city}, and the building was partly evacuated",
    ),
}

# Body paragraphs of wire originals. Slots: {official} {surname} {nat} {mission} {city} {n1}
# {n2} {weekday} {country} {part} {hour} {objects}.
WIRE_PARAGRAPHS: tuple[str, ...] = (
    '"At about {hour} a.m. our duty officer heard noise near the {part}. When he looked out, '
    '{n1} people were already running away toward the {street}. We called the police at once," '
    "{surname} said.",
    "The diplomat said that nobody among the {n2} employees on duty was hurt and that officers "
    "arrived about {n1} minutes after being called on {weekday}.",
    '"We regard this as a deliberate act of intimidation. The {country} side is obliged to '
    'protect diplomatic premises, and we expect a proper response," {surname} added.',
    "According to {surname}, it was the {ordinal} incident involving the mission since {month}, "
    "but the first in which the {part} itself was damaged.",
    "The {city} police told Sputnik that it had received a report about the {mission} on "
    "{weekday} and that investigators were reviewing footage from {n2} cameras nearby.",
    "{surname} said the {mission} had sent a note to the {country} foreign ministry demanding "
    "that those responsible be found and that security around {n1} missions be reinforced.",
    "The {mission} plans to keep receiving visitors on {weekday}, although the {part} will stay "
    "closed while the damage is assessed by {n1} experts, the {official_title} added.",
    "Local residents told reporters that a group of about {n2} people had gathered near the "
    "{street} earlier that evening, shouting and waving flags, before leaving in {n1} cars.",
)

UPDATE_PARAGRAPHS: tuple[str, ...] = (
    "Later on {weekday}, the {country} foreign ministry said in a statement that it condemned "
    "any attack on diplomatic premises and that police had increased patrols around {n1} "
    "foreign missions in {city} as a precaution.",
    "Police in {city} said on {weekday} evening that they had identified {n1} suspects with the "
    "help of footage from {n2} street cameras, and that one of them, a {age}-year-old local "
    "man, had been detained for questioning.",
    "{surname} told Sputnik in a follow-up interview that the {mission} had received a written "
    "apology from the {country} authorities, but said that words alone would not guarantee the "
    "safety of the staff and their {n2} family members.",
)

# Independent local reports of an incident, written separately. Slots like the wire ones plus
# {reporter} {outlet}.
LOCAL_PARAGRAPHS: tuple[str, ...] = (
    "Officers were called to {street_cap} Street at around {hour} a.m. and closed it to traffic "
    "for {n1} hours while forensic teams examined the {part}, {cop_rank} {reporter_cop} said.",
    '"Nobody was hurt. We ask anyone who was near the {street} that night to call us," '
    "{reporter_cop} told the {outlet}, adding that {n2} people had phoned in already.",
    "Neighbours described hearing shouting shortly before it happened. {resident}, who runs a "
    "{shop} across the road, said the street had been calm for {n1} weeks.",
    "The {nat} side has complained about security in {city} {n1} times this year, according "
    "to a list its press office handed to the {outlet} on {weekday}.",
    "City councillor {resident} called the incident {adjective} and said {n1} extra patrols "
    "would be requested for the {district} district, where {n2} residents signed a petition.",
    "CCTV footage seen by the {outlet} shows {n1} figures in dark clothing near the {part} "
    "shortly after {hour} a.m.; police would not comment on the images.",
    "A {shop} owner, {resident}, told the {outlet} he found broken glass on the pavement "
    "when he opened at {hour} a.m. and that {n2} customers had asked him what happened.",
    "The {city} prosecutor's office said a case had been opened under article {n2} of the "
    "criminal code, which carries a penalty of up to {n1} years.",
)
LOCAL_OPENERS: tuple[str, ...] = (
    "Police in {city} are investigating after {incident_local} on {weekday}, a spokesperson "
    "confirmed to the {outlet}.",
    "{city} police said on {weekday} they had opened an inquiry after {incident_local}.",
    "An investigation is under way after {incident_local} late on {weekday}, officers said.",
)
RESIDENTS: tuple[str, ...] = (
    "Maria Lindqvist", "Jan de Vries", "Sofia Marin", "Pieter Claes", "Eva Horvath",
    "Luca Bianchi", "Hanna Virtanen", "Mikkel Dahl", "Ana Silva", "Tomasz Nowak",
)  # fmt: skip
SHOPS: tuple[str, ...] = ("bakery", "kiosk", "cafe", "pharmacy", "bookshop", "florist")
DISTRICTS: tuple[str, ...] = ("northern", "old", "embassy", "harbour", "central", "eastern")
ADJECTIVES: tuple[str, ...] = ("shameful", "unacceptable", "worrying", "cowardly", "reckless")
COP_RANKS: tuple[str, ...] = ("Inspector", "Sergeant", "spokesperson", "Chief Inspector")
LOCAL_INCIDENTS: dict[str, str] = {
    "vandalism": "{colour} paint was thrown at the {nat} {mission} in {city}",
    "arson_attempt": "a Molotov cocktail was thrown at the {nat} {mission} in {city}",
    "protest": "several hundred people protested outside the {nat} {mission} in {city}",
    "vehicle_ramming": "a driver rammed {vehicle} into the gate of the {nat} {mission} in {city}",
    "threat": "a letter with white powder was sent to the {nat} {mission} in {city}",
}
LOCAL_OUTLETS: tuple[tuple[str, str], ...] = (
    ("Northern Ledger", "northernledger.example"),
    ("City Courier", "citycourier.example"),
    ("Harbour Times", "harbourtimes.example"),
    ("Evening Dispatch", "eveningdispatch.example"),
)

# Negatives: unrelated news. Slots: {city} {country} {n1} {n2} {n3} {surname} {first} {thing}
# {weekday} {month} {sector}.
NEGATIVE_HEADLINES: tuple[str, ...] = (
    "{thing} Output in {city} Region Grows {n1}% in {month}",
    "{city} Opens New {thing} Plant With {n2} Jobs",
    "Researchers in {city} Test New {thing} for Cold Climates",
    "{country} Plans to Expand {thing} Exports by {n1}% Next Year",
)
NEGATIVE_PARAGRAPHS: tuple[str, ...] = (
    "{first} {surname}, who heads the {sector} department in {city}, said on {weekday} that "
    "output of {thing_lower} had reached {n2} thousand units in {month}, up {n1}% on a year "
    "earlier.",
    '"We have signed {n3} new contracts this quarter, most of them with buyers from {region}," '
    "{surname} said, adding that deliveries would start within {n1} weeks.",
    "The project received {n2} million in regional funding and employs {n3} engineers, "
    "according to figures published by the {sector} ministry of {country} on {weekday}.",
    "Analysts at {bank} expect demand for {thing_lower} to rise by {n1}% over the next {n3} "
    "years as {sector} companies replace equipment bought in the {decade}s.",
    "{surname} said the {city} site would be expanded in {n3} stages and that a second line "
    "capable of producing {n2} units a month was planned for {month} next year.",
    "Local officials in {city} welcomed the investment, saying it would bring about {n3} new "
    "jobs and help keep young {sector} specialists in the region.",
)
THINGS: tuple[str, ...] = (
    "Battery", "Fertilizer", "Grain", "Container", "Timber", "Steel", "Solar Panel", "Glass",
    "Ferry", "Textile", "Cement", "Copper", "Tram", "Dairy", "Wind Turbine", "Paper",
)  # fmt: skip
SECTORS: tuple[str, ...] = (
    "energy", "transport", "agriculture", "industry", "science", "trade", "shipping", "housing",
)  # fmt: skip
REGIONS: tuple[str, ...] = ("Asia", "the Gulf", "South America", "Africa", "Central Europe")
BANKS: tuple[str, ...] = ("Nordbank", "Alpine Capital", "Baltic Securities", "Danube Invest")
STREETS: tuple[str, ...] = ("river", "main road", "park", "tram stop", "old town", "harbour")
ORDINALS: tuple[str, ...] = ("second", "third", "fourth", "fifth")
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
