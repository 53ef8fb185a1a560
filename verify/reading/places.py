"""Countries, their regions and their demonyms: enough geography to tell a place conflict
from a place stated at another level.

"born in Sheffield" does not refute "born in England" (a city lies in a country, and no list
here knows every city), but "Lake Huron is in Nigeria" does refute "... in Ontario": both are
named here, and neither contains the other. Only names this module knows can conflict, except in
a journey's order: 'from Singapore to Surabaya' is not 'from Surabaya to Singapore', whatever the
places are.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..text import nearest_spelling, words

# country: demonyms (first-level regions listed below point back to their country)
_COUNTRIES = """
afghanistan:afghan albania:albanian algeria:algerian argentina:argentine,argentinian
armenia:armenian australia:australian austria:austrian azerbaijan:azerbaijani
bangladesh:bangladeshi belarus:belarusian belgium:belgian bolivia:bolivian
bosnia:bosnian brazil:brazilian bulgaria:bulgarian burundi:burundian cambodia:cambodian,khmer
cameroon:cameroonian canada:canadian chile:chilean china:chinese colombia:colombian
croatia:croatian cuba:cuban cyprus:cypriot czechia:czech denmark:danish egypt:egyptian
estonia:estonian ethiopia:ethiopian finland:finnish france:french
germany:german ghana:ghanaian greece:greek haiti:haitian hungary:hungarian iceland:icelandic
india:indian indonesia:indonesian iran:iranian iraq:iraqi ireland:irish israel:israeli
italy:italian jamaica:jamaican japan:japanese kazakhstan:kazakh kenya:kenyan
kuwait:kuwaiti laos:laotian,lao latvia:latvian lebanon:lebanese libya:libyan
lithuania:lithuanian luxembourg:luxembourgish malaysia:malaysian mexico:mexican
mongolia:mongolian morocco:moroccan myanmar:burmese,myanmar nepal:nepalese,nepali
netherlands:dutch nigeria:nigerian norway:norwegian pakistan:pakistani peru:peruvian
philippines:filipino poland:polish portugal:portuguese qatar:qatari romania:romanian
russia:russian rwanda:rwandan senegal:senegalese serbia:serbian singapore:singaporean
slovakia:slovak slovenia:slovenian somalia:somali spain:spanish sudan:sudanese sweden:swedish
switzerland:swiss syria:syrian taiwan:taiwanese tanzania:tanzanian thailand:thai
tunisia:tunisian turkey:turkish uganda:ugandan ukraine:ukrainian uruguay:uruguayan
uzbekistan:uzbek venezuela:venezuelan vietnam:vietnamese yemen:yemeni zambia:zambian
zimbabwe:zimbabwean
""".split()
_MULTI = {
    "united states": ("american",), "united kingdom": ("british",), "south korea": ("korean",),
    "north korea": ("north korean",), "new zealand": ("new zealander",),
    "south africa": ("south african",), "saudi arabia": ("saudi",), "sri lanka": ("sri lankan",),
}
# regions inside a country, which therefore never conflict with it (names that are also
# people's names, like Washington or Victoria, are left out)
_REGIONS = {
    "england": "united kingdom", "scotland": "united kingdom", "wales": "united kingdom",
    "northern ireland": "united kingdom", "ontario": "canada", "quebec": "canada",
    "british columbia": "canada", "alberta": "canada", "manitoba": "canada",
    "nova scotia": "canada", "california": "united states", "texas": "united states",
    "florida": "united states", "new york": "united states", "michigan": "united states",
    "ohio": "united states", "illinois": "united states",
    "massachusetts": "united states", "pennsylvania": "united states",
    "new jersey": "united states", "virginia": "united states", "hawaii": "united states",
    "alaska": "united states", "queensland": "australia",
    "new south wales": "australia", "bavaria": "germany", "catalonia": "spain",
    "tibet": "china", "hong kong": "china", "siberia": "russia",
}
_DEMONYM_REGIONS = {"english": "england", "scottish": "scotland", "welsh": "wales",
                    "texan": "texas", "californian": "california", "quebecois": "quebec"}
# demonyms wider than one country: never in conflict with a country inside them
_WIDE = {"european", "african", "asian", "latin", "arab", "north american", "south american",
         "western", "eastern", "scandinavian", "caribbean", "hispanic"}

COUNTRY: dict[str, str] = {}      # place name or demonym -> the country it names
DEMONYMS: set[str] = set(_DEMONYM_REGIONS) | _WIDE
for _item in _COUNTRIES:
    _name, _dems = _item.split(":")
    COUNTRY[_name] = _name
    for _d in _dems.split(","):
        COUNTRY[_d] = _name
        DEMONYMS.add(_d)
for _name, _dems in _MULTI.items():  # type: ignore[assignment]
    COUNTRY[_name] = _name
    for _d in _dems:
        COUNTRY[_d] = _name
        DEMONYMS.add(_d)
DEMONYMS -= {"myanmar", "lao"}
COUNTRY.update({"usa": "united states", "america": "united states",
                "uk": "united kingdom", "britain": "united kingdom",
                "great britain": "united kingdom", "burma": "myanmar", "holland": "netherlands"})
REGION: dict[str, str] = dict(_REGIONS)
for _d, _r in _DEMONYM_REGIONS.items():
    REGION[_d] = _r

MAX_WORDS = 3
_FIRST_WORDS = frozenset(n.split()[0] for n in (*COUNTRY, *REGION, *_WIDE))


def place_of(name: str) -> tuple[str, str] | None:
    """(country, region or '') for a known place name or demonym (folded words), else None."""
    if name in _DEMONYM_REGIONS:
        region = _DEMONYM_REGIONS[name]
        return _REGIONS[region], region
    if name in _REGIONS:
        return _REGIONS[name], name
    if name in COUNTRY:
        return COUNTRY[name], ""
    return None


def place_stated_by(claimed: str, stated: str) -> bool:
    """``stated`` says at least as much as ``claimed``: the same place, its nationality, or a
    region inside the claimed country ('Thai' states 'Thailand'; 'Britain' not 'England')."""
    pc, ps = place_of(claimed), place_of(stated)
    if not pc or not ps or pc[0] != ps[0]:
        return False
    return not pc[1] or pc[1] == ps[1]


def places_conflict(a: str, b: str) -> bool:
    """Two known places (or demonyms) that cannot both describe one thing's location or
    nationality: different countries, or different regions of one country."""
    if a == b or a in _WIDE or b in _WIDE:
        return False
    pa, pb = place_of(a), place_of(b)
    if not pa or not pb:
        return False
    if pa[0] != pb[0]:
        return True
    return bool(pa[1] and pb[1] and pa[1] != pb[1])


def known_places(ws: list[str]) -> list[tuple[int, int, str]]:
    """Known place names and demonyms in folded words: (first index, end index, name)."""
    out = []
    i = 0
    while i < len(ws):
        if ws[i] not in _FIRST_WORDS:
            i += 1
            continue
        for n in range(MAX_WORDS, 0, -1):
            name = " ".join(ws[i:i + n])
            if len(ws[i:i + n]) == n and (name in COUNTRY or name in REGION or name in _WIDE):
                out.append((i, i + n, name))
                i += n
                break
        else:
            i += 1
    return out


_ARTICLES = frozenset("a an the".split())
_COPULA = frozenset("is are was were be been".split())
_PREPOSITIONS = frozenset("in at to from of near into inside outside on by for".split())
_FUNCTION = _ARTICLES | _PREPOSITIONS | frozenset(
    "and or but is are was were be been has have had who which that its his her their".split())


def _before(ws: list[str], i: int) -> tuple[int, str, set[str]]:
    """The word before position ``i`` (articles skipped), its position, and the content
    words just before it."""
    k = i - 1
    while k >= 0 and ws[k] in _ARTICLES:
        k -= 1
    prev = ws[k] if k >= 0 else ""
    return k, prev, {w for w in ws[max(0, k - 4):max(0, k)] if w not in _FUNCTION}


def _same_slot(cw: list[str], i: int, j: int, pw: list[str], a: int, b: int) -> bool:
    """Two names fill the same slot when the word after them is the same noun ('French actor'
    / 'American actor'), or the same preposition governed by the same word ('born in'), or by
    a copula after a shared noun ('lake ... is in Ontario' / 'lake in Nigeria');
    'returned to Cambodia' and 'fled to Thailand' are different slots."""
    nxt_c = cw[j] if j < len(cw) else ""
    nxt_p = pw[b] if b < len(pw) else ""
    if nxt_c and nxt_c == nxt_p and nxt_c not in _FUNCTION:
        return True
    k_c, prev_c, near_c = _before(cw, i)
    k_p, prev_p, near_p = _before(pw, a)
    if not prev_c or prev_c != prev_p:
        return False
    if prev_c not in _PREPOSITIONS:
        return False  # 'is an American citizen' / 'is a British artist': people hold two
    gov_c, gov_p = _before(cw, k_c)[1], _before(pw, k_p)[1]
    return bool(gov_c) and (gov_c == gov_p or (gov_c in _COPULA and bool(near_c & near_p)))


Known = list[tuple[int, int, str]]


# heads that say what kind of thing a name is, so that its modifier says which one
GENERIC_HEADS = frozenset("""embassy consulate province district county state city town village
river lake mountain island street road avenue square court ministry party university college
school hospital airport stadium prison temple pagoda church mosque council committee army police
agency commission bank station bridge park prize award cup league""".split())
DIRECTIONS = frozenset("north south east west northern southern eastern western upper lower "
                       "central greater new old".split())


def _name_slot(cw: list[str], e: list[str], pw: list[str], f: list[str]) -> bool:
    """Two names stand in the same place in their sentences: same word before or after."""
    try:
        i, a = cw.index(e[0]), pw.index(f[0])
    except ValueError:
        return False
    j, b = i + len(e), a + len(f)
    if j < len(cw) and b < len(pw) and cw[j] == pw[b] and cw[j] not in _FUNCTION:
        return True
    prev = _before(cw, i)[1]
    if prev and prev == _before(pw, a)[1]:
        return True
    # 'born in South Yorkshire' / 'born in Sheffield, West Riding of Yorkshire'
    return prev in _PREPOSITIONS and prev in pw[max(0, a - 3):a]


def slot_conflicts(claim_words: list[str], claim_entities: list[list[str]],
                   passage_words: list[str], passage_entities: list[list[str]],
                   match: Callable[[str, set[str]], str | None],
                   claim_known: Known | None = None, passage_known: Known | None = None,
                   ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Names the passage gives where the claim gives another: (claim's, passage's) pairs in
    the same slot, and nationalities that differ in other slots ('is a Canadian' / 'is an
    American actor': people hold two, so that only keeps the passage from confirming).

    Two kinds: a known place or nationality in the same slot ('a French actor' / 'an American
    actor'), and a multiword name that keeps its head or first word but changes the other
    ('US Embassy' / 'Chinese Embassy', 'Kampong Cham' / 'Kampong Chhnang')."""
    out: list[tuple[str, str]] = []
    loose: list[tuple[str, str]] = []
    pset, cset = set(passage_words), set(claim_words)
    kp = known_places(passage_words) if passage_known is None else passage_known
    pnames = {n for _, _, n in kp}
    if not kp:
        claim_known = []  # nothing to conflict with
    for i, j, c in known_places(claim_words) if claim_known is None else claim_known:
        if c in pnames or c in _WIDE or any(not places_conflict(c, n) for n in pnames):
            continue  # stated, or stated at another level (Thai / Thailand, Ontario / Canada)
        for a, b, p in kp:
            if places_conflict(c, p) and _same_slot(claim_words, i, j, passage_words, a, b):
                out.append((c, p))
                break
        else:
            if c in DEMONYMS and any(p in DEMONYMS and places_conflict(c, p) for p in pnames):
                loose.append((c, next(p for p in pnames if p in DEMONYMS and places_conflict(c, p))))
    for e in claim_entities:
        if len(e) < 2 or all(match(t, pset) for t in e):
            continue
        for f in passage_entities:
            if len(f) < 2 or f == e:
                continue
            # 'US Embassy' / 'Chinese Embassy', 'South Yorkshire' / 'West ... Yorkshire' in the
            # same slot; but 'Bob Riley' / 'Robert Renfroe Riley' may be one man, so a shared
            # surname is not
            if (e[-1] == f[-1] and (e[-1] in GENERIC_HEADS or e[0] in DIRECTIONS or f[0] in DIRECTIONS)
                    and not match(e[0], pset) and not match(f[0], cset) and not misspelt(e[0], f[0])
                    and _name_slot(claim_words, e, passage_words, f)):
                out.append((" ".join(e), " ".join(f)))
                break
            # 'in Kampong Cham province' / 'in Kampong Chhnang province': same slot, same first word
            if (len(e) == len(f) == 2 and e[0] == f[0] and not match(e[1], pset)
                    and not match(f[1], cset) and not misspelt(e[1], f[1])
                    and _name_slot(claim_words, e, passage_words, f)):
                out.append((" ".join(e), " ".join(f)))
                break
    taken = {c for c, _ in out} | {c for c, _ in loose}
    governed = governed_slots(claim_words, claim_entities, passage_words, passage_entities, match)
    loose += [pair for pair in governed if pair[0] not in taken]
    return out, loose


def governed_slots(claim_words: list[str], claim_entities: list[list[str]],
                   passage_words: list[str], passage_entities: list[list[str]],
                   match: Callable[[str, set[str]], str | None]) -> list[tuple[str, str]]:
    """Any two names, each absent from the other text, governed by the same word and
    preposition ('the governor of Ardenia' / 'the governor of Belmora', 'played for Leeds' /
    'played for Hull'): the passage speaks of the claim's subject, but with another name
    where the claim has its own. Loose only (one may play for two clubs): it keeps the
    passage from confirming the claim, and lets a model sure of a contradiction accuse."""
    out: list[tuple[str, str]] = []
    pset, cset = set(passage_words), set(claim_words)
    for e in claim_entities:
        if any(match(t, pset) for t in e) or e[0] not in claim_words:
            continue
        k_c, prev_c, _ = _before(claim_words, claim_words.index(e[0]))
        gov_c = _before(claim_words, k_c)[1]
        if prev_c not in _PREPOSITIONS or not gov_c or gov_c in _FUNCTION:
            continue  # not governed by a word and a preposition: no slot to fill
        for f in passage_entities:
            if any(match(t, cset) for t in f) or f[0] not in passage_words:
                continue
            one, other = "".join(e), "".join(f)
            if one.startswith(other) or other.startswith(one) or misspelt(one, other):
                continue  # 'CO2' / 'CO 2': one name spelt two ways
            k_p, prev_p, _ = _before(passage_words, passage_words.index(f[0]))
            if prev_p == prev_c and _before(passage_words, k_p)[1] == gov_c:
                out.append((" ".join(e), " ".join(f)))
                break
    return out


def misspelt(a: str, b: str) -> bool:
    """One name word spelt one letter differently from another ('Pehn' / 'Penh', 'Siem Reap' /
    'Seim Reap'): a typo or a transliteration, not another name."""
    return min(len(a), len(b)) >= 4 and nearest_spelling(a, [b]) is not None


def elsewhere(claim_words: list[str], passage_words: list[str],
              claim_known: Known | None = None, passage_known: Known | None = None) -> bool:
    """The passage is about another country than the claim: the claim's country (or region)
    is not named, and a different one is ('... in Mexico' / 'France has reported ...')."""
    ck = known_places(claim_words) if claim_known is None else claim_known
    mine = {n for _, _, n in ck if n not in _WIDE}
    if not mine:
        return False
    pk = known_places(passage_words) if passage_known is None else passage_known
    theirs = {n for _, _, n in pk if n not in _WIDE}
    if not theirs or any(not places_conflict(c, p) for c in mine for p in theirs):
        return False
    return True


_NAME_RUN = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
# 'from Surabaya to Singapore', 'from the Indonesian city of Surabaya to Singapore'
_ROUTE = re.compile(rf"\bfrom\s+(?:[\w’'-]+\s+){{0,5}}?({_NAME_RUN})\s+to\s+(?:the\s+)?({_NAME_RUN})")


@lru_cache(maxsize=4096)
def routes(text: str) -> tuple[tuple[str, str, str], ...]:
    """Journeys as written, 'from A to B': (A, B, the phrase), names folded."""
    return tuple((" ".join(words(m.group(1))), " ".join(words(m.group(2))), m.group(0))
                 for m in _ROUTE.finditer(text))


def reversed_routes(claim: str, passage: str) -> list[tuple[str, str]]:
    """A journey the claim gives one way and the passage the other ('from Singapore to
    Surabaya' / 'from Surabaya to Singapore'): (claim's phrase, passage's phrase)."""
    theirs = routes(passage)
    return [(f"from {a.title()} to {b.title()}", p_text) for a, b, _ in routes(claim)
            for c, d, p_text in theirs if (a, b) == (d, c) and a != b]
