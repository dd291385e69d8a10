"""Hand-written look-alike events for the clustering tests (fictional places and people).

Each pair shares a subject and a day but reports a different event: another city, another
actor, another kind of event. Follow-ups report the same event with new words.
"""

from __future__ import annotations

STRIKE_DARVEL = (
    "KORVANE (Harbour Wire) — Two ballistic missiles struck the centre of Darvel on Sunday "
    "morning, killing at least 21 people and wounding 64 as residents gathered near the "
    "covered market, regional officials said.\n"
    "Darvel governor Ilya Marchenko said the missiles hit a bus stop and a row of shops "
    "shortly after an air raid alert. Rescue teams were still searching the rubble by "
    "evening, the state emergency service said.\n"
    "President Oleh Varenko called the attack a deliberate strike on civilians and asked "
    "allies for more air defence systems. Three days of mourning were declared in Darvel."
)
STRIKE_DARVEL_FOLLOWUP = (
    "The death toll from Sunday's missile attack on Darvel rose to 34 on Monday after "
    "rescuers pulled more bodies from the ruins of the covered market, governor Ilya "
    "Marchenko said.\n"
    "Funerals began in the city's northern cemetery while volunteers queued to give blood. "
    "Marchenko said 19 of the wounded remained in a serious condition.\n"
    "Investigators said fragments showed both missiles were ballistic, which left air "
    "defence crews only seconds to react. Varenko again urged allies to send interceptors."
)
STRIKE_TELMAR = (
    "KORVANE (Coast Dispatch) — A missile hit an apartment block in the southern port of "
    "Telmar late on Sunday, killing nine people including two children, the head of the "
    "city's military administration, Serhiy Dovbenko, said.\n"
    "Firefighters fought a blaze on the upper floors for several hours. Dovbenko said about "
    "40 flats were destroyed and that residents of nearby buildings had been moved to "
    "schools.\n"
    "President Oleh Varenko said the strike on Telmar showed why more air defence was "
    "needed. It was the second deadly attack on a Varenian city that day."
)
BANK_NORLAND = (
    "The Norland central bank held its main interest rate at 4.25 percent on Wednesday, "
    "saying inflation of 3.1 percent was still too high to justify a cut, governor Astrid "
    "Lundqvist told reporters in Vasteby.\n"
    "Lundqvist said the bank's board voted six to one to keep rates on hold and that "
    "borrowing costs would stay restrictive until wage growth slowed.\n"
    "The Norland krona rose against the euro after the decision. Economists had expected "
    "the hold but some had bet on a signal of cuts in the summer."
)
BANK_OSTRIA = (
    "The Ostrian central bank kept its benchmark rate unchanged at 3.5 percent on Thursday, "
    "its governor Pavel Hruby said in Belgrava, pointing to a weak currency and rising food "
    "prices.\n"
    "Hruby said the monetary council would watch energy costs closely. Inflation in Ostria "
    "stood at 4.8 percent in the latest figures.\n"
    "Ostrian bond yields were little changed. Analysts said the bank was unlikely to cut "
    "rates before the autumn, when a new budget is due."
)
LAUNCH = (
    "Kestria fired a long-range ballistic missile into the sea off its east coast early on "
    "Tuesday, the military of neighbouring Velland said, the third launch this year.\n"
    "The missile flew about 1,000 kilometres before falling outside Velland's waters, its "
    "joint chiefs said. Velland's foreign minister, Daniel Ortis, called the test a "
    "provocation.\n"
    "Kestrian state media later said leader Marek Dorn had watched the launch of what it "
    "called a new solid-fuel rocket."
)
SHIPMENT = (
    "Kestria has sent about 6,700 containers of ammunition to Borovia since the summer, "
    "Velland's defence ministry said on Tuesday, citing satellite images of rail yards on "
    "the border.\n"
    "The cargo could hold up to three million artillery shells, defence minister Lena "
    "Sorvik told lawmakers in Halden, adding that the shipments had sped up in recent weeks.\n"
    "Borovia denies receiving weapons from Kestria. Sorvik said trains had been seen loading "
    "at the port of Ulmen twice a week."
)
OPINION_ON_DARVEL = (
    "I have lived in Darvel all my life, and I did not think I would ever write about a bus "
    "stop as a grave.\n"
    "We should stop pretending that statements of concern protect anyone. Our allies must "
    "send the interceptors they have promised, and they must do it now, not after the next "
    "funeral. I believe every delay is a choice.\n"
    "My city deserves better than sympathy. It is time for the governments that praise our "
    "courage to match it with the systems that would keep our markets open."
)
