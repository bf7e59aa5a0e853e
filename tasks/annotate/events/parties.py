"""Party identity for story matching only: a capital or seat of power stands for its country.

Arabic news names a state by its capital or seat of power as often as by its name (موسكو،
الكرملين، واشنطن، البيت الأبيض). The entities annotator gives them different ids, correctly,
so two reports of one meeting would share no participant. ``party_key`` maps such ids to
their country's id for the participant comparison of ``stories.py``; stored ids never change.
"""

from __future__ import annotations

from functools import lru_cache

# Canonical names of the entities alias table (tasks/annotate/entities/data/aliases.tsv):
# seat of power or capital → country. Only names used metonymically for the state in
# political news; cities that host other parties' talks (Brussels = NATO/EU, Geneva,
# Vienna, New York) are deliberately absent. Source: the alias table's LOC/ORG rows.
SEATS = {
    "Moscow": "Russia", "Kremlin": "Russia", "Russian Ministry of Foreign Affairs": "Russia",
    "Russian Ministry of Defence": "Russia",
    "Washington, D.C.": "United States", "White House": "United States", "Pentagon": "United States",
    "United States Department of State": "United States",
    "Kyiv": "Ukraine", "Minsk": "Belarus", "Warsaw": "Poland", "Berlin": "Germany", "Paris": "France",
    "London": "United Kingdom", "Rome": "Italy", "Beijing": "China", "Tokyo": "Japan",
    "Tehran": "Iran", "Baghdad": "Iraq", "Damascus": "Syria", "Beirut": "Lebanon", "Amman": "Jordan",
    "Cairo": "Egypt", "Riyadh": "Saudi Arabia", "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates",
    "Manama": "Bahrain", "Muscat": "Oman", "Sanaa": "Yemen", "Ankara": "Turkey", "Khartoum": "Sudan",
    "Tunis": "Tunisia", "Rabat": "Morocco", "Kabul": "Afghanistan", "Islamabad": "Pakistan",
}


@lru_cache(maxsize=1)
def seat_ids() -> dict[str, str]:
    """Entity id of each seat in ``SEATS`` → entity id of its country (empty if entities is absent)."""
    try:  # the ids are the entities annotator's; without it there is nothing to map
        from akhbar.tasks.annotate.entities.gazetteer import alias_rows
        from akhbar.tasks.annotate.entities.linker import row_entity_id
    except ImportError:
        return {}
    index = {r.canonical: i for i, r in enumerate(alias_rows())}
    return {row_entity_id(index[seat]): row_entity_id(index[country])
            for seat, country in SEATS.items() if seat in index and country in index}


def party_key(entity_id: str) -> str:
    """The id a participant is compared under: its country's for a seat of power, else itself."""
    return seat_ids().get(entity_id, entity_id)


# v6: nisba adjectives naming a state (الحشد العسكري الروسي، المحادثات الأمريكية الروسية): the
# entities annotator tags names, not adjectives, so a noun trigger followed by one had no actor
# (sample 004's build-up). Folded masculine forms; the feminine (ة, folded ه) is accepted too.
NISBAS = {
    "الروسي": "Russia", "الامريكي": "United States", "الاميركي": "United States", "الايراني": "Iran",
    "التركي": "Turkey", "السعودي": "Saudi Arabia", "الاوكراني": "Ukraine", "الاسرائيلي": "Israel",
    "المصري": "Egypt", "القطري": "Qatar", "العراقي": "Iraq", "السوري": "Syria", "اليمني": "Yemen",
    "الاردني": "Jordan", "الصيني": "China", "الفرنسي": "France", "البريطاني": "United Kingdom",
    "الالماني": "Germany", "البيلاروسي": "Belarus", "الكويتي": "Kuwait", "البحريني": "Bahrain",
    "الاماراتي": "United Arab Emirates", "اللبناني": "Lebanon", "الافغاني": "Afghanistan",
    "الباكستاني": "Pakistan",
}


@lru_cache(maxsize=1)
def nisba_ids() -> dict[str, str]:
    """Folded nisba adjective (masculine and feminine) → the entity id of its state."""
    try:
        from akhbar.tasks.annotate.entities.gazetteer import alias_rows
        from akhbar.tasks.annotate.entities.linker import row_entity_id
    except ImportError:
        return {}
    index = {r.canonical: i for i, r in enumerate(alias_rows())}
    out = {}
    for adj, country in NISBAS.items():
        if country in index:
            out[adj] = out[adj + "ه"] = row_entity_id(index[country])
    return out
