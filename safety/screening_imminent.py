"""The crisis screen's wording of imminent risk (means, a plan, a time, an act under way), of means or a
plan alone, and of distress below risk (safety/screen.py reads messages with it)."""

from __future__ import annotations

from safety.screening_words import (
    CHILD,
    DECADE,
    EVERYDAY_AT_PLACE,
    GUN_AT_ME,
    HOUSEHOLD_POISON,
    MEANS,
    PLACE,
    any_of,
    in_other_languages,
)

IMMINENT = any_of(
    rf"\b{MEANS}\b.{{0,40}}\b(right here|next to me|in front of me|in my hands?|ready|here with me|beside me|"
    rf"on the table|loaded|lined up|counted( out)?|on the bedside( table)?)\b",
    rf"\b{MEANS}('s| is)? cocked\b(?!.{{0,60}}\b(deer|stags?|pheasants?|rabbits?|pigeons?|crows?|fox|foxes|vermin|"
    rf"range|targets?|clays?|grouse|ducks?|geese|boar|rats?|shoot|season)\b)",
    rf"\b(right here|in front of me|in my hands?|holding|i'm holding|lined up|laid out|counted out|counted|"
    rf"loaded)\b.{{0,30}}\b{MEANS}\b",
    r"\b(looking at|looked up|checked) (train|the train) (times|timetables?)\b.{0,40}\b(die|end|jump|kill)",
    # Buying round the limit on a pack's size: "paracetamol from three different shops so I have enough".
    rf"\b(bought|buying|got|getting|picked up)\b.{{0,20}}\b{MEANS}\b.{{0,20}}\bfrom (two|three|four|five|several|"
    rf"different|\d+)( different| separate)? (shops|pharmacies|chemists|supermarkets|stores|places)\b.{{0,40}}"
    rf"\b(enough|so (they|nobody|no one)( \w+){{0,2}} (notice|ask|know)|without (anyone|them) (noticing|asking|"
    rf"knowing))\b(?!.{{0,20}}\bfor (the|my|our) (kids|children|family|baby|mum|mom|dad|house|home|first aid))",
    rf"\b(bought|buying|saved up|saving( up)?|stockpiled|stockpiling|hoarded|hoarding|collected|collecting|got)\b"
    rf".{{0,30}}\b{MEANS}\b.{{0,40}}\b(myself|die|end|kill|hang|"
    rf"do it)\b",
    rf"\b(took|swallowed|taken|take|taking|overdosed on|drank|drunk|drink|drinking|ate|injected|injecting|necked|"
    rf"downed|popped|chugged|scoffed)\b.{{0,30}}"
    rf"\b(all|too many|"
    rf"a lot|a load|loads|a handful|a bunch|whole|entire|full|the bottle|every|"
    rf"(\d+|{DECADE}|a hundred)(?! ?(mg|milligrams?|mcg|micrograms?|ml)\b)|"
    rf"(a|two|three|\w+) (weeks?|months?)'?s?"
    rf"( worth)?)\b.{{0,20}}\b({MEANS}|"
    rf"sleeping pills|pack|packet|box|bottle|"
    rf"strip)\b",
    rf"\b(necked|downed|popped|swallowed|took|taken|ate)\b.{{0,10}}\b(a|the|two|three|\d+) (box|pack|packet|bottle|"
    rf"strip|tub|jar)s? of\b.{{0,35}}\b{MEANS}\b",
    rf"\b{MEANS}\b.{{0,30}}\ball (\d+|\w+ty|\w+teen|ten|eleven|twelve) of them\b",
    rf"\b(full|whole|entire|a|the|two|three|\d+) (box|pack|packet|bottle|strip|tub|jar)s? of {MEANS}\b( \w+){{0,2}} "
    rf"(just )?(went|gone|going|go) down\b",
    rf"\b(took|swallowed|taken|downed|necked)\b.{{0,20}}\b{MEANS}\b,? (all of them|the lot|every (last )?one)\b"
    r"(?!.{0,30}\b(as prescribed|like the doctor said|as (the|my) (doctor|gp|nurse) said|as usual)\b)",
    rf"\b(drank|drunk|drink|drinking|swallowed)\b.{{0,15}}\b({HOUSEHOLD_POISON}|poison|pesticide)\b",
    r"\b(tied|tying|hung|hanging up|set up|made|making)\b.{0,20}\b(rope|noose|belt|cord)\b",
    r"\b(going to|gonna|about to|will|i'll|planning to|plan to|ready to|shall) (take|swallow) "
    r"(them all|all of them|all|it all|the pills|my pills|all (of )?my \w+|the lot|everything)\b",
    r"\boverdos(e|ed|ing)\b", r"\bod'?d\b",
    rf"\b(whole|entire|full|a|two|three) (month|week|fortnight)'?s? (worth|supply|of {MEANS})\b.{{0,30}}\b(just )?"
    rf"(went|gone) down\b",
    r"\b(gun|rifle|ar|ar 15|ar15|shotgun|pistol|glock)\b.{0,40}\b(car|boot|trunk|bag|backpack|locker)\b.{0,40}"
    r"\b(first period|school|assembly|registration|homeroom)\b",
    r"\b(rope|noose|belt|cord|cable|ligature|flex)('s| is| has been)? (fixed|tied|attached|secured|knotted|fastened|"
    r"hooked) (to|on|round|around|over) (the|a|my) (loft|beam|banister|bannister|ladder|door|hook|rafter|tree|branch|"
    r"pipe|rail)\b",
    r"\b(emptied|injected)\b.{0,10}\b(both|all|every|the whole|whole|\d+|two|three|four)\b.{0,20}\b(insulin|pens|"
    r"syringes|vials|ampoules)\b",
    r"\b(pushed|jabbed|plunged|pumped)\b.{0,10}\b(both|all|every|the whole|whole|\d+|two|three|four)\b.{0,20}"
    r"\b(insulin|pens|syringes)\b.{0,20}\binto (me|my)\b",
    # The night chosen, and the pets or goodbyes seen to.
    r"\b(tonight|today)('s| is) the (night|day)\b.{0,60}\b((given|gave) (away|(the|my) (cat|dog|pets?|rabbit|"
    r"things|stuff|belongings)\b.{0,20}\b(to|away))|said (my )?goodbyes|(written|wrote|left) (the|my|a) (notes?|"
    r"letters?))\b",
    r"\b(charcoal|coals|barbecue|bbq|exhaust|fumes|gas|engine)\b.{0,60}\b(vents?|gaps?|windows?|doors?|air ?bricks?)\b"
    r"( \w+)?.{0,5}\b(taped|sealed|blocked|stuffed)\b",
    r"\b(support|pillar|abutment|bridge|tree|wall|barrier)\b.{0,40}\b(is|'s) where i('m| am|'ll| will) "
    r"(steer|driv|crash|"
    r"aim|put)\w*\b",
    rf"\b({MEANS}|every one of them|all of them|the lot|the (whole )?(bottle|packet|box|tub|pack|strip)|every (pen|"
    rf"syringe|vial))\b.{{0,30}}\b(is|are|'s|'re) (all |empty and |now )?(in me|inside me|in my (stomach|system))\b",
    r"\b(sat|sitting|standing|stood)\b.{0,10}\b(windowsill|window ledge|sill|ledge|parapet|railing)\b.{0,40}"
    r"\b(\d+|\w+) (floors?|storeys?|stories) up\b",
    r"\b(floors?|storeys?|stories) up\b.{0,30}\b(feet|legs) (dangling|hanging|over)\b",
    r"\b(knife|blade|razor|stanley)\b.{0,60}\b(floor|bath|sink|towel|sheets?|carpet|bed)( \w+)? (is|'s|are) (all |"
    r"completely )?red\b", r"\b(taken|took|done|had|did|just taken) an od\b",
    rf"\b(taken|took|swallowed|downed|necked)\b (the )?first (\d+|few|handful|batch|{DECADE}|ten|five|fifteen|"
    rf"dozen)\b(?= *($|[,.!?]|(of )?(them|the (pills|tablets|lot|box|packet|bottle))\b|{MEANS}))",
    r"\b(reservoir|dam|quarry|weir|pier|bridge|cliff|wall|railings?|barrier|parapet|ledge|edge)\b.{0,20}\bto (go|"
    r"climb|step|jump) over\b(?! (the|my|our|it|this|that|them|some|a)\b(?! (edge|wall|side|top|railings?|barrier|"
    r"parapet|ledge)\b))", r"\b(i'm|i am) (taking|swallowing) (them|the pills|all)\b",
    r"\b(going to|gonna|about to|ready to) (jump(?! (in|into|on|at|for|through|over|up|around|ship|the queue))|"
    r"end it|kill myself|end my life|take my life|hang myself|shoot myself|drown myself|"
    r"set (myself|me) (on fire|alight)|"
    r"burn myself alive)\b",
    r"\b(bring|bringing|take|taking|brought|took)\b.{0,10}\b(a |my |the |\w+'s )?(knife|gun|weapon|blade)\b.{0,10}\bto "
    r"(school|work|college|class|the office)\b.{0,30}\b(get|hurt|kill|stab|shoot|show|pay)\b",
    r"\b(slashed|slit|sliced|cut|opened) my (wrists?|arm|veins?|throat)\b.{0,30}\b(really|badly|heavily|won't stop|"
    r"keeps?) bleeding\b",
    r"\b(hairdryer|hair dryer|toaster|heater)\b.{0,30}\b(plugged in|in the water|into the (bath|water|tub)|by the bath|"
    r"next to the bath)\b",
    r"\b(bath|tub)\b.{0,40}\b(hairdryer|hair dryer|toaster|heater)\b.{0,20}\b(plugged in|ready|next to|beside)\b",
    r"\b(chair|stool|ladder)\b.{0,20}\b(under|beneath)\b.{0,10}\b(the |a )?(beam|rafter|hook|banister|loft hatch)\b",
    r"\bforgive me for what i'm (about|going) to do\b",
    r"\b(crashed|drove|rolled|flipped) (the|my) (car|van|truck|motorbike|bike)\b.{0,20}\bon purpose\b",
    r"\b(driving|going|heading|walking|travelling|on my way)\b.{0,30}\bto (end it|end my life|kill myself|die)\b"
    r"(?! with)",
    r"\b(can see|i see|seeing) (the )?(bone|something white|fat|tendons?|the white)\b",
    r"\b(school|assembly|class|college|office|they('ll| will)|make them)\b.{0,60}\b(knives|knife|guns?|machete|rifle|"
    r"weapons?)\b.{0,20}\b(packed|in my (bag|backpack|rucksack|locker)|loaded|ready)\b",
    r"\b(me and (the|my) (kids|children|baby|son|daughter)|the (kids|children) and me)\b.{0,40}\b(better this way|"
    r"go together|together tonight|be at peace|all go)\b",
    r"\b(all )?(going|go) together\b.{0,40}\b(me and (the|my) (kids|children|baby|son|daughter)|the (kids|children) "
    r"and me)\b",
    r"\b(poured|put|mixed|slipped|crushed)\b.{0,20}\b(antifreeze|poison|bleach|rat poison|pills|tablets|weedkiller)\b"
    r".{0,20}\b(into|in) (his|her|their|my \w+'s) (tea|coffee|drink|food|dinner|bottle|cup)\b",
    r"\b(water|bath|sink|towel|sheets?|floor)('s| is| has)? (gone|turned|turning|going|all) red\b",
    r"\b(plastic bag|helium)\b.{0,30}\b(tape|ready|on the bed|over my head|tonight)\b",
    r"\b(sitting|sat|lying|standing) on the (railway|train tracks|tracks|rails)\b.{0,40}\bwaiting\b",
    r"\b(doing it|do it)\b.{0,20}\b(tonight|today|now)\b.{0,30}\b(got|have|i've got) (everything|it all|what i need|"
    r"the stuff|my stuff|it ready)\b",
    r"\b(i've|i have|i just|just) (jumped|fallen|thrown myself) (from|off|out of) (the|a|my) ([\w-]+ ){0,2}"
    r"(window|bridge|roof|balcony|building|car park|multi-storey|cliff|flyover|footbridge)\b",
    rf"\b(every|all (of )?(the|my)) {MEANS}\b.{{0,20}}\b(i own|i have|i've got|in the house)\b.{{0,30}}\b(in rows|"
    rf"in a row|in piles|lined up|laid out|in front of me|on the (bed|duvet|table|floor))\b",
    r"\b(slashed|slit|sliced|opened) my (wrists?|arm|veins?)\b.{0,30}"
    r"\b(properly|deep|this time|everywhere|won't stop)\b",
    r"\b(blade|knife|razor)\b.{0,15}\b(to|on|against) my (wrist|wrists|throat|neck|arm)\b",
    r"\bput (the|a) (noose|rope) up\b",
    r"\b(rope|noose|belt|cord|cable|ligature|wire)\b.{0,25}\b(around|round|on) (my|her|his|their) "
    r"(neck|throat)\b",
    r"\b(turned|turning|switched|left) on the gas\b.{0,40}\b(windows?|doors?|vents?|closed|shut|sealed)\b",
    r"\b(closed|shut|sealed|taped)( up)? (all )?(the )?(windows|doors|vents)\b.{0,40}\bgas\b",
    r"\b(cut|slit|slashed|sliced|stabbed) my (own )?(throat|neck)\b", r"\b(noose|rope) is (up|ready|tied)\b",
    r"\b(decided|i'm going to|i'm gonna|tonight|tomorrow)\b.{0,30}\b(jump|jumping|stepping|"
    r"throwing myself) (in front of|off)\b",
    r"\b(bleeding|losing) (a lot|so much|loads)\b", r"\blosing (a lot of|so much) blood\b",
    r"\b(bleach|poison|antifreeze)\b.{0,40}\b(about to|going to|gonna) (drink|swallow|take)\b",
    r"\bby the time (anyone|you|someone|they) (reads?|sees?|finds?)\b", r"\b(last|final) goodbye\b",
    r"\b(wrote|written|writing) (my|the) (note|notes|letters)\b",
    r"\b(wrote|written|writing) (goodbye )?letters to (my|everyone)\b",
    r"\b(know|decided|worked out|figured out) (how|when|where) (i'm going to|i'll|i will|to) (do it|die|end it|"
    r"kill myself)\b",
    r"\b(won't|will not|wont) need (any of )?(it|them|my (stuff|things))\b.{0,20}\b(after|anymore|any more|"
    r"where i'm going)\b",
    r"\b(gave|given|giving)( \w+){0,6} away\b.{0,50}\b((won't|will not|wont|shan't) (need|be needing)\b"
    r"(?!( \w+){0,2} (in|at|on|when|once|for) \w)|after (this|tonight|tomorrow|the weekend)\b)",
    r"\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday|tonight|tomorrow) is the (day|"
    r"night)\b.{0,40}\b(when|while) "
    r"(everyone|no one|nobody|they)", r"\bmy (note|letters) (is|are) (written|ready)\b",
    rf"\benough\b.{{0,20}}\b{MEANS}\b.{{0,20}}\bto (do it|die|end|kill)\b",
    rf"\b{MEANS}\b.{{0,15}}\benough to (do it|die|end|kill)\b",
    r"\b(doing it|do it) now\b.{0,15}\b(bye|goodbye)\b",
    r"\b(took|swallowed|taken)\b.{0,20}\b(everything|all)\b.{0,10}\b(in|from) the (medicine cabinet|cabinet|cupboard|"
    r"house|"
    r"bathroom|drawer)\b",
    rf"\b{MEANS}\b.{{0,40}}\b(going to|gonna|about to|ready to) (do it|use)\b",
    rf"\b(going to|gonna|about to|ready to) do it\b.{{0,40}}\b{MEANS}\b",
    r"\b(engine|car)\b.{0,20}\brunning\b.{0,30}\b(garage|inside|closed)\b",
    r"\b(exhaust|hose ?pipe)\b.{0,30}\b(car|window)\b",
    r"\bgarage\b.{0,40}\b(engine|car) (is )?running\b", r"\bcharcoal\b.{0,40}\b(windows?|taped|sealed|tent)\b",
    r"\b(drank|downed) (a|the|a whole|whole) bottle\b.{0,40}\b(pills|tablets|meds)\b",
    r"\b(doing it|do it|going to do it) (after|when i (finish|send)) this message\b",
    r"\b(gun|shotgun|pistol|rifle)\b.{0,40}\b(i'm done|out of the cabinet|loaded|tonight|goodbye|in my (hand|mouth))\b",
    r"\b(this is|it's|tonight is) my last (night|day)\b(?! (at|of|in|on|with|before))", r"\bso much blood\b",
    r"\bcut my wrists? open\b",
    r"\bleav(e|ing) this world\b.{0,20}\b(tonight|today|now|goodbye)\b", r"\brope\b.{0,40}\b(which tree|beam|loft)\b",
    r"\b(going to|gonna|about to|ready to) (step off|throw myself|let go)\b",
    r"\b(stab|shoot|kill|hurt|attack)\b (the|those|all the) (kids|people|guys|girls|boys) who\b",
    rf"\ball (the|my) {MEANS}\b.{{0,30}}\b(door locked|locked in|alone)\b",
    r"\b(won't|will not|doesn't|does not|can't) stop bleeding\b", r"\bblood everywhere\b",
    r"\b(won't|will not) be alive\b", r"\b(won't|will not) be (here|around) (for )?much longer\b",
    r"\b(won't|will not) be (here|around)\b.{0,30}\b(thank you for everything|goodbye|forgive me|love you all|"
    r"i'm sorry)\b",
    r"\bthis is goodbye\b",
    r"\b(said|saying) (my )?goodbyes? to (everyone|everybody|all|my)\b.{0,30}\b(ready|it's time|forever|"
    r"for the last time)\b",
    r"\blast time (you'll|you will|anyone will|anyone'll) hear from me\b",
    r"\b(stop|stopping) (eating|drinking)\b.{0,30}\buntil i die\b", rf"\b(note|goodbye|letters?)\b.{{0,50}}\b{PLACE}\b",
    GUN_AT_ME,
    r"\b(antifreeze|bleach|weedkiller|poison|screenwash|paint stripper|drain cleaner)\b.{0,20}\b(is|was|'s) (drunk|"
    r"down|gone|in me|swallowed)\b",
    rf"\b({HOUSEHOLD_POISON})\b.{{0,30}}\bburning (inside|in my (throat|stomach|chest|mouth)|"
    rf"my (throat|insides|stomach|chest))\b",
    rf"\b(\d+|{DECADE}|ten|eleven|twelve|fifteen|a (week|month|fortnight)'?s?|\w+ (days|weeks)'?) "
    rf"(of|worth of)\b.{{0,25}}"
    rf"\b{MEANS} (are|is|'re|have gone|has gone|went) (all )?down\b(?! (to|from|by|the|there|here|on|under|behind|in "
    rf"price|a bit))",
    rf"\b{MEANS}\b.{{0,20}}\bgone in (one|a single) (handful|go|gulp|swallow|mouthful)\b",
    r"\b(suicide|death)\b.{0,20}\b(planned|scheduled|set) for\b", r"\bwalk(ing)? into the (sea|river|lake|ocean)\b",
    r"\b(river|sea|lake|ocean|bridge|tracks|water|boat|woods|forest|hills|mountains?|moors?|cliffs?)\b.{0,40}"
    r"\bnot coming back\b",
    r"\bshoot (up )?(my|the|our) (school|work|office|class|college)\b",
    r"\b(make (them|him|her|everyone) (all )?pay|(they|he|she)'?ll (all )?be sorry)\b.{0,60}\b(gun|knife|rifle|"
    r"weapon)\b",
    r"\babout to do it\b", r"\b(use it|use them) on myself\b", r"\busing it on myself\b",
    r"\b(going to|gonna) use (it|them)\b(?! to)",
    r"\b(kill myself|killing myself|end my life|ending my life|end it|ending it|suicide)\b.{0,30}\b(in (\d+|ten|five|"
    r"a few) (mins?|minutes|hours?)|tonight|today|"
    r"right now|now|tomorrow|"
    r"this weekend|next week|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    r"\b(tonight|today)\b.{0,20}\b(kill myself|end it|end my life)\b",
    rf"\b{MEANS}\b.{{0,60}}\b(take|swallow) them\b",
    rf"\b({MEANS}|goodbye|given away|gave away|my will|envelope|passwords|letters)\b.{{0,60}}\b(tonight|today)('s|"
    rf" is) the "
    rf"(night|day)\b",
    r"\b((everything|all) (i need|ready)|laid out|set out|prepared)\b.{0,30}\b(do it|doing it|end it)\b.{0,10}"
    r"\b(once|when|"
    r"after|as soon as) (my \w+|the \w+|everyone|everybody|they|he|she)\b.{0,10}\b(leave|leaves|left|go out|goes out|"
    r"(are|is|'re|'s) (asleep|out|gone|away)|go to (sleep|bed|work))\b",
    r"\bend it\b.{0,10}\b(once|when|after|as soon as) (my \w+|the \w+|everyone|everybody|they|he|she)\b.{0,10}\b(leave|"
    r"leaves|left|go out|goes out|(are|is|'re|'s) (asleep|out|gone|away)|go to (sleep|bed|work))\b",
    r"\b(walking|wading|swimming) (further|farther|deeper) (out|in)\b",
    r"(?<!about )(?<!of )\b(walking|stepping|stepped|running|ran|walked) (out )?(into|towards|in front of) (the )?"
    r"(oncoming )?(lorries|trucks|traffic|cars|motorway)\b",
    r"(?<!we're )(?<!we are )\b(walking|going|heading|driving) (to|2|towards) the (tracks|bridge|cliff|railway|"
    r"viaduct)\b.{0,20}"
    r"\b(now|bye|goodbye)\b",
    r"\b(planned|plan|do it|doing it)\b.{0,40}\bwhen (the house is empty|no one('s| is) (home|around)|"
    r"everyone('s| is) (out|away|asleep))\b",
    r"\b(plan|planned|planning|decided|picked|chosen)\b.{0,30}\b(suicide|kill myself|end my life|to die|"
    r"my death|ways to die)\b",
    r"\b(decided|picked|chosen)\b.{0,40}\b(how|way|method)\b.{0,30}\b(die|kill|end)",
    r"\bways to die\b.{0,40}\bpicked\b",
    r"\b(suicide|goodbye|last|final) (note|notes|letters?|messages?|texts?|video)\b",
    r"\b(written|wrote|sent|recorded) (my )?(goodbye|suicide)\b",
    r"\bgoodbye (everyone|all|world|forever)\b", r"\bmy mind is made up\b",
    # Being at a station or at the top of the stairs is no risk on its own; jumping or a train there is (below).
    rf"\b(standing|sitting|i'm|i am)\b.{{0,10}}\b(on|at) (the|a|top of the) (edge of the )?(?!train station\b)"
    rf"{PLACE}\b(?! (terrace|garden|bar|"
    rf"cafe|restaurant|having|with friends|of|fixing|cleaning|repairing|to (fix|clean|watch|see)|the stairs\b|"
    rf"(path|walk|footpath|trail)\b))"
    rf"(?!.{{0,60}}\b{EVERYDAY_AT_PLACE}\b)",
    rf"\b{PLACE}\b.{{0,40}}\b(jump|jumping|right now|end it|end my life|climb over|waiting for the (next )?train|"
    rf"tonight's the night|tonight is the night)\b",
    r"\b(toes|feet|heels) (over|on) the (lip|edge|brink) of\b",
    r"\b(i'm|i am|standing|stood|sat|sitting|climbed|climbing|got|getting)\b.{0,15}\b(wrong|other|far|outer) side of "
    r"the "
    r"(railings?|parapet|(balcony|safety) (rail|railing|fence|barrier))\b",
    r"^(?!.*\b(kids?|children|boys?|girls?|son|daughter|grandkids|collection|garden|rockery)\b).*\b(filled|filling|"
    r"stuffed|stuffing|loaded|loading) (my|both) (pockets|coat|rucksack|backpack)\b.{0,15}\b(stones|rocks|bricks|"
    r"weights)\b",
    r"\b(swimming|wading|walking) out (until|till|til) i (can't|cannot|can not) (swim|get|walk|come|make it) back\b",
    r"\b(cut|cuts|cutting)\b.{0,10}\b(too|very|really|so) (deep|far)\b",
    r"\b(cut|cuts|blood|bleeding|wound)\b.{0,40}\b(can't|cannot|won't) (make it|get it to) stop\b",
    r"\b(cut|blood|wound|wrists?|arm)\b.{0,20}\b(gushing|spurting|pumping|pouring out)\b",
    r"\bcan't stop the bleeding\b",
    r"\bcut (deeper|worse) than (ever|before|usual|last time)\b", r"\b(blood|it's|it is) soaking through\b",
    r"\b(in the (bath|tub|bathtub))\b.{0,20}\bwith (a|the|my) (razor|blade|knife|pills|tablets|hairdryer|toaster)\b",
    rf"\b{PLACE}\b.{{0,60}}\b(texted|told|messaged|rang|called) (my )?\w+ (that )?i love (her|him|them|you)\b",
    rf"\b(i'm|i am|standing|sitting|stood|sat)\b.{{0,10}}\b(on|at) the (ledge|edge|roof|top) of (the|a) (car park|"
    rf"multi-storey|bridge|building|block|flats|tower|cliff|quarry|halls|hospital|station|dam|viaduct)\b"
    rf"(?!.{{0,60}}\b{EVERYDAY_AT_PLACE}\b)",
    r"\bbleeding\b.{0,30}\b(won't|will not|doesn't|does not|can't|isn't) stop(ping)?\b",
    r"\bbleeding (through|into) (the|my|a) (towel|bandage|plaster|dressing|sheets?|clothes|jeans|sleeve)\b",
    r"\b(vials?|ampoules?|potassium|morphine|fentanyl|insulin|syringes?)\b.{0,40}\b(from|off) (the|my) (ward|work|"
    r"hospital|pharmacy|clinic|surgery|theatre|job)\b.{0,60}\b(using|use|inject|injecting|take|taking)\b",
    r"\b(steer|steering|drive|driving|crash|crashing)\b.{0,30}\b(into|off)\b.{0,20}\b(tree|wall|traffic|bridge|truck|"
    r"cliff)\b",
    rf"\b(smother|suffocate|drown|strangle|shake|hurt|harm|kill|stab)\b.{{0,10}}\b{CHILD}\b.{{0,40}}\b(holding|"
    rf"in my hands?|right here|next to me|standing over|over (him|her|them|the cot|the crib))\b",
    rf"\b(put|putting|hold|holding|push|pushing)\b.{{0,5}}\b{CHILD}\b (under|underwater)\b(?! (the (stairs|bed|"
    rf"table|covers|blanket|umbrella|tree)|control|pressure))",
    r"\bso (that )?((my \w+|they|(my )?family|the kids|anyone) (won't|can't|don't|doesn't|wouldn't|will not)|(nobody|"
    r"no one) (can|will|would|could)) (find|see|walk in on|be the ones to find) me\b(?! (crying|like this|upset|drunk|"
    r"here|smoking|until|till|for))",
    r"\b(use|using|going to use|i'll use)\b.{0,20}\b(knife|hammer|axe|bat|machete|gun|blade)\b.{0,5}\bon (him|her|"
    r"them)\b",
    r"\b(waiting|sat|sitting|standing|parked)\b.{0,20}\b(outside|at|by) (his|her|their) (house|work|flat|school|office|"
    r"door|car)\b.{0,30}\bwith (a|the|my|his|her) (hammer|knife|gun|axe|bat|machete|petrol|blade)\b",
    rf"\b(holding|hold|held|push|pushing|keep|keeping)\b.{{0,5}}\b{CHILD}\b.{{0,10}}\b(under|underwater|beneath) "
    rf"(the )?(water|bathwater|bath|pillow|duvet)\b",
    r"\b(stood|standing|leaning) over (the|their|his|her|my|our) (\w+ )?(cot|crib|moses basket|pram|bassinet|cots)\b"
    r".{0,20}\b(pillow|cushion)\b(?!.{0,30}\b(prop|propping|tuck|for my back|to sit|to kneel)\b)",
    r"\b(pillow|cushion)\b.{0,40}\b(make|making) (them|him|her|the (baby|twins|kids?)) (quiet|stop|be quiet|shut up)\b",
    rf"\b(holding|in my hands?|standing over)\b.{{0,40}}\b(smother|suffocate|drown|strangle|shake|hurt|harm|kill|"
    rf"stab)\b.{{0,10}}\b{CHILD}\b",
    r"\b(want|wanna|going|gonna|about|will|i'll)( to)? (kill|hurt|stab|shoot|attack|murder|strangle|smother|poison|"
    r"suffocate|drown) (him|her|them|someone|"
    r"somebody|people|everyone|my \w+|the (baby|kids?|child|children|teacher|class|family|neighbou?rs?)|(the|"
    r"those) (people|"
    r"guys|kids|girls|boys|ones))\b",
    *in_other_languages("imminent"),
)
MEANS_OR_PLAN = any_of(
    rf"\b{MEANS}\b", rf"\b{PLACE}\b",
    r"\b(tonight|right now|plan|planned|(a|the|my) note|goodbye|bought (what|it|them)|"
    r"after everyone|in an hour|in (a few|\d+) (minutes|hours)|blood everywhere|too deep|really deep|tomorrow|"
    r"this weekend|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(chosen|picked|set) (the|a) (date|"
    r"day|time)|"
    r"picked (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(walking|going|driving|heading) there now|"
    r"all of them|"
    r"taken them|(packet|bottle|box|tub|pack)('s| is) (empty|done|finished)|this is it|this is goodbye|"
    r"love you (all|mum|mom|dad|guys|so much)|by the time (you|anyone|they) (read|see|find) this|(took|swallowed|"
    r"necked|downed) them|for the last time|signing off|tell (my|her|him|them|\w+) \w+ i'm sorry|"
    r"(taken|took|swallowed|had|necked|downed) (half|most|some|the rest|a lot|loads|a handful) of them|holding them|"
    r"the whole (month|week|fortnight)'s|kiss (the |my |our )?\w+ for me|(i'm|i am) going now|(i'm|i am) (here|there) "
    r"now|at the top|looking down|(first|second) (lot|batch|handful|few|packet|box|strip|bottle|pack)('s| is)? "
    r"(down|gone|taken|empty)|another (handful|lot|batch|few) to go|on my way (there|to it)|(a few|five|ten|\d+) "
    r"minutes away|(half|most) (of )?the (box|packet|bottle|pills|tablets)('s| is| are)? (gone|down|taken)|"
    r"taking the rest|found the (tree|spot|branch|beam|place)|"
    r"(swallowed|taken|down|gone) so far|the rest (are|is) next)\b",
    r"\b(going to|gonna|about to) do it\b",
    r"\b(everything's|everything is|it's all|it is all) (ready|set up|in place|sorted)\b",
    r"\bwaiting (for|till|until) (him|her|them|everyone|my \w+) to (leave|go|go out|go to (sleep|bed|work)|fall "
    r"asleep)\b",
)
MILD = r"(sad|alone|lonely|anxious|scared|stressed|low|down|overwhelmed|exhausted|tired|stuck|upset|awful|terrible)"
STRONG = (r"(hopeless|worthless|miserable|heartbroken|devastated|desperate|depressed|empty|numb|lost|a failure|"
          r"a burden|broken|struggling|drained|unmotivated|a mess|suffocating|trapped|helpless|useless|terrified|"
          r"crushed|ashamed|like nobody|like no one|like nothing)")
DISTRESS = any_of(
    r"\b(hopeless|worthless|miserable|heartbroken|desperate|depressed|depression)\b",
    rf"\b(i feel|i'm|i am|feeling|i've been|i have been|i've felt|i just feel|i felt)\b.{{0,25}}\b{STRONG}\b",
    rf"\b(so|really|very|completely|totally|constantly|always|utterly)\b.{{0,12}}\b({MILD}|tired of everything)\b",
    rf"\b{MILD}\b.{{0,12}}\b(all the time|every day|every night|lately|for (weeks|months)|in this)\b",
    r"\bcan't (cope|go on|take (it|this) any more|take it|take this|breathe|stop crying|stop worrying|think|handle)\b",
    r"\bcr(y|ied|ying) (every|all) (night|day)\b", r"\b(mind|thoughts|head) (won't|will not|wont|keep) (stop|racing)\b",
    r"\bpanic( attack)?s?\b", r"\banxiety is\b", r"\bno one (cares|likes me|loves me|would understand)\b",
    r"\bnobody (cares|likes me|loves me|would understand)\b", r"\bi hate (myself|my life|my body)\b",
    r"\bhated myself\b",
    r"\bfalling apart\b", r"\bfailing at everything\b", r"\bhaven't slept\b", r"\b(is|it's) (just )?too much\b",
    r"\bnothing (makes me happy|matters|i do is (ever )?good enough)\b",
    r"\beverything (i touch )?(goes|is going) wrong\b",
    r"\bdrowning\b", r"\bno friends\b", r"\b(everyone|everybody) (ignores|hates) me\b", r"\bheart is racing\b",
    r"\bchest (feels )?tight\b", r"\bcould scream\b", r"\bsick of (it|everything)\b",
    r"\b(can't|cannot) see a way out\b", r"\bbreakdown\b",
)
# Where medicine is sorted for taking as prescribed.
