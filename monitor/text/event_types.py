"""What kind of event an article reports: a small lexicon of event-type words.

Two reports of one event use words of the same kind ("quake", "magnitude", "aftershock");
two events on one subject and day often do not (a missile launch and an arms shipment, a
drone strike and a factory fire). Each lexicon word names one or more kinds; an article's
kinds are counted in its headline and lead, where the event is named. The lexicon is
generic English news vocabulary, not drawn from any evaluation set.
"""

from __future__ import annotations

from collections import Counter

from monitor.text.terms import content_words

_LEXICON_TEXT = """
attack: airstrike air-strike drone bomb bombing bombed shelling shelled attack attacked raid
  explosion blast gunman gunmen shooting shot stabbing assault offensive strike struck killed
missile: missile ballistic hypersonic warhead icbm rocket launcher
launch: launch launched liftoff lift-off orbit satellite spacecraft probe mission test-fired
  fired test
quake: earthquake quake tremor aftershock magnitude seismic tsunami
fire: fire blaze wildfire firefighter flame burned burning arson smoke
flood: flood flooding flooded deluge rain rainfall landslide mudslide river
storm: storm typhoon hurricane cyclone tornado wind gale landfall
heat: heatwave heat drought temperature
crash: crash crashed derailment derailed collision collided capsized sank sinking wreck
court: court ruling ruled judge verdict sentence sentenced convicted conviction guilty acquitted
  trial lawsuit sued appeal indictment indicted charged prosecutor
regulator: antitrust regulator watchdog fine fined probe investigation competition merger
rates: rate rates interest inflation hike cut hold held basis monetary
earnings: profit profits revenue quarter quarterly earnings dividend loss sales forecast guidance
recall: recall recalled defect defective faulty
election: election vote voter voting ballot runoff poll polls referendum elected candidate
outbreak: outbreak case cases measles flu influenza virus infection infected vaccine
  vaccination disease epidemic cholera
deal: deal agreement merger takeover acquisition acquire bought buy signed treaty accord
  contract order
labour: walkout union stoppage picket pay wage workers
strike: strike strikes striking
outage: outage blackout offline disruption glitch
shipment: shipment shipped cargo container containers delivered delivery transfer exports
  imports supplied supply shipments
ceasefire: ceasefire truce talks negotiation negotiations peace
protest: protest protesters demonstration demonstrators rally march
sport: match final semi-final goal goals championship cup league marathon race record
arrest: arrest arrested detained police seized seizure raid smuggling
resign: resign resigned resignation dismissed sacked fired ousted
"""


def _lexicon() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    kind = ""
    for token in _LEXICON_TEXT.split():
        if token.endswith(":"):
            kind = token[:-1]
            continue
        for word in content_words(token):
            kinds.setdefault(word, set()).add(kind)
    return {word: frozenset(found) for word, found in kinds.items()}


LEXICON = _lexicon()
"""Normal word form -> the event kinds it names."""


def event_kinds(title: str, lead_text: str) -> Counter[str]:
    """Event kinds named in the headline (counted twice) and the lead."""
    found: Counter[str] = Counter()
    for weight, text in ((2, title), (1, lead_text)):
        for word in content_words(text):
            for kind in LEXICON.get(word, ()):
                found[kind] += weight
    return found
