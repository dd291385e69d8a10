"""The counted noun of a quantity: the head of the noun phrase after it, or the one a verb implies.

"37 new measles cases" counts *cases* (head "case", modifiers "new", "measles"); "the death toll
rose to 41" counts deaths; "killing at least 19" and "12,000 who fled" count people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.text.patterns import MONTHS, WEEKDAYS, CaseFree
from monitor.text.records import record
from monitor.text.sentences import word_set
from monitor.text.shares import population_of_part


@record
class Unit:
    """A counted noun phrase as written, where it ends, and whether the text implied it."""

    text: str
    end: int
    implied: bool = False


_MEASURE_WORD = (
    r"mm|ml|cl|millimet(?:er|re)s?|cm|calibre|caliber|ounces?|oz|litres?|liters?|l|gallons?"
    r"|inch(?:es)?|in|ft|foot|kg|lbs?|g|pounds?|grams?|page|megapixel|watt|volt"
)
_TOKEN = re.compile(
    rf"\s*(?:(?P<cal>\d+(?:\.\d+)?(?:x\d+)?\s?-?(?:{_MEASURE_WORD})\b\.?)"
    r"|(?P<word>(?:[A-Z]\.){2,}(?=\s+[A-Za-z])|[A-Za-z][A-Za-z0-9’'-]*))"  # "3 U.S. soldiers"
)
_STOP = word_set(
    """a an the to from in into on at by for with without of and or nor but that which who whom
    whose this these those it its their his her our your my is are was were be been being has
    have had will would could should may might can must shall do does did not as than since
    during over under between through across per via each every already also so such said says
    including like plus while when where if after before until about around against toward
    towards within among amid despite more than there here then now yet still just only even
    ago last next"""
)
# Words that open a counted phrase although they are function words elsewhere ("17 more cases").
_LEADING = word_set("more other further extra additional new")
_IRREGULAR = word_set(
    """people personnel men women children police staff militia infantry aircraft livestock
    cattle sheep fish deer ammunition equipment cargo artillery weaponry materiel hardware
    crew"""
)
_IRREGULAR_ENDINGS = ("children", "people", "men")  # grandchildren, servicemen, gunmen
# Nominal adjectives that are counted on their own: "left 12 dead", "40 wounded".
_PRONOUNS = word_set("them those these us whom which it")
_NOMINAL_BY = word_set(
    "confirmed known reported presumed suspected civilian"
)  # "75 confirmed dead"
_NOMINAL = word_set(
    """dead injured wounded missing displaced homeless hospitalized hospitalised infected
    evacuated killed hurt sick arrested detained trapped stranded"""
)
NOT_COUNTED = word_set(
    """second minute hour day week month year decade century centurie fortnight night weekend
    time fold point dollar euro pound yuan renminbi ruble rouble won yen hryvnia franc rupee
    peso cent penny pence shekel lira dinar rial riyal dirham krone kroner krona baht ringgit
    rand usd percent metre meter litre liter gallon tonne acre hectare kilometre kilometer mile
    foot feet inch yard"""
)
_MAX_WORDS = 7  # "778,562 Chevrolet Cobalt and Pontiac G5 compact cars"
_NUMBER_WORDS = word_set(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion dozen"""
)
# Nouns counted in the singular after "one", "1" or "a single": "one death", "one victim".
SINGULAR_COUNTED = word_set(
    """death victim person case child patient fatality casualty body man woman soldier worker
    employee infection hospitalization hospitalisation injury arrest vehicle car home house
    building school hospital student teacher officer firefighter resident survivor adult baby
    girl boy civilian fighter missile drone rocket shell plant factory job member strike
    attack county state"""
)
# Plural-looking words that follow a counted noun without being its head (verbs, adverbs).
_NOT_HEADS = word_set(
    """was is has does says remains stands totals includes means seems goes comes makes takes
    gives shows tops hits marks brings sets puts leaves less unless always perhaps afterwards
    besides whereas towards as thus yes this his its us"""
)


@lru_cache(maxsize=8192)  # a function of one word: words recur across texts
def is_plural(word: str) -> bool:
    """True when a word reads as a plural noun ("cases", "people", "Ys")."""
    lower = word.lower()
    if lower in _IRREGULAR or lower.endswith(_IRREGULAR_ENDINGS):
        return True
    if len(word) == 2 and word[0].isupper() and word[1] == "s":
        return True  # "4,200 Model Ys"
    if len(word) > 4 and word[0].isupper() and word[1:].islower() and lower.endswith("is"):
        return True  # a people's plural: "1,400 Israelis", "Iraqis", "Bangladeshis"
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
        and lower not in _STOP
    )


_SINGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "lives": "life",
    "wives": "wife", "knives": "knife", "thieves": "thief", "halves": "half", "leaves": "leaf",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "series": "series",
    "species": "species", "police": "police", "staff": "staff", "personnel": "personnel",
    "news": "news", "aircraft": "aircraft",
}  # fmt: skip


@lru_cache(maxsize=8192)  # a function of one word: words recur across texts
def singular(word: str) -> str:
    """A noun lowercased and made singular: "Cases" -> "case", "casualties" -> "casualty".

    Binding a claim to a figure compares `singular` of both sides, so consistency matters
    more than perfect English: the same function must be used on the figure's units.
    """
    lower = word.lower().rstrip("’'")
    if lower in _SINGULAR:
        return _SINGULAR[lower]
    if len(lower) == 2 and lower.endswith("s"):
        return lower[0]  # "Model Ys"
    for ending in _IRREGULAR_ENDINGS:
        if lower.endswith(ending) and lower != ending:
            return lower[: -len(ending)] + _SINGULAR[ending]
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return lower[:-2]
    if len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


def _state_modifies(sentence: str, after: re.Match[str] | None) -> bool:
    """A state word before a modifier and a plural noun modifies them: "2,938 dead aquatic
    animals" counts animals, not the dead."""
    if after is None or not after["word"] or not after["word"].islower():
        return False
    if after["word"] in _STOP or after["word"] in _NOMINAL or is_plural(after["word"]):
        return False
    nxt = _TOKEN.match(sentence, after.end())
    return bool(nxt and nxt["word"] and nxt["word"].islower() and is_plural(nxt["word"]))


def split_unit(unit: str) -> tuple[str, tuple[str, ...]]:
    """The head (singular, lowercased) and the modifiers (lowercased) of a counted phrase."""
    words = unit.split()
    if not words:
        return "", ()
    return singular(words[-1]), tuple(w.lower() for w in words[:-1])


# Nominal adjectives written as the noun of those counted ("12 dead", "40 injured"); any other
# state after a bare number ("2,800 hurt", "139 missing", "57 hospitalized") counts people in it.
_NOUN_STATES = word_set("dead injured wounded")


def state_unit(unit: Unit, earlier: str | None) -> Unit:
    """A bare state counts people in that state ("139 missing": missing people); "40 injured"
    stays the injured unless an earlier number counted people ("144 people were killed and 732
    injured"), whose noun the state shares."""
    word = unit.text.lower()
    if word not in _NOMINAL or " " in word:
        return unit
    people = earlier is not None and split_unit(earlier)[0] in ("people", "person")
    if word in _NOUN_STATES and (word == "dead" or not people):
        return unit
    return Unit(f"{word} people", unit.end, unit.implied)


_COORDINATORS = word_set("and or")


def _joins_modifiers(sentence: str, pos: int, before: str) -> bool:
    """An "and"/"or" at `pos` joins two modifiers of the counted noun: the word before it is
    no plural noun ("25 women and children" counts women) and a content word follows."""
    after = _TOKEN.match(sentence, pos)
    if is_plural(before) or before.lower() in _NOMINAL or after is None or not after["word"]:
        return False
    word = after["word"].lower()
    return word not in _STOP and word not in _NUMBER_WORDS and not is_plural(word)


# What follows a people's name with no plural ending when it is the subject of a plural verb.
_PLURAL_AGREEMENT = word_set("have are were remain live who")


def _invariant_people(sentence: str, pos: int, word: str) -> bool:
    """A capitalised name with no plural ending counts people when a plural verb follows it:
    "38,000 Rohingya have crossed", "5,000 Sudanese are sheltering", "some 200 Yazidi who"."""
    if not word[0].isupper() or is_plural(word) or not word[1:].islower():
        return False
    after = _TOKEN.match(sentence, pos)
    return bool(after and after["word"] and after["word"] in _PLURAL_AGREEMENT)


# A model number inside a product name: "Galaxy Note 7 phones", "Note 7s", "Max 8s".
_MODEL_NUMBER = re.compile(r"\s+\d{1,4}(?P<plural>s)?\b(?![,.]\d)")
_MODEL_NAME = re.compile(r"(?:^|(?<=\s))(?P<name>[A-Z][\w-]*)\s+$")
_NOT_MODEL_NAMES = frozenset(
    w.lower() for w in f"{MONTHS}|{WEEKDAYS}".split("|")
)  # "on Tuesday 12 people": a day, not a product


def _names_model(word: str) -> bool:
    lower = word.lower()
    return word[:1].isupper() and lower not in _STOP and lower not in _NOT_MODEL_NAMES


def is_model_number(sentence: str, start: int, end: int) -> bool:
    """A number that is part of a product name, not a count: written right after two names
    ("Galaxy Note 7 phones") or pluralised with the name ("Note 7s")."""
    m = _MODEL_NAME.search(sentence, max(0, start - 40), start)
    if m is None or not _names_model(m["name"]):
        return False
    if sentence.startswith("s", end) and not sentence[end + 1 : end + 2].isalpha():
        return True  # "Note 7s"
    after = _TOKEN.match(sentence, end)
    if after is not None and after["word"] and _names_model(after["word"]):
        return True  # "Boeing 737 Max jets"
    words = sentence[max(0, m.start() - 40) : m.start()].split()
    return (
        bool(words)
        and (_names_model(words[-1]) or words[-1].isdigit())
        and words[-1][-1:].isalnum()
    )


def counted_unit(sentence: str, end: int, single: bool = False) -> Unit | None:
    """The counted noun phrase written right after a number that ends at `end`.

    `single` is for the number one, whose noun is singular ("one death", "a single case").
    """
    words: list[str] = []
    pos = end
    first = True
    while len(words) < _MAX_WORDS:
        m = _TOKEN.match(sentence, pos)
        if m is None and words and all(_names_model(w) or w.isdigit() for w in words):
            model = _MODEL_NUMBER.match(sentence, pos)  # "2.5 million Galaxy Note 7 phones"
            if model is not None:
                words.append(model.group().strip())
                pos = model.end()
                if model["plural"]:
                    return Unit(" ".join(words), pos)  # "2.5 million Note 7s"
                continue
        if m is None:
            return None
        pos = m.end()
        if m["cal"]:
            continue  # "152 mm rounds", "500 ml bottles": the measure describes, the noun counts
        word = m["word"]
        lower = word.lower()
        if first and lower == "of":
            after = _TOKEN.match(sentence, pos)
            if after is not None and (after["word"] or "").lower() in _PRONOUNS:
                return None  # "six of them residents": the count is of them, not of residents
            first = False
            continue
        first = False
        if lower in _COORDINATORS and words and _joins_modifiers(sentence, pos, words[-1]):
            words.append(lower)  # "73 leased and owned buildings": two modifiers of one noun
            continue
        if (lower in _STOP and not (lower in _LEADING and not words)) or lower.endswith("ly"):
            return None
        if lower in _NUMBER_WORDS:
            return None  # "from 1,100 two weeks earlier": the next number starts here
        if lower in _NOMINAL and (
            not words or (len(words) == 1 and (words[0] in _NOMINAL_BY or words[0] in _LEADING))
        ):  # "41 dead", "75 confirmed dead", "dozens more wounded"
            after = _TOKEN.match(sentence, pos)
            if not (after and after["word"] and is_plural(after["word"])) and not _state_modifies(
                sentence, after
            ):
                return Unit(word, pos)
        words.append(word)
        if single and lower in SINGULAR_COUNTED:
            return Unit(" ".join(words), pos)
        if len(words) == 1 and _invariant_people(sentence, pos, word):
            return Unit(word, pos)  # "38,000 Rohingya have crossed": a people's name
        if is_plural(word):
            after = _TOKEN.match(sentence, pos)
            while (
                after
                and after["word"]
                and len(words) < _MAX_WORDS + 1
                and is_plural(after["word"])
                and (after["word"][0].islower() or word[0].isupper())
                and after["word"].lower() not in _NOT_HEADS
            ):  # "37 measles cases", "12 fire trucks", "police officers": the last noun counts
                words.append(after["word"])
                pos = after.end()
                after = _TOKEN.match(sentence, pos)
            return Unit(" ".join(words).rstrip("’'"), pos)
    return None


_QUAL = (
    r"(?:(?:more\s+than|at\s+least|nearly|almost|about|around|some|over|an\s+estimated"
    r"|approximately|roughly|up\s+to|as\s+many\s+as|just\s+over|just\s+under|close\s+to"
    r"|past|above|beyond)\s+)?"
)
# "the death toll rose to", "the number of confirmed deaths climbed to", "remained at"
_VERB = (
    r"(?:(?:has|have|had|now|then|already|since|later|again|further|officially|been|is|was"
    r"|were|are|to|would|will|could|might|may|ultimately|eventually|likely|soon|finally|also"
    r"|still|quickly|steadily|sharply|reportedly"
    # a verb of expectation before the verb of reaching: "is expected to rise to", "is
    # likely to climb to" (the modality of the count is read in text.modality)
    r"|(?:expected|projected|forecast|predicted|feared|likely|set|poised|certain|bound)\s+to)\s+)*"
    r"(?:(?:more\s+than|nearly|almost)\s+(?=[a-z]+led\b))?"  # "has more than doubled to"
    r"(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases"
    r"|grew|grown|grows|reached|reaches|hit|hits|topped|tops|passed|surpassed|exceeded"
    r"|stood|stands|standing|remained|remains|stayed|stays|was|is|are|were|went|gone|soared"
    r"|surged|swelled|fell|fallen|dropped|declined|decreased|edged|crept|revised|lowered"
    r"|raised|cut|reduced|corrected|adjusted|updated|put|brought|bringing|pushing|pushed"
    r"|taking|took|lifting|lifted|raising|sending|sent|set|settled|totalled|totaled|totals"
    r"|totalling|totaling|numbered|numbers|amounted|amounts|hovered|hovers|tallied|now"
    r"|be|reach|rise|climb|top|pass|exceed|surpass|stand|remain|grow|fall|drop|total|exceed"
    r"|cross|crossed|crossing"
    r"|[a-z]{3,}(?:ed|es|s))"
    r"(?:\s+(?:up|down|upward|downward|sharply|again|further|slightly|officially))?"
    # the span of the change: "has risen in a week to", "doubled over the past month to"
    r"(?:\s+(?:in|over|within)\s+(?:a|one|the\s+(?:past|last))\s+(?:day|week|fortnight|month|year)"
    r"(?=\s+to\b))?"
    r"(?:\s+(?:to|at|of|by|from))?"
)
_COUNT_NOUN = (
    r"(?P<noun>\s*(?:(?:total\s+)?number|count|tally)\s+of\s+(?P<of>(?:(?!(?:has|was|is|had)\b)"
    r"[a-z-]+\s+){0,3}(?!(?:has|was|is|as|this|thus)\b)[a-z-]+s|people|children|missing"
    r"|(?-i:[A-Z][a-z-]+)(?=\s+(?:who|that)\s)"  # "the number of Rohingya who have arrived"
    r"|dead|injured|displaced|homeless|unaccounted\s+for|wounded)"
    r"|(?P<kind>death|casualty|case|fatality|infection|injury|arrest|job|layoff|"
    r"hospitalization|hospitalisation)?\s*(?:toll|count|tally)"
    r"|(?:headcount|workforce|total|figure|tally|count|toll|number|population))"
)
# A month and day naming the event inside the counted noun's modifier: "the death toll from
# the Jan. 1 earthquake grew to 126" (a date, not a number the noun is led to).
_MONTH_DAY = (
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}\b(?!\s*[,.]?\d)"
    r"|\b(?:" + MONTHS + r")\s+\d{1,2}\b(?!\s*[,.]?\d)"
)
# A period between the counted noun and its verb: "the death toll this year rose to 48",
# "the number of jobs cut so far this year to 48,000".
# A year in the counted noun's modifier: "the number of people killed since October 2023 has
# risen to 2,036" (a date, not a number the noun is led to).
_YEAR = r"\b(?:19|20)\d{2}\b(?!\s*[,.]?\d)"
_PARTICIPLE = r"(?:[a-z]+(?:ed|en)|cut|lost|shed|hit|laid\s+off)\s+"
_PERIOD_AFTER_NOUN = (
    rf"(?:\s+(?:{_PARTICIPLE})?(?:so\s+far\s+)?(?:this|last)\s+(?:year|month|week|season)"
    rf"|\s+(?:{_PARTICIPLE})?(?:so\s+far|to\s+date))?"
)
_VERB_LED = re.compile(
    r"(?=[\sdcfiajlhtnpw])"  # what a count noun (or the space before "toll") opens with
    rf"{_COUNT_NOUN}(?:\s+(?:[a-z]+\s+)?(?:of|in|on|at|across|from|for|among|by|after|during|since"
    r"|within|inside)"
    rf"\s+(?:{_MONTH_DAY}|{_YEAR}|[^,;\d]){{1,60}}?"
    # a relative clause on the counted noun: "the number of refugees who have entered Armenia"
    r"|\s+(?:who|that)\s+(?:(?:have|has|had|were|are)\s+|(?=died\b|drowned\b|perished\b|fled\b))"
    rf"(?:{_MONTH_DAY}|{_YEAR}|[^,;\d]){{1,70}}?"  # "... who have arrived since August 25"
    # ... or a participle: "the number of people known to have died in the shipwreck"
    r"|\s+(?:known|thought|believed|confirmed|reported|feared)\s+to\s+have\s+(?:been\s+)?[a-z]+"
    # ... or with its own subject: "the number of jobs Amazon has said it will cut"
    r"|\s+(?:the\s+[a-z]+|(?-i:[A-Z])[\w’'&.-]*)\s+(?:has|have|had|says|said|plans|expects)"
    r"\s+[^,;\d]{1,60}?"
    r"|\s+(?:still\s+|confirmed\s+|reported\s+|now\s+)?(?:listed\s+as\s+)?"
    # an adverb on the participle: "the number of people internally displaced by ..."
    r"(?:(?:internally|newly|seriously|critically)\s+)?(?:unaccounted\s+for"
    r"|missing|dead|injured|hospitali[sz]ed"
    r"|displaced|arrested|charged|killed|sickened|infected|made\s+(?:sick|ill)|nationwide"
    r"|statewide|overall)"
    # ... or a span of days it covers: "the toll over the 12 days of fighting stood at 28"
    r"|\s+(?:over|in|during|after|for)\s+the\s+(?:past\s+|last\s+|first\s+)?(?:\d+|[a-z]+)"
    r"\s+(?:days?|weeks?|months?|hours?)(?:\s+of\s+[a-z]+)?){0,2}"
    + _PERIOD_AFTER_NOUN
    # an aside, or a relative clause on the noun: "The toll, which had stood at 334, ..."
    # ... a verbless headline's link: "Provincial toll at 492", "Quake toll nears 3,000"
    # (the count noun right before it, not an "of" phrase: "the count of the dead stands at")
    + r"(?:,[^;]{1,90}?,|,\s+which|,\s+(?:initially|originally|first|earlier|previously))?"
    + rf"(?:\s+{_VERB}|(?<=toll|ally|ount|otal)\s+"
    + r"(?:at|near(?:s|ing)?))"
    + rf"\s+{_QUAL}$",
    re.IGNORECASE,
)
# How every match of _VERB_LED (and _PLURAL_LED) ends: a verb of reaching, an adverb or a
# preposition of _VERB ("rose to", "stood at", a headline's "nears"), then a qualifier. The
# test before them reads that last word, as written between spaces, with the words of _VERB.
_QUAL_PHRASES = frozenset(
    (
        *("more than", "at least", "nearly", "almost", "about", "around", "some", "over"),
        *("an estimated", "approximately", "roughly", "up to", "as many as", "just over"),
        *("just under", "close to", "past", "above", "beyond"),
    )
)  # the phrases of _QUAL, each word apart
_REACHING_WORDS = frozenset(re.findall(r"[a-z]+", _VERB)) | {"at", "near", "nears", "nearing"}
_INFLECTED = re.compile(r"[a-z]{3,}(?:ed|es|s)", re.IGNORECASE)  # _VERB's open verb form


def led_count_may_end(before: str) -> bool:
    """False only when `before` cannot end as a count led to its number does: its last word,
    or the word before a closing qualifier ("rose to about"), is no word `_VERB` ends with
    (text that is not ASCII always passes)."""
    if not before.isascii():
        return True
    words = before.rsplit(None, 4)[-4:]
    for size in range(min(3, len(words) - 1) + 1):  # the qualifier's words: none to three
        if size and " ".join(words[-size:]).lower() not in _QUAL_PHRASES:
            continue
        word = words[-size - 1]
        if word.lower() in _REACHING_WORDS or _INFLECTED.fullmatch(word) is not None:
            return True
    return False


# "a population of about 90,000", "a death toll of 41": the count named by its noun
_OF_LED = re.compile(rf"\b{_COUNT_NOUN}\s+of\s+{_QUAL}$", re.IGNORECASE)
# How every match of _OF_LED ends: the cheap test before it ("a population of about 90,000").
_OF_END = CaseFree(re.compile(rf"\bof\s+{_QUAL}$", re.IGNORECASE))
# "bringing the total to 412", "revised the toll down to 71", "put the death toll at 58"
_OBJECT_LED = re.compile(
    r"\b(?:bring(?:ing|s)?|brought|tak(?:ing|es)|took|push(?:ing|ed|es)|lift(?:ing|ed|s)"
    r"|rais(?:ing|ed|es)|revis(?:ing|ed|es)|lower(?:ing|ed|s)|put(?:ting|s)?|cut(?:ting|s)?"
    r"|correct(?:ing|ed|s)|updat(?:ing|ed|es)|adjust(?:ing|ed|s)|set(?:ting|s)?|send(?:ing|s)?"
    r"|sent|increas(?:ing|ed|es)|reduc(?:ing|ed|es)|downgrad(?:ing|ed|es)|giv(?:en|ing|es)|gave)"
    r"\s+(?:the|its|their|his|her|our|an?|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s)\s+"
    r"(?:[\w’'-]+\s+){0,3}?"
    + _COUNT_NOUN
    # a fate on the counted noun: "cut the number of people missing at the hotel to 11"
    + r"(?:\s+(?:(?:[a-z]+ed|missing|dead|injured|wounded|displaced)\s+)?"
    r"(?:of|in|on|at|from|for|among|since)(?:\s+[^,;]{1,40}?)??"
    r"|\s+(?:who|that)\s+(?:have|has|had|were|are)\s+[^,;\d]{1,70}?"  # "... who have arrived"
    r"|\s+(?-i:[A-Z])[\w’'&.-]*(?:\s+(?!(?:to|at|from|as)\b)[\w’'&.-]+){1,5}?)?"
    # ^ a relative clause with its own subject: "the number of jobs Microsoft has cut this year to"
    + _PERIOD_AFTER_NOUN
    + r"\s+(?:(?:down|up|upward|downward|sharply|again|further)\s+)?"
    # the change, then the count it reached: "raised its toll by 84 overnight to 417"
    + r"(?:by\s+(?:\d[\d,]*|[a-z]+)(?:\s+(?!to\b)[a-z]+){0,2}\s+)?(?:to|at|from|as|by)\s+"
    + _QUAL
    + "$",
    re.IGNORECASE,
)
# "Cases rose to 124", "Confirmed infections have reached 300"
_PLURAL_LED = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:the|and|but|while|as|where|total|overall)\s+)"
    r"(?P<noun>(?:[A-Z][a-z-]+\s+|[a-z-]+\s+){0,2}?[a-z][a-z-]*s|[A-Z][a-z-]*s)"
    r"(?:\s+(?:in|on|at|across|among|for|from)\s+[^,;]{1,40}?){0,2}\s+(?:"
    + _VERB
    + r"|near(?:s|ing)?)\s+"
    + _QUAL
    + "$",
)
_TOLL_UNITS = {
    "death": "deaths", "casualty": "casualties", "case": "cases", "fatality": "fatalities",
    "infection": "infections", "injury": "injuries", "arrest": "arrests", "job": "jobs",
    "layoff": "layoffs", "hospitalization": "hospitalizations",
    "hospitalisation": "hospitalisations",
}  # fmt: skip
_KILL = re.compile(
    r"\b(?:kill(?:ing|ed|s)?|injur(?:ing|ed|es)|wound(?:ing|ed|s)|displac(?:ing|ed|es)"
    r"|evacuat(?:ing|ed|es)|arrest(?:ing|ed|s)|detain(?:ing|ed|s)|rescu(?:ing|ed|es)"
    r"|sicken(?:ing|ed|s)|infect(?:ing|ed|s)|hospitali[sz](?:ing|ed|es)|leaving|left|kidnapp(?:ing|ed)"
    r"|abduct(?:ing|ed|s)|trapp(?:ing|ed)|strand(?:ing|ed)|affect(?:ing|ed|s)|employ(?:ing|ed|s)"
    r"|house[sd]?|housing|shelter(?:ing|ed|s)|treat(?:ing|ed|s)|claim(?:ing|ed|s)\s+the\s+lives\s+of)"
    rf"\s+{_QUAL}$",
    re.IGNORECASE,
)
_KILL_CF = CaseFree(_KILL)  # read through its folded twin (patterns.CaseFree)
_WHO = re.compile(r",?\s+(?:who|whom)\b")
_VERBAL_QUALIFIER = re.compile(
    r"(?:tops|topped|topping|passed|passing|passes|exceeded|exceeding|exceeds|surpassed"
    r"|surpassing|surpasses|crossed|crossing|crosses)\s+"
)
_LOOKBACK = 170
# A place described by its size counts its inhabitants, not any figure: "a town of 25,000",
# "a city of some 2 million that ...".
_SETTLEMENT_OF = re.compile(
    r"\b(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village|hamlet|community|nation|country"
    r"|island|state|province|region|county|district|suburb|municipality|enclave|settlement)"
    rf"\s+of\s+{_QUAL}$",
    re.IGNORECASE,
)
_SETTLEMENT_OF_CF = CaseFree(_SETTLEMENT_OF)  # read through its folded twin (patterns.CaseFree)
# An action over counted things widened to a number: "expanded its global recall of cars with
# faulty switches to 2.6 million", "widened the strike of dockworkers to 45,000".
_WIDENED = re.compile(
    r"\b(?:expand|widen|extend|enlarg|broaden)(?:ed|s|ing|e)?\s+(?:the|its|their|his|her)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:recalls?|strikes?|layoffs|lockouts?|evacuations?|walkouts?)\s+"
    r"of\s+(?P<of>[a-z-]+s)\b[^,;\d]{0,60}?\s+to\s+" + _QUAL + "$"
)
_WIDEN_WORDS = ("expand", "widen", "extend", "enlarg", "broaden")  # what _WIDENED needs
PENDING = ""  # a count noun whose unit a later claim of the sentence names


def implied_unit(sentence: str, start: int, end: int, earlier: str | None) -> Unit | None:
    """The counted noun a number without one implies, from the words before or after it.

    `earlier` is the unit of a claim before it (for "bringing the total to 412").
    """
    if _WHO.match(sentence, end):
        return Unit("people", end, implied=True)  # "12,000 who fled"
    before = sentence[max(0, start - _LOOKBACK) : start]
    if _SETTLEMENT_OF_CF.search(before):
        return Unit("population", end, implied=True)  # "Kerrville, a town of 25,000": its people
    widened = _WIDENED.search(before) if any(map(before.__contains__, _WIDEN_WORDS)) else None
    if widened is not None:
        return Unit(widened["of"], end, implied=True)  # "expanded its recall of cars ... to 2.6m"
    if (verbal := _VERBAL_QUALIFIER.match(sentence, start)) is not None:
        before += verbal.group()  # "Helene death toll tops 200": the qualifier is the verb
    lower = before.lower()
    led = None
    if any(
        noun in lower
        for noun in ("toll", "count", "tally", "number", "total", "figure", "popul", "workforce")
    ):
        led = _VERB_LED.search(before) if led_count_may_end(before) else None
        if led is None or not led["of"]:  # "brought the total number of bodies to": bodies
            led = (
                _OBJECT_LED.search(before)
                or led
                or (_OF_LED.search(before) if _OF_END.search(before) else None)
            )
    if led is not None:
        if led["of"]:
            return Unit(led["of"], end, implied=True)
        kind = (led["kind"] or "").lower()
        if kind:
            return Unit(_TOLL_UNITS[kind], end, implied=True)
        noun = led["noun"].lower().strip()
        fate = _NUMBER_FATE.match(before, led.end("noun"))
        if fate is not None and noun in ("number", "total number"):
            counted = _without_increment(earlier) if earlier else fate["fate"]
            if fate["fate"] not in ("killed", "dead") and _DEATH_NOUN.search(counted):
                counted = fate["fate"]  # "Nine more bodies ... the number missing fell to 11"
            return Unit(counted, end, implied=True)  # "the number killed in X rose to 23"
        if "toll" in noun:
            return Unit("deaths", end, implied=True)  # a toll counts deaths
        if noun in ("population", "headcount", "workforce"):
            if _DIFFERENCE_AFTER.match(sentence, end):
                return None  # "the workforce is about 34,000 smaller than": a difference
            return Unit(noun, end, implied=True)  # "Sudan's population was 46 million"
        if earlier is not None:
            return Unit(_without_increment(earlier), end, implied=True)
        return Unit(PENDING, end, implied=True)  # "The national total rose above 1,000 ..."
    nxt = _TOKEN.match(sentence, end)
    following = (nxt["word"] or "").lower() if nxt is not None else ""
    if (base := population_of_part(sentence, end)) is not None:
        whole = counted_unit(sentence, base)  # "61,000 of the enclave's 120,000 residents"
        if whole is not None:
            return Unit(whole.text, end, implied=True)
    if (part := _PARTITIVE_NOUN.match(sentence, end)) is not None:
        whole = counted_unit(sentence, part.end() - 1)
        if whole is not None:
            return Unit(whole.text, end, implied=True)  # "55 of the dead", "145 of its volunteers"
    if earlier is not None and (
        following in _VERB_AFTER
        or following in ("more", "that", "who", "whom")
        or _PARTICIPLE_AFTER.match(sentence, end)
        or _OF_THEM.match(sentence, end)
        or _IN_A_LIST.match(sentence, end)
    ):
        return Unit(earlier, end, implied=True)  # "90 were children", "302 charged"
    opener = _OF_THE_OPENER.search(before)
    if opener is not None and is_plural(opener["noun"]) and following in _VERB_AFTER:
        return Unit(opener["noun"], end, implied=True)  # "Of the deaths, 17,388 were ..."
    if (fate := _PEOPLE_FATE.match(sentence, end)) is not None and not _AGED.search(before):
        if fate["aux"] or fate["fate"] in ("died", "die", "perished", "drowned", "fled"):
            return Unit("people", end, implied=True)  # "where 11,000 died", "40 were injured"
        return Unit(fate["fate"], end, implied=True)  # "with 150 still missing", as "360 killed"
    if _PEOPLE_ACT.match(sentence, end) and not _AGED.search(before):
        return Unit("people", end, implied=True)  # "as 55,000 stay off the job"
    if not (nxt is None or not nxt["word"] or nxt["word"].lower() in _STOP | _WIDE):
        return None  # "sickened 8,096 worldwide": an adverb of extent, no noun
    if _KILL_CF.search(before, max(0, len(before) - 60)):
        return Unit("people", end, implied=True)
    plain = _PLURAL_LED.search(before) if led_count_may_end(before) else None
    if plain is not None:
        noun = plain["noun"]
        if is_plural(noun.split()[-1]) and noun.split()[-1].lower() not in _NOT_HEADS:
            return Unit(noun.lower() if noun[0].isupper() and " " not in noun else noun, end,
                        implied=True)  # fmt: skip
    if earlier is not None and _CUT.search(before, max(0, len(before) - 40)):
        return Unit(earlier, end, implied=True)  # "eliminated 20,000 positions ... has cut 48,000"
    if earlier is not None and _AFTER_LINK_CF.search(before):
        return Unit(earlier, end, implied=True)  # "up from 97", "rose by 17 to 412"
    return None


def base_unit(unit: str) -> str:
    """What an increment counts: "37 new cases" counts cases."""
    return _without_increment(unit)


def _without_increment(unit: str) -> str:
    """ "the total" of "37 new cases" counts cases, not new ones."""
    words = unit.split()
    while len(words) > 1 and words[0].lower() in _LEADING:
        words.pop(0)
    return " ".join(words)


# What happened to a bare number of people: "where 11,000 died", "40 were injured in ...".
_OF_THEM = re.compile(r"\s+of\s+them\b")  # "75 illnesses ..., 22 of them serious"
# A list naming where each count is: "222 deaths in Valencia, seven in Castilla-La Mancha and one
# in Andalusia"; "about 6,000 in May and 305 more in June"; "five linked to the Airport fire and
# 11 to the Bridge fire", "16 from the Bridge fire".
_IN_A_LIST = re.compile(
    r"\s+(?:(?:(?:linked|tied)\s+to|in|at|near|around|from|to)\s+(?:the\s+)?[A-Z][\w-]*"
    rf"|on\s+(?:{WEEKDAYS}))(?=[\s,;.]|$)"  # "28 bodies on Monday, 36 on Tuesday"
)
_PEOPLE_FATE = re.compile(
    r"\s+(?:(?:still|also|reportedly|later|more)\s+)?(?P<aux>(?:(?:have|has|had|were|are|was|is|been"
    r"|remain|remained)\s+)+)?(?:(?:still|also)\s+)?(?P<fate>died|die|perished|drowned|killed|injured"
    r"|wounded|hurt|missing|dead|displaced|evacuated|rescued|arrested|detained|hospitali[sz]ed"
    r"|unaccounted\s+for|unaccounted|trapped|sickened|fled)\b"
)
# What only people do, said of a bare number: "as 55,000 stay off the job", "2,000 marched".
_PEOPLE_ACT = re.compile(
    r"\s+(?:(?:have|has|had|were|are|also|still)\s+)*(?:st(?:ay|ayed|aying)\s+(?:off\s+the\s+job"
    r"|home|away)|walk(?:ed|ing)?\s+(?:out|off)|(?:went|go|going)\s+on\s+strike|marched|march"
    r"|rall(?:y|ied)|protest(?:ed)?|flee|fled|evacuate[d]?|took\s+to\s+the\s+streets"
    r"|take\s+to\s+the\s+streets|signed\s+up|volunteered|voted|turned\s+out)\b"
)
# The dead, however a count names them: a count before of them is no count of the living.
_DEATH_NOUN = re.compile(r"\b(?:bod(?:y|ies)|dead|deaths?|fatalit(?:y|ies)|victims?|toll)$", re.I)
_NUMBER_FATE = re.compile(
    r"\s+(?:still\s+|confirmed\s+|reported\s+|now\s+)?(?P<fate>killed|dead|injured|wounded|missing"
    r"|displaced|arrested|detained|evacuated|hospitali[sz]ed|rescued)\b"
)
_AGED = re.compile(
    r"\b(?:aged|age|ages|ages\s+of)\s+$", re.IGNORECASE
)  # "a child aged 12 were hurt"
_OF_THE_OPENER = re.compile(r"(?:^|[.;]\s+)[Oo]f\s+(?:the|those|these)\s+(?P<noun>[a-z]+),\s*$")
_PARTITIVE_NOUN = re.compile(
    r"\s+of\s+(?:the|its|their|those|these|his|her|our)\s+(?=[a-z])", re.IGNORECASE
)
_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|given|taken|seen|held|hurt|left|shot|found|known)\b"
    r"(?!\s+(?:by|to)\b)"
)
_DIFFERENCE_AFTER = re.compile(
    r"\s+(?:smaller|larger|bigger|fewer|more|lower|higher|less|greater)\b"
)
_WIDE = word_set("worldwide nationwide nationally statewide globally overall countrywide")
_VERB_AFTER = word_set(
    """were are was is have had died remain remained remains been survived recovered tested
    needed required came went lived worked"""
)
# A job-cutting verb whose object the sentence named before: "(positions) ... has cut 48,000".
_CUT = re.compile(
    r"\b(?:cut(?:ting|s)?|eliminat(?:ing|ed|es|e)|shed(?:ding|s)?|(?:laid|lay(?:ing|s)?)\s+off"
    r"|slash(?:ing|ed|es)?|ax(?:ing|ed|es|e)|axe[ds]?)\s+(?:another\s+|a\s+further\s+)?"
    + _QUAL
    + "$",
    re.IGNORECASE,
)
_AFTER_LINK = re.compile(
    r"(?:\b(?:to|from|at|by|than|against|versus|vs\.?|with|of|and|or|has|have|had|reported"
    r"|recorded|confirmed|counted|logged|saw|sees|added|adds)"
    r"(?:\s+(?:an?|the)\s+(?:initial|earlier|previous|original|estimated|revised|first))?"
    r"|,\s*(?:and\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}|\band\s+(?:[A-Z][\w.’'-]*\s+){1,3})\s*"
    + _QUAL
    + "$",
    re.IGNORECASE,
)
_AFTER_LINK_CF = CaseFree(_AFTER_LINK)  # read through its folded twin (patterns.CaseFree)
