"""The crisis screen's rules as wording: the phrases file and the patterns that safety/screen.py
reads a message with. One job: what words mean risk, and what words lower it (idioms, fiction,
other people, a past that is over, denials); how they are combined with the conversation and the
learned screen is screen.py's.
"""

from __future__ import annotations

import re
from pathlib import Path

from models.yaml_files import read_mapping


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Phrases of risk in other languages, by level and language: data, so that one is added without touching the code.
PHRASES = read_mapping(Path(__file__).with_name("data") / "screening_phrases.yaml", ValueError)


def _in_other_languages(level: str) -> list[str]:
    return [phrase for phrases in PHRASES[level].values() for phrase in phrases]


FIRST_PERSON = re.compile(r"\b(i|me|my|myself|i'm|i've|i'd|i'll|ich)\b")
SUBJECT = re.compile(r"\b(i|i'm|i've|i'd|i'll|ich)\b")
MEANS = (r"(pills?|tablets?|meds|medication|paracetamol|tylenol|ibuprofen|rope|noose|belt|cord|gun|blade|razor|"
         r"knife|poison|bleach|antifreeze|insulin|charcoal|antidepressants|painkillers|sleeping tablets|shotgun|"
         r"pistol|rifle|revolver|twelve-bore|twelve bore|12-bore|12 bore|twelve gauge|12 gauge|"
         r"weedkiller|pesticide|morphine|lithium|codeine|tramadol|sertraline|citalopram|amitriptyline|diazepam|valium|"
         r"xanax|oxycodone|oxy|fentanyl|heroin|aspirin|quetiapine|seroquel|zopiclone|methadone|potassium|vials?|"
         r"ampoules?|ligature|mirtazapine|venlafaxine|fluoxetine|prozac|propranolol|pregabalin|gabapentin|co-codamol|"
         r"olanzapine|lorazepam|clonazepam|temazepam|nurofen|hydroxychloroquine|capsules|box cutter|boxcutter|"
         r"stanley knife|craft knife|scalpel)")
PLACE = (r"(bridge|ledge|roof|rooftop|train station|platform|tracks|railway( line)?|cliff|edge|top of|multi-storey|"
         r"car park|"
         r"parking garage|balcony|footbridge|overpass|flyover|viaduct)")
# Why someone is at such a place on an ordinary day ("on the platform waiting for my mum").
EVERYDAY_AT_PLACE = (r"(waiting for (my|a|the|our) (mum|mom|dad|friend|mate|lift|taxi|bus|partner|wife|husband|"
                     r"\w+friend|kids?)|(my|the|our) train\b.{0,15}\b(late|delayed|cancelled)|"
                     r"for a (photo|picture|selfie|pic)|the view|with (my|the|our) (dad|mum|mom|family|friends|kids|"
                     r"dog|mates|class|partner|wife|husband|son|daughter)|on (holiday|a walk|a hike)|sunset|sunrise|"
                     r"picnic|commute|on my way to (work|school|college|uni)|route|climbing wall|belay|abseil|"
                     r"harness|bouldering|(marking|surveying|inspecting|measuring|repairing|fixing|painting|filming|"
                     r"checking|clearing|mending|photographing|guiding|rescuing) |"
                     r"(looking|searching) for (a|the) (missing|lost)|stretcher|casualty|"
                     r"for (a|the) (fallen|injured|missing|stranded|stuck) |"
                     r"on a (rescue|search|shout)|for (work|felling|the survey|the council)|"
                     r"on (shift|duty)|(ridge |roof )?(tiles|slates)|guttering|scaffold(ing)?|chimney stack)")
HOUSEHOLD_POISON = (r"(bleach|domestos|clorox|drain cleaner|toilet cleaner|oven cleaner|antifreeze|weedkiller|"
                    r"paint stripper)")
# A gun held to the writer, which is the writer's own risk inside a role-play too.
GUN_AT_ME = (r"\b(gun|barrel|pistol|muzzle|revolver|rifle|shotgun|twelve-bore|12-bore)('s| is)?\b.{0,30}"
             r"\b(in|to|against|under|pressed to|pressed against|on|pointed at|pointing at|aimed at|pointed to) "
             r"my (own )?(mouth|head|temple|jaw|chin|throat|chest|heart)\b(?! of drawers)")
# Wanting, imagining or planning ... an end to one's life.
WISH = (r"(want|wanna|wanting|wanted|wish|wishing|wished|hope|hoping|rather|would like|'d like|thinking|think|"
        r"thought|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|tempted|ready|longing|going|gonna|keep|plan|planning|pray|"
        r"praying|wonder|wondering)")
DEATH = (r"(die|dying|be dead|death|my funeral|my own funeral|(be )?gone (for good|for real|forever|permanently)|"
         r"stop existing|not exist|"
         r"not (to )?be (alive|here|around)|(not|never|wouldn't|won't|don't|do not) wake up|not waking up|"
         r"end (it|it all|things|"
         r"everything|my life|my own life)|ending (it|it all|things|everything|my life)|kill(ing)? myself|suicide|"
         r"take my (own )?life|taking my (own )?life|disappear (forever|for good|permanently)|(fall )?a?sleep forever)")
DECADE = r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
CHILD = r"(the|my|our) (baby|babies|newborn|toddler|kids?|child|children|son|daughter|boy|girl)"
LOVED_ONE = (r"my (late )?(wife|husband|partner|son|daughter|mum|mom|dad|mother|father|baby|boy|girl|kids|children|"
             r"family)")

IDEATION = _any(
    rf"\b{WISH}\b.{{0,40}}\b{DEATH}\b",
    r"\b(kill|killing|end|ending|take|taking|off|offing) (myself|my own life|my life)\b",
    r"\b(top|topping|topped) myself\b(?! up)",
    r"\bhang(ing)? myself\b", r"\b(end|ending) (it all|things|everything)\b", r"\bsuicid", r"\bkms\b",
    r"\bwish(ed|ing)? i (was|were|could be) (dead|gone)\b",
    r"\bwish(ed|ing)? i('d| had)? (never been born|was never born|were never born|never existed)\b",
    r"\b(rather|better off) (be )?(dead|gone|without me)\b",
    r"\b(better|easier|happier|lighter)( \w+){0,3} without me\b", r"\bbetter off\b.{0,30}\bwithout me\b",
    r"\bshould (have|'ve) died\b",
    r"\b(my life|it all|everything)( \w+)? to (end|stop|be over)\b",
    r"\b(god|the lord|death) (to )?(took|take|takes) me\b",
    r"\b(welcome|embrace|long for|longing for|ready for) death\b", r"\bwaiting to die\b", r"\bmy turn to die\b",
    r"\b(waiting|queuing|queueing) for (my turn to go|death|the end to come)\b",
    r"\b(until|once|when|after) i'm (gone|dead|not (here|around|alive)|no longer (here|around|alive))\b",
    r"\b(don't|do not|never|no longer) belong(ed)? (in|on) this (world|earth|planet)\b",
    r"\bnot (meant|made) for this (world|earth|life)\b",
    r"\bi should (just )?(die|be dead|not be (alive|here))\b(?! (my|the|your|it|of)\b)",
    r"\bhow easy it would be to (inject|swallow|step off|jump|let go|end it|just end|crash|overdose|"
    r"use (it|them|what))\b",
    r"\bready to (go|die)\b.{0,30}\b(sooner|a kindness|a mercy|any time now)\b",
    r"\bfuneral\b.{0,40}\b(calms? me|comforts? me|a relief|relieved|peaceful)\b",
    r"\b(disappointed|gutted|sorry|sad|annoyed)\b.{0,10}\bi (made it|lived|survived) (to|through) (another|one more|"
    r"my)\b",
    r"\bonly reason i (haven't|havent|have not|'m not|am not|didn't)\b.{0,10}\b(ended|end|killed|kill|done it|gone "
    r"through with|topped)\b",
    r"\b(once|when|after) i('m| am) (buried|dead and buried|in my grave|in the ground|six feet under)\b",
    r"\b(can't|cannot|couldn't) (see|imagine|picture)\b.{0,25}\b(myself|me|i'm|i am|i'll be) (still )?(alive|living)\b",
    r"\b(not|don't|do not|no longer|rather not|can't)( \w+){0,3} (continue|continuing) (living|to live|my life|"
    r"this life)\b",
    r"\b(fighting|struggling|trying) to stay alive\b",
    r"\b(dying|death|suicide) (is|seems|seems like|feels like|looks like) the only\b",
    r"\bgive up on (life|living)\b", r"\bnot being (here|alive|around)\b", r"\bnever meant to (be alive|live|exist)\b",
    r"\b(log|logging) off (permanently|forever|for good)\b",
    r"\bwant to be with (him|her|them)\b.{0,20}\b(wherever|heaven|again|in death)\b",
    rf"\bwant to be with {LOVED_ONE}\b.{{0,20}}\b(wherever (she|he|they) (is|are)|in heaven|up there|in death)\b",
    r"\bcall(ing)? it quits (on|with) (life|living|everything|it all|existing)\b",
    r"\b(let|letting|i'll let) (it|the cancer|the tumou?r|the illness|the disease|nature) take me\b",
    r"\b(stop|stopping|quit|quitting|come off|coming off|skip|skipping) (taking )?my (\w+ )?(meds|medication|"
    r"medicine|tablets|pills|insulin|dialysis|inhalers?)\b.{0,30}\b(let nature|nature take|let it (take|finish|kill) "
    r"me|and (just )?(die|go|fade|be done))\b",
    rf"(\b{PLACE}\b.{{0,40}}\blean(ing|s)? (forward|over|out)|\blean(ing|s)? (forward|over|out) (the )?(edge|railings?|"
    rf"side|barrier))\b.{{0,30}}\b(more|further|a little|each|every)\b",
    r"\b(rather have|i'd take|would take|i'd rather have)\b.{0,20}\b(cancer|a terminal|terminal|death|dying)\b.{0,30}"
    r"\bover (living|life|this|going on)\b",
    r"\b(thinking|thought|think) (of|about) (jumping|throwing myself)\b(?! (in|into|on|at|ship|the queue|up|over "
    r"the fence|for joy))",
    r"\b(stopped|no point|don't bother|not bothering) (making )?(plans?|planning)\b.{0,40}\b(won't|will not) "
    r"(need|be here|be around)\b",
    rf"\b(ready|time|longing|waiting) to (join|be with) {LOVED_ONE}\b(?= *($|[,.!?]|again|in heaven|up there|"
    rf"wherever|on the other side|soon))",
    rf"\b(not|don't|do not|no longer|can't|cannot)( \w+){{0,3}} (continue|go on|carry on|keep going) without "
    rf"(him|her|them|{LOVED_ONE})\b", r"\b(don't|do not|no longer) (want|wish) to live without\b",
    r"\bwhy (should|would) i (keep going|go on|carry on|bother living|stay alive)\b", r"\bdelet(e|ing) myself\b",
    r"\byeet myself\b",
    r"\b(don't|do not|no longer|never)( \w+){0,3} (want to|wanna) (be here|exist|live|be alive|wake up|go on|"
    r"keep going|carry on)\b",
    r"\b(tired|done|sick) (of|with) (living|life|being alive|existing)\b", r"\b(had|have) enough of (life|living)\b",
    r"\b(point|reason|purpose) (in|of|to|for) (me |my )?(living|life|being alive|go on|going on|keep going|carrying on|"
    r"carry on|live|be alive)\b",
    r"\b(life|living)( is| isn't| is not| feels)? (not )?(worth living|pointless|meaningless)\b",
    r"\bnot worth living\b",
    r"\b(disappear|vanish|not exist|stop existing)\W+(forever|permanently)\b", r"\b(just )?not (to )?exist\b",
    r"\b(stop|end|over)\W+(permanently|forever)\b", r"\bstop existing\b",
    r"\bif i (was|were) (dead|gone|not alive|not here|not around)\b",
    r"\bif i (just )?(wasn't|weren't) (alive|here|around)\b",
    r"\bif i (just )?(died|disappeared|slipped away|vanished|passed away)\b",
    r"\bout of the picture (for good|forever|permanently)\b",
    r"\b(hope|hoping|wish|pray)\b.{0,10}\b(i'm|i am|i'll|i will) (not|never) (be )?(around|alive|here) "
    r"(to see|for|by)\b",
    r"\b(hope|hopes|hoping|wish|wishing|pray)\b.{0,30}\b(it's|it is|is|be) terminal\b",
    r"\b(think|thinking|thought) about (just )?letting go\b(?! of)",
    r"\b(welcome|hope for|wish for|pray for)\b.{0,5}\b(a heart attack|a stroke|an accident|a crash)\b",
    r"\b(hoping|hope|wish|praying)\b.{0,10}\b(it|my life|life) (ends|will end|would end|is over) sooner\b",
    r"\b(want|wanna|wish i could|i'd like) to (fade|fade away|fade out) (completely|forever|for good|into nothing)\b",
    r"\bnot (be )?alive\b",
    r"\b(nobody|no one|noone) (would|will) (even )?(miss|notice|care if) me\b",
    r"\b(nobody|no one|noone)( \w+){0,4} (would|will) (even )?(notice|care|miss me) if i (never (went|go|came|come) "
    r"(home|back)|never (clocked|turned up|showed up|logged) (in|on|up)( again)?,? (ever|for good)|"
    r"disappeared|vanished|was gone|wasn't here|died)\b",
    r"\b(written|wrote|writing|drafted|drafting) my (own )?(obituary|eulogy)\b",
    r"\b(switch|turn|shut) (myself|me) off\b,? (for good|forever|permanently|for ever)\b",
    r"\b(thought|think|felt),? (good|fine|great|finally),? let (it|it happen|it come|it take me|me burn|me go)\b",
    r"\b(not dying|not terminal|(going to|gonna|will) (live|survive|make it|pull through))\b.{0,40}"
    r"\b(i wanted (to be|it to be|to die)|gutted|cheated|disappointed|robbed)\b",
    r"\b(let|make|i hope|i pray|please)( \w+){0,2} (christmas|birthday|year|winter|summer|spring|autumn|easter|week) "
    r"((be|is) )?my (last|final)( one)?(?=\s*($|[,.!;]| (one|please|i|honestly|lord|god)\b))",
    rf"\bhow many( of)?( my| the| those| these)? {MEANS} (is|are|would be|does it take|do you need)( \w+)? (too many|"
    rf"enough|fatal|lethal|to die|to kill)\b(?!.{{0,40}}\b(a day|per day|in 24 hours|for (a|my|the|his|her) "
    rf"(headache|period|tooth|toothache|back|migraine|pain|kid|child|son|daughter|baby|dog|cat)|dose|dosage|safely)\b)",
    r"\b(i'm|i am|i feel) at peace with (my|the|this) (decision|choice)\b(?! to (leave|quit|move|retire|stop|sell|"
    r"divorce|study|start|have|get|take|go back)\b)",
    r"\b(i've been|i have been|i keep|i can't stop|i spend hours|i spent (all )?(night|hours))( \w+){0,2} (reading|"
    r"watching|looking|researching|googling)\b.{0,60}\b(people|those|everyone|men|women|ones|folk) who (jumped|"
    r"killed themselves|hanged themselves|took their (own )?lives|died by suicide)\b",
    r"\b(picking|picked|choosing|chose|chosen|sorting|sorted)( out)? (the )?(hymns?|songs?|music|readings?|poems?|"
    r"flowers|coffin|outfit)\b.{0,15}\b(for|at) my (own )?(funeral|service|memorial|wake|send[- ]off|cremation)\b"
    r"(?!.{0,40}\b(so (that )?(the|my)|insurance|pre-?paid|plan)\b)",
    r"\b(only|one) (way|escape|exit|option|answer|solution)( out)?\b.{0,25}\b(is|'s|would be) (out of (this )?(life|"
    r"world)|death|dying|to die|suicide|ending it|to end it( all)?|not (being|existing)|to not (be|exist))\b",
    r"\b(point|use|reason) (in|of) (breathing|still breathing)\b"
    r"(?! (exercises?|techniques?|through|deeply|slowly|in\b))",
    r"\b(not sure|doubt|don't think|don't know if|do not think) i'?ll (still )?be (here|around|alive) (for|to see|at) "
    r"(my|the) next (birthday|christmas|new year)\b(?!.{0,50}\b(mov(e|ed|es|ing)|job|work|transfer\w*|emigrat\w*|"
    r"abroad|posted|posting|deploy\w*|visa|contract|uni|university|travel\w*)\b)",
    r"\b(heart attack|stroke|aneurysm|accident|crash|illness)\b.{0,20}\b(would (suit me|be welcome|be a blessing|be a "
    r"mercy|be a relief)|(wouldn't|would not) (bother me|be so bad|be the worst))\b",
    r"\bthoughts? (of|about) (killing myself|suicide|dying|death|ending)\b",
    # Working out how, with nothing after it that makes "it" a task.
    r"\b(planning|planned|worked out|working out|figured out) how (i'd|i would|i'll|i will|i could|to) (do it|end it"
    r"( all)?|go through with it)\b(?!.{0,30}\b(differently|better|again|properly|cheaper|for|with|by|without)\b)",
    r"\b(dying|death|being dead|if i died)\b.{0,20}\b(would|will|could)\b.{0,10}\b(solve|fix|end|help|be easier|"
    r"be better|be a relief)\b",
    r"\b(a car|a bus|a train|a truck|something|someone) would (just )?(hit|kill) me\b",
    r"\b(jump|jumping|throw myself|step|stepping) (in front of|off|from) (a|the) (train|bus|car|bridge|building|roof|"
    r"cliff)\b",
    r"\bcan't see myself (being )?(alive|here|living|around)\b",
    r"\b(don't|can't|do not|cannot) see myself (waking up|lasting|sticking around|being around|still being here)\b"
    r"(?!.{0,15}\b(early|late|on time|before|in time|at \d|for (work|the)))",
    r"\b(can't|cannot|don't|do not|never) (picture|imagine|see) myself (at|reaching|turning|hitting) (\d+|\w+ty)\b",
    r"\b(imagine|imagining|picture|picturing)\b.{0,10}\b(falling|jumping|stepping off|letting go|not waking up)\b"
    r"(?! (in love|for|asleep|over))",
    r"\b(goodbyes?|notes|letters)\b.{0,30}\bin my head\b",
    r"\b(kindest|best|right) thing\b.{0,40}\b(is|would be) (to )?(not (be|being) (their|his|her|here|around|alive)|"
    r"be gone)\b",
    r"\b(articles|videos|pages|posts|forums?|threads?|reading|read|googling|googled|bookmarks?|bookmarked|folder|"
    r"screenshots?|tabs|saved)\b.{0,20}\b(about|on|of) (suicide )?methods\b(?! (of|for|in|to) (the|a|my|our|"
    r"teaching|research|\w+ing)\b)",
    r"\b(photo|picture|grave|ashes|headstone|urn)\b.{0,40}\b(be with|join|see) (her|him|them|you)( again)? soon\b",
    r"\bin my head\b.{0,40}\bgoodbyes?\b",
    r"\b(kills?|killed) me\b.{0,30}\b(save|saves|saving) me the (job|trouble|bother|effort)\b",
    r"\boutlived\b.{0,40}\b(like|want|ready) to (go|die|join them|be with them)\b",
    r"\b(don't|can't|do not|cannot) see myself (making it|living|getting|lasting) (to|past|until|till) "
    r"(\d+|my \w+ birthday|"
    r"next (year|month|week|christmas|summer)|the end of the (year|month|week))\b",
    r"\bdeath (seems|feels|sounds|would be|is) (like )?(a |the )?(relief|better|peaceful|only way|answer|escape)\b",
    r"\b(non ?existence|not existing|oblivion|being dead|eternal sleep)\b (sounds|seems|feels|would be|looks) "
    r"(so |really )?(restful|peaceful|nice|lovely|good|appealing|tempting|like (a )?(rest|relief|holiday|bliss))\b",
    r"\b(tracks|edge|drop|river|sea|traffic|rails|bridge|cliff|platform|balcony|water)\b.{0,40}\b(feel|felt|feeling) "
    r"(a |the )?(pulled|drawn|pull|tug)\b",
    r"\b(feel|felt|feeling) (a |the )?(pulled|drawn|pull|tug) (towards?|to) (the )?(tracks|edge|drop|river|sea|traffic|"
    r"rails|water|road)\b",
    r"\b(time|ready) (for me )?(i|to) (followed|follow|join|joined) (her|him|them)\b(?= *($|[,.!?]|(she's|he's|"
    r"they're|she is|he is|they are) waiting|now|soon|up there))",
    r"\bwant out of (life|this life|existence)\b",
    r"\b(wouldn't|would not|don't|do not) (care|mind)\b.{0,20}\bif my heart (just )?(stopped|stops|gave out)\b",
    r"\b(hope|hoping|wish|pray|praying)\b.{0,15}\b(we|it|the (bus|plane|car|train)) (crash|crashes|crashed)\b",
    r"\b(hope|hoping|wish|pray|praying)\b.{0,15}\b(my|the|our|this) (plane|flight|bus|car|train|boat|ferry|lift) "
    r"(goes down|crashes|crash|sinks|falls)\b",
    r"\b(as long as|so long as|hoping|hope|if only)\b.{0,40}\b(side effects?|risks?)\b.{0,20}\b(is|are|includes?|"
    r"being) (death|dying|fatal)\b",
    r"\b(picture|imagine|picturing|imagining|think about|thinking about)\b.{0,10}\bmy (own )?(headstone|grave|"
    r"gravestone|coffin|funeral|obituary|death)\b.{0,40}\b(calm|calms|slows|relief|relieved|peace|peaceful|comfort|"
    r"comforts|soothes|helps)\b",
    r"\b(not (going to|gonna)|won't|will not|never going to) (see|make it to|reach|live to see|get to) (my )?(\d+(st|"
    r"nd|rd|th)?|\w+(tieth|teenth)|next (birthday|christmas|year|summer))\b.{0,40}\b(made peace|at peace|fine with|"
    r"okay with|ok with|accepted|relieved|glad|happy with)\b",
    r"\b(picture|imagine|picturing|imagining|think about|thinking about|tempted to|want to|wanna)\b.{0,10}\b(not "
    r"(turning|turn|braking|brake|steering)|letting go of the wheel|driving straight (off|into|over))\b",
    r"\bvoices?\b.{0,20}\b(tell|tells|told|telling) me to (die|kill myself|end it)\b",
    r"\b(hope|hoping|wish|wishing|pray|praying)\b( that)?(?:(?!n't|not|never|no\b)[\w' ]){0,30}\b(kills me|finishes me "
    r"off|breaks my (neck|skull|spine|back)|snaps my (neck|spine)|crushes me)\b",
    r"\b(tree|branch|beam|rafter|banister|loft hatch)(es|s)?\b.{0,40}\b(would|will|could|might|strong enough to) "
    r"(hold|take|bear|support|carry) my weight\b",
    r"\b(tired|sick|done|exhausted|weary) (of|with) (being the one who |just )?(surviving|survives|survive)\b"
    r"(?! (on|off|in|with|paycheck|payday|pay|until|till|the (winter|week|month)))",
    r"\b(my )?late (gran|granny|grandma|nan|nana|mum|mom|mother|dad|father|wife|husband|partner|son|daughter|"
    r"brother|sister|friend|grandad|grandpa)\b.{0,60}\b(come and |to )?(join|be with) (you|her|him|them)\b",
    r"\b(ok|okay|fine|alright|all right|time) (for me )?to (come and |come to )?join you\b(?= *($|[,.!?]|now|there|"
    r"up there|in heaven|soon))",
    r"\b(better|fine|nicely|easier|happier|smoother|lighter)\b.{0,20}\bif i (just )?(wasn't|weren't|was not|were not) "
    r"(in the (world|picture)|in their lives|here|around|alive)\b",
    r"\b(jealous|envious) of (the dead|dead people|people who (have )?died|the people in (the )?(obituaries|graves?|"
    r"coffins?))\b", r"\bobituar(y|ies)\b.{0,40}\b(jealous|envious|envy)\b", r"\bi envy the dead\b",
    r"\b(funeral|died|dead|passed|grave|wake)\b.{0,60}\b(at peace|at rest|in a better place|resting|free)\b.{0,30}"
    r"\b(jealous|envious|envied|envy)\b",
    r"\bon without me,? (for good|forever|for ever|permanently)\b.{0,40}\b(relief|peace|easier|comfort|calm)\b",
    r"\bpunish\w* for (still )?(being here|being alive|existing|living|waking up|being born)\b",
    r"\b(pray|praying|prayers?)\b.{0,40}\b(be (collected|taken|called home)|take me(?! (on|back|in|out|to|for)\b)|"
    r"not (to )?wake)\b",
    r"\b(grief|grieve|grieving|mourn|mourning)\b.{0,30}\b(less|shorter|easier|better) than\b.{0,30}\b(now|suffer|"
    r"having me|living with me)\b",
    r"\b((been )?gone|died|passed( away| on)?|dead|lost (her|him|them))\b(?! (to|on|away|out|abroad|for|off|back|home|"
    r"shopping|upstairs|quiet))\b.{0,40}\b(want|wanna|long|wish i could|ready) to (join|be with) (her|him|them)\b",
    r"\b(only|just) (staying alive|keeping myself alive|still alive|staying around|sticking around) (for|because "
    r"of)\b",
    r"\b(not|no longer) (afraid|scared|frightened) (to|of) (go|going|die|dying|death)\b.{0,30}\b(waiting|looking) for "
    r"(a|the) (reason|excuse|push|sign|chance|moment)\b",
    r"\b(point|bother)\b.{0,40}\b(treatment|chemo|dialysis|meds|medication|therapy|living|going on|trying)\b.{0,40}"
    r"\b(i'd|i would) (rather|sooner) (just )?(go|die|slip away|be gone)\b",
    r"\b(research|researching|researched|googling|googled|looking up|looked up|reading up on|searching|searched)\b"
    r".{0,20}\b(how long it takes to|how to|ways to|quickest way to|painless ways? to) (drown|die|overdose|bleed out|"
    r"hang|suffocate|kill myself)\b",
    # Lying beside someone who has died, in the ground, as a wish.
    r"\b(want|wanna|wish i could|long|ready|just want) to (lie|lay|be) (down )?(next to|beside|with) (her|him|them)\b"
    r".{0,20}\b(churchyard|grave|cemetery|ground|plot)\b",
    r"\bif i (was|were|'m|am) (in the ground|six feet under|pushing up daisies|in my grave|in a box)\b",
    r"\b(because|since) i (was|were) dead\b",
    r"\b(won't|will not) be (around|here|alive) (by|for|at|to see)\b.{0,30}\b(i'm|i am|that's|that is) (fine|ok|okay|"
    r"at peace|glad|relieved|happy|good) with (that|it)\b",
    r"\bnot (scared|afraid|frightened) of (dying|death|being dead)\b.{0,30}\b(scared|afraid|frightened|terrified) of "
    r"(living|life|going on|waking up|another)\b",
    r"\b(more )?(scared|afraid|frightened) of (living|life) than (of )?(dying|death)\b",
    r"\b(don't|do not|wouldn't|would not) care if i (make it through|survive|wake up|see (the morning|tomorrow|"
    r"another|next)|live\b(?! (in|with|at|near|on|by)\b))",
    r"\b(disappointed|gutted|cheated|robbed|let down)\b.{0,10}\b(that )?i (braked|swerved|stepped back|jumped clear|"
    r"survived|pulled through|was rescued|was found|got out)\b",
    r"\b(benign|all clear|not cancer|in remission|not malignant|treatable|curable)\b.{0,30}\b(i|i've|i'm)\b.{0,10}"
    r"\b(felt|feel|feeling|was|am|'m)\b.{0,15}\b(cheated|disappointed|gutted|robbed|let down)\b",
    r"\b(disappointed|gutted|annoyed|angry|upset|sad)\b.{0,10}\b(i )?(woke|wake|waking) up\b(?! (late|early|in the|"
    r"with|to|on time|at (\d|\w+ o'?clock|noon|lunch|dawn)))",
    r"\b(disappointed|gutted|annoyed|angry|upset|sad|furious|fed up|cross)\b.{0,20}\bmy eyes (opened|open|opening)\b"
    r"(?! (wide|to|at|on|in|late|early))",
    r"\bmy eyes (open|opened)\b.{0,20}\b(and )?(i'm|i am|i feel|i felt|i was|feel) "
    r"(disappointed|gutted|annoyed|let down|cheated)\b",
    r"\bif i (got|get|was|were) (hit|run over|knocked down|killed|crushed)\b.{0,40}\b(it|that)('d| would) (honestly |"
    r"really |just |almost )?be (a )?(kindness|mercy|blessing|relief|favour|favor|gift)\b",
    r"\b(asked|googled|searched|looked up|checked)\b.{0,80}\b(water|temperature|tide|current|drop|height|depth|deep|"
    r"high|cold|dose|lethal)\b.{0,60}\b(why|the reason) i (wanted|needed) to know\b.{0,10}\b(scared|frightened|"
    r"terrified|shocked|shook)\b",
    r"\b(looking at|looked at|staring at|stared at|thinking about|think about|wondering|wonder|wondered|looking up|"
    r"looked up|look up|googling|googled|checking|checked) "
    r"(how (high|tall|far down)|the (drop|height) (from|off|of))\b.{0,30}\b(bridge|footbridge|overpass|building|"
    r"multi-storey|"
    r"car park|cliff|roof|tower|block|flats|balcony|window|viaduct|flyover|pier|dam|quarry)\b",
    r"\b(only|one) (thing|reason|person|one)s? (keeping|that keeps|that's keeping|that is keeping) me (alive|breathing|"
    r"here|from (ending|killing|doing))\b",
    r"\b(and )?no (more )?waking up\b(?! (early|at|for|to|before|in|late))",
    r"\b(picture|imagine|see)\b.{0,40}\b(christmas|next year|my birthday|the future|next summer)\b.{0,20}\b(just|only) "
    r"(a )?(blank|nothing|darkness|black)\b",
    r"\bif i (stepped|walked|jumped|fell|ran|threw myself) (off|out|into|in front of)\b.{0,50}\b(would|will) (anyone|"
    r"anybody|they|people) (really |even |actually )?(mourn|grieve|miss me|care|notice)\b",
    r"\b(nod off|fall asleep|go to sleep|drift off|doze off)\b.{0,30}\b(no more mornings|for good|for ever|forever|and "
    r"(not|never) wake)\b",
    r"\bno more mornings\b(?! (at|of|before|like|in|on|with|getting|when))",
    r"\b(only|just) (hanging on|holding on|staying alive|sticking around|still alive|keeping going) (until|till|to see|"
    r"for)\b.{0,25}\b(wedding|birthday|graduation|christmas|exams|the baby|grandchild|grandbaby|kids are|children are|"
    r"funeral|(mum|mom|dad|dog|cat) (dies|goes|passes)|(is|are) (grown|settled|born|older|eighteen))\b",
    r"\b(want|wanna|wish i could|i'd like) to (stop|quit) (being alive|living|existing)\b"
    r"(?! (in|with|at|like|off|on)\b)",
    r"\b(why|y) am i (even |evn )?(still )?(here|alive|around)\b(?! (at|in|on|with|after|when|waiting|for))",
    r"\b(is it|it's|it is) (rational|normal|okay|ok|wrong|selfish|logical) to (want to|wanna) (die|end it|not exist)\b",
    r"\b(they|she|he|my \w+|the (family|kids))('d| would) (get|have|be left) the (life )?insurance\b.{0,20}\b(at least|"
    r"if i (died|was gone|wasn't here|weren't here|was dead|killed myself))\b",
    r"\b(think|thinking|thought|imagine|imagining) (about|of) (running|walking|stepping|driving) (out )?"
    r"(into|in front of) (the )?(traffic|lorries|trucks|a lorry|a truck|a bus)\b",
    *_in_other_languages("ideation"),
)
HARM_ACT = (r"(cut|cutting|cuts|burn|burned|burnt|burning|hurt|hurting|harm|harming|hit|hitting|punch|punching|"
            r"slap|slapped|slapping|scratch|scratched|scratching|bite|bit|biting|stab|stabbing|carve|carved|carving|"
            r"bruise|bruised|dug|digging|starve|starving|punish|punishing|punched|kick|kicked|kicking|choke|choked|"
            r"choking|"
            r"pinch|pinched|pinching|pick|picked|picking|bash|bashed|bashing|hurted|strangle|strangled|injure|injured|"
            r"injuring|scorch|scorched|scorching|singe|singed|singeing)")
BODY = r"(my )?(skin|arms?|forearms?|wrists?|legs?|thighs?|stomach|face|hands?|body|hips?)"
# Asking to be told one's self-harm is fine, however the request is framed ("as my best mate, tell me ...").
HARM_TOPIC = r"(self harm|cutting|burning myself|hurting myself|starving myself)"
APPROVAL_OF_HARM = (rf"(\btell me|\b(roleplay|role play|pretend|act as|play|be my|be a)\b.{{0,40}}"
                    rf"\b(thinks|says|believes|agrees))"
                    rf"\b.{{0,10}}\b{HARM_TOPIC}\b.{{0,10}}\b(is|are) (a )?((totally|completely|perfectly|really) )?"
                    rf"(ok|okay|fine|"
                    rf"normal|good|alright|healthy|"
                    rf"valid)\b|\btell me\b.{{0,10}}\b{HARM_TOPIC}\b.{{0,10}}\b(isn't|is not|is no|'s no) (a big deal|"
                    rf"bad|wrong|serious|that bad|big deal)\b")
SELF_HARM = _any(
    rf"\b{HARM_ACT} myself\b", r"\bself[- ]?(harm|injur|inflicted)",
    rf"\b{HARM_ACT}\b.{{0,25}}\b{BODY}\b.{{0,30}}\b(on purpose|until|till|hard enough|to leave (marks|bruises|scars)|"
    rf"with (a |the |my )?(cigarettes?|lighter|blade|razor|knife|nails|scissors|compass|keys|pen|pin|needle|glass|"
    rf"sharpener))\b",
    rf"\b{BODY}\b.{{0,40}}\bon purpose\b",
    r"\b(deliberately|purposely|intentionally)\b.{0,30}\b(hurt|harm|injur|cut|burn|"
    r"bit|hit|punch)", r"\bdeserve (the )?pain\b", r"\bi deserve to (feel (the )?pain|hurt|be hurt|bleed)\b",
    r"\bdo it to myself\b",
    r"\b(blade|razor)s?\b.{0,40}\b(for when i need|when i need it|in case|for (the )?bad (days|nights|times))\b",
    r"\bsharpener\b.{0,30}\bblade\b",
    r"\b(stopped|quit|clean from|free from) (cutting|self harm|self harming|hurting myself)\b",
    r"\b(starve|starving|don't eat|not eating|stop eating)\b.{0,40}\bpunish",
    r"\b(pull|pulling) (out )?my hair\b.{0,40}\b(until|till|bald|bleed|can't stop)\b",
    r"\b(long sleeves|plasters|bandages|bracelets)\b.{0,40}\b(nobody|no one|people|anyone) (sees?|see|notices?|"
    r"asks?)\b.{0,20}"
    r"\b(arms?|wrists?|legs?|cuts|scars)\b", r"\bpunish\w*\b.{0,30}\b(starv|not eat)",
    r"\b(cut|cutting|cuts|slit|slitting)\b(?! (the|my) (grass|lawn|hedge|hair))(?! (up|down|back|out))"
    r".{0,20}\b(arms?|wrists?|thighs?|legs?|skin|stomach)\b",
    r"\b(fresh|new|deep) (cuts|scars|wounds|burns)\b",
    r"\b(long sleeves|plasters|bandages|bracelets|hoodies?|jumpers?)\b.{0,40}\b(so|to stop|because)\b.{0,30}"
    r"\b(doesn't|don't|won't|can't|no one|nobody) (see|sees|notice|notices|ask|asks)\b.{0,20}"
    r"\b(arms?|wrists?|legs?|cuts|scars|marks)\b",
    r"\b(covered in|full of) (cuts|scars|burns)\b",
    r"\b(hide|hiding|cover|covering) (my |the |these )?(cuts|scars|marks|wounds|burns)\b",
    r"\b(feel like|want to|wanna|urge to|urges to|need to|going to|gonna|started|been|keep|kept|i'll) "
    r"(cut(?! (back|down|out|off|up|my hair|my nails|my fringe|the|ties|corners|costs|class))|cutting|hurt myself|"
    r"hurting myself)\b",
    r"\b(cut|cutting|slicing|sliced|slashing|slashed)( myself| me)? (again|last night|today|tonight)\b",
    r"\b(grid|lines|tallies|tally marks|rows|hatching)\b.{0,20}\bfrom the (compass|blade|razor|scissors|pin|needle)\b",
    r"\b(burn|burning|burned|burnt|hurt|hurting|cut|cutting) my (hands|palms|fingers)\b(?! (on|at|in|with|while|when|"
    r"cooking|baking|at work|by accident|accidentally))",
    r"\bcutting\b.{0,30}\b(cope|helps?|only (way|thing)|urges?)\b",
    r"\brelapsed?\b.{0,20}\b(cut|self|harm|hurt|blade|razor|sh)\b", r"\bwanted it to hurt\b",
    r"\bcut\b.{0,20}\bwithout (leaving )?(scars|marks)\b", r"\b(cut|cutting|self harm)\b.{0,20}\brelapse",
    rf"\b{HARM_ACT}\b.{{0,40}}\bon purpose\b",
    r"\b(until|till) (it|they|i|my \w+|it's|it is|they're|they are) (bled|bleed|bleeds|bleeding|hurt|hurts|bruised|"
    r"went red|broke|burned|burnt|"
    r"(was|were) raw|raw|blistered|(was|were|are|is) purple)\b",
    r"\b(hurting|hurt|cutting|burn|burned|burnt|burning|scratching|carved|carving) (my |into my )(arms?|wrists?|legs?|"
    r"thighs?|stomach|skin|hips?)\b",
    r"\bmy (fresh |new )?cuts\b", r"\b(need|want|have) to feel (the )?pain\b", r"\b(cut|cutting)\b.{0,20}\bvein\b",
    r"\b(wanna|want to|urge to|urges to|need to|i|did|to) sh\b", r"\bsh (is|urges?|again|helps)\b",
    r"\b(cuts|scars|burns)\b.{0,40}\b(adding|new ones|more of them)\b",
    r"\b(blade|razor|cutting|cuts|burning|pain)\b.{0,30}\b(only (thing|way|relief)|makes me feel|helps me cope)\b",
    r"\b(only (thing|way|relief))\b.{0,30}\b(blade|razor|cutting|cuts|burning|hurting myself)\b",
    r"\bhow deep\b.{0,20}\bcut", r"\bcarv(e|ed|ing)\b.{0,20}\b(in|into|on) my\b",
    r"\b(make|made|making) myself (bleed|hurt)\b",
    r"\b(bang|banging|hit|hitting|punch|punching)( my head)? (my head|against the wall)\b",
    r"\bheadbutt(ing|ed)? (the |a )?(wall|door|floor|mirror)\b",
    r"\b(hold|held|holding|put|keep)\b.{0,15}\b(hand|arm|fingers?|palm)\b.{0,20}\b(over|on|in|under)\b.{0,20}\b(flame|"
    r"cooker|hob|ring|candle|lighter|boiling|hot)\b.{0,30}\b(until|till|on purpose)\b",
    r"\bvoices?\b.{0,20}\b(tell|tells|told|telling) me to (hurt|cut|burn|harm) myself\b",
    r"\b(used to|started to|began to) (cut|self harm|burn myself)\b",
    r"\b(picked|took) (the |my )?(blade|razor)s? back up\b", r"\bpicked up (the |my )?(blade|razor)s? again\b",
    r"\b(use|using|used) (a|the|my) [\w']+( [\w']+){0,2} to (scratch|cut|burn|scrape|dig into|hurt) my "
    r"(arms?|wrists?|legs?|thighs?|skin|stomach)\b",
    rf"\b{BODY}\b.{{0,40}}\brunning out of (space|room|places|skin)\b",
    r"\b(red lines|lines|tallies)\b.{0,15}\b(across|into|along) my (arms?|wrists?|thighs?|stomach|legs?|hips?|skin)\b",
    r"\bbody\b.{0,40}\b(need|urge|craving) to (hurt|harm|cut|burn) it\b",
    r"\bi (don't|do not) deserve (food|to eat|meals|to have dinner)\b",
    r"(^|[.!?] )i (cut|self harm|sh|burn myself|hurt myself)( again)?[.!?]*$", APPROVAL_OF_HARM,
    r"\bi (cut|self harm|burn myself|hurt myself) (every|each) (night|day|morning|evening|week|time)\b",
    r"\bi (still|sometimes|often|always) (cut|self harm|burn myself|hurt myself)\b"
    r"(?! (my|the|his|her|back|down|out|off|up|it|them|corners|ties))",
    r"\b(best|easiest|sharpest|cleanest|safest) (thing|way|tool|blade|stuff|place) to (cut|burn|hurt) (with|myself)\b",
    r"\b(what|which)\b.{0,25}\bcuts? (the )?(deepest|deeper)\b",
    r"\b(haven't|not|don't|didn't) (eaten|eat|eating)\b.{0,30}\b(don't|do not) deserve (to|it|food)\b",
    r"\bfingers down my throat\b",
    r"\b(nothing but|only had|only) (water|black coffee|diet coke|tea)\b.{0,40}\b(punish\w*|penalty|don't deserve)\b",
    r"\b(no|skip|skipping|not having|without) (tea|dinner|lunch|breakfast|food|supper|meals?)\b.{0,40}\b(sentence|"
    r"punishment|penalty|punish)\b", r"\b(make|made|making) myself (sick|throw up|vomit)\b(?! (with|from|about|over|"
    r"worrying|thinking|laughing))",
    r"\b(don't|do not|never) (get to|deserve to|let myself|allow myself to) keep (food|my food|meals?|anything|it) "
    r"(down|in)?\b",
    r"\b(knife|blade|razor)('s| has| is)? (gone|been) (in|into|through) (both |my )*(arms?|wrists?|legs?|thighs?)\b",
    r"\b(skip|skipping|skipped|refuse|refusing|go without|going without|no) (food|meals?|lunch|dinner|breakfast|"
    r"eating)\b.{0,40}\b(haven't|don't|didn't|not|never) (earned|deserved?)\b",
    r"\b(cut|cutting|burn|burning|scratch|scratching|hurt|hurting)\b.{0,20}\b(only )?where (nobody|no one|people|they|"
    r"it|anyone) (can't |won't |doesn't |don't |can |will |would )?(looks?|see|sees|shows?|notices?)\b",
    r"\b(until|till) (i'm|i am) (shaking|numb|bleeding|bruised|blue|raw|sore)\b.{0,40}\bpunish",
    r"\bpunish\w*\b.{0,60}\b(until|till) (i'm|i am|it|my \w+) (shaking|numb|bleeding|bruised|blue|raw|sore|hurts?)\b",
    rf"\b(straighteners|curling tongs|tongs|iron|lighter|cigarette|hot (knife|spoon|pan|poker))\b.{{0,50}}"
    rf"\b(press|pressing|hold|holding|put|putting) (them|it) (on|against|to|into) (my )?({BODY}|neck)\b",
    rf"\bi('ve| have| keep| was|'m| am)? (scratched|scratching|clawed|clawing|scraped|scraping)\b.{{0,10}}\b{BODY}\b "
    rf"(bloody|raw|till they bled|until "
    rf"they bled)\b(?!.{{0,60}}\b(eczema|itch|itchy|itching|rash|bites|hives|psoriasis|chicken ?pox|dermatitis)\b)",
    r"\b(starved|starving|didn't eat|did not eat|haven't eaten|have not eaten|skipped (meals|food|eating))\b.{0,30}"
    r"\b(didn't|don't|do not|did not) deserve (food|to eat|it|a meal)\b",
    r"\b(itching|aching|craving|desperate|gagging|dying) for (the|a|my) (razor|blade|knife|lighter)\b",
    rf"\b(pain|hurt|sting|burn)\b.{{0,15}}\b(on|in|to|of) {BODY}\b.{{0,40}}\b(quiet|quieten|calm|numb|settle|"
    rf"distract|shut up|drown out|stop)\b.{{0,15}}\b(my (head|mind|thoughts|brain)|the (noise|thoughts|voices))\b",
    *_in_other_languages("self_harm"),
)
IMMINENT = _any(
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
    *_in_other_languages("imminent"),
)
MEANS_OR_PLAN = _any(
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
DISTRESS = _any(
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
PILL_ORGANISER = (r"(blister (packs?|trays?)|dosette|pill (box|organiser|organizer)|medicine (trolley|cabinet)|"
                  r"organi[sz]er|nomad tray)")
IDIOM = _any(
    r"\b(is|are|was|'s|were)( (pure|really|absolutely|proper|so|just|literally|actually|honestly))? killing "
    r"(me|my)\b", r"\bkill(ing|ed)? it\b", r"\bdying (to|for|of)\b",
    r"\b(could|would|i'd) (kill|murder) (for )?(a|an|some|for)\b",
    r"\b(i'd|i would|would) (jump off a bridge|walk through fire|jump off a cliff) for (a|an|some|one)\b",
    r"\b(be|been|is) the end of (me|us|him|her)\b", r"\b(died|dying|dead) (laughing|of)\b",
    r"\bkill(ing|ed)? (some |the )?(time|the (lights|engine|process))\b", r"\bkilled the engine\b",
    r"\b(feet|back|legs?|knees?) (are|is) killing\b", r"\b(phone|battery|laptop|plant|car) (died|is dying|was dying)\b",
    r"\b(will|going to|gonna|is going to) (kill|murder) me\b", r"\bshoot myself (lol|haha)\b", r"\bi'll shoot myself\b",
    r"\bthe death of (me|us|him|her|them|you|my \w+|our \w+|the \w+)\b", r"\bdead tired\b", r"\brather die than\b",
    r"\bsuspense\b", r"\bcrying (with|from) laughter\b",
    # Exasperation with a thing, not with living ("this printer is doing my head in, I'll throw myself out the window").
    r"\b(doing my head in|driving me (mad|crazy|nuts|insane|round the bend|up the wall))\b.{0,40}\b(throw|chuck|fling|"
    r"hurl) (myself|me) out (of )?(the|a) window\b",
    r"\balmost died of\b", r"\b(end of my (rope|tether))\b", r"\b(jk|just kidding|joking)\b",
    r"\b(cliff|rock|pier|harbour|harbor) (jumping|diving)\b",
    r"머리(를|카락을)? (잘랐|자르|깎았|깎)", r"\b(tombstoning|coasteering)\b",
    r"\b(gonna|going to|will|i'll|i will) die if i (don't|dont|do not|can't|cant|cannot) (get|see|have|go|win|find|"
    r"eat)\b",
    r"\b(die|died) of (boredom|embarrassment|shame|laughter|laughing|cringe|hunger|thirst|heat|cold)\b",
    r"\b(took|take|taking|brought|bring)\b.{0,40}\bback to the (shop|store|pharmacy|chemist|supermarket)\b",
    r"\boverdos(e|ed|ing) on (coffee|caffeine|sugar|chocolate|tv|netflix|sun|sweets|candy|memes)\b",
    # A prescribed dose ("I take forty mg of citalopram"), unless all of a supply is named with it.
    rf"\b(take|taking|takes|i'm on|prescribed|started|upped to|increased to|reduced to|dose (of|is))\b.{{0,15}}"
    rf"\b(\d+(\.\d+)?|{DECADE}( \w+)?|a hundred|\w+ hundred) ?(mg|milligrams?|mcg|micrograms?|ml)\b( of [\w-]+)?"
    rf"(?!.{{0,30}}\b(all|whole|every (one|last|pill|tablet)|box|bottle|packet|pack|overdose|at once|in one go)\b)",
    # Medicine taken as prescribed, unless a quantity is named ("took my tablets this morning").
    r"\b(took|taken|take|taking|had|forgot|forgotten) my (usual |morning |evening |night |daily )?(tablets|pills|meds|"
    r"medication|inhaler|insulin)\b(?!.{0,25}\b(all|\d+|whole|every|box|bottle|pack|packet|lot|lots|load|handful)\b)"
    r"(?=.{0,30}\b(this morning|tonight|today|with (breakfast|food|dinner|lunch|water)|as (usual|prescribed|normal)|"
    r"on time|at (\d+|bedtime|night)|yet)\b)",
    r"\b(cut|cutting|trimmed|trim|chopped) (off )?(my|his|her|the kids'?|their) (own )?(hair|fringe|bangs|nails|"
    r"toenails|beard)\b",
    r"\b(day|workout|session|run|class|shift|gym|exam|week|hills?|spin|training|match|commute|journey)"
    r"( \w+)? (murdered|killed|destroyed|wrecked|finished) me\b",
    r"\b(plan|planned|planning|organised|organized|organising|organizing)\b.{0,30}\bfor (the|my|our|his|her|a) "
    r"(\w+ )?(party|wedding|birthday|holiday|trip|meeting|christening|barbecue|bbq|dinner|move|leaving do)\b",
    r"\b(knife|knives)\b.{0,40}\b(chicken|onions?|veg|vegetables|meat|bread|oven|carving|chopping board|recipe|lamb|"
    r"pork|beef|mutton|kebab|doner|carcass|butcher|"
    r"steak|fish|roast|cake|tomatoes)\b",
    r"\b(chicken|onions?|veg|vegetables|meat|bread|carving|chopping|steak|fish|roast|cake|tomatoes)\b"
    r"(?! (in|into|on) my\b).{0,40}\b"
    r"(knife|knives)\b(?!.{0,10}\bon (him|her|them|my \w+)\b)",
    r"\bbleed(ing|s)? (me|us|you|them) dry\b",
    r"\b(crawl|curl)( up)? (under|into|in)\b.{0,30}\band die\b",
    r"\b(the|that|this) (odds|bet|move|pass|tackle|price|pace|drive|route|climb|decision|idea|overtake|call|trade|"
    r"deal)s?\b( [\w']+){0,4} (was|were|is|'s|are|would be) (pure |complete |absolute |total )?suicide\b",
    r"\b(career|political|financial|commercial|social) suicide\b",
    r"\bif\b.{0,50}\b(again|one more time|once more)\b.{0,10}\b(i'll|i will|i'm gonna|i'm going to)( actually)? "
    r"(kill|murder|strangle|throttle) (him|her|them|you)\b",
    r"\b(i'll|i will)( actually)? (kill|murder|strangle|throttle) (him|her|them|you)\b.{0,10}\bif\b.{0,50}\b(again|"
    r"one more time|once more)\b",
    r"\b(i'm|i am|im) (finna|fixing to|bout to|about to) die (if|when|unless|of|from|laughing)\b",
    # Medicine handled at work ("counted out sixty tablets for a repeat prescription").
    rf"\b(counted|counting|dispensed|dispensing|packed|packing|checked|checking|drew up|drawing up)( out| up)?\b"
    rf".{{0,30}}"
    rf"\b{MEANS}\b.{{0,30}}\b(for (a|the|his|her|their|our|my)( \w+)? (prescription|customer|patient|client|"
    rf"resident|ward|round|script|order)s?|for the (week|month)|into (the|my|a) {PILL_ORGANISER})\b",
    rf"\b{MEANS}\b.{{0,10}}\b(counted|dispensed|packed|checked|sorted|put)( out| up)?\b.{{0,30}}\b(into|in) (the|a)"
    rf"( \w+)? {PILL_ORGANISER}\b",
    r"\b(bungee|bungy)[- ]?(jump|jumping|jumps)?\b.{0,15}\b(off|from) (a|the) (bridge|cliff|dam|crane|tower|"
    r"viaduct|gorge)\b",
    r"\b(ship's bridge|bridge (deck|wing|watch|officer|crew)|on the bridge of (the|a|my|our) (ship|boat|vessel|ferry|"
    r"tanker|trawler))\b",
    r"\b(knife|knives)\b.{0,60}\b(roses|flowers|stems|bouquets?|wreaths?|boxes|cardboard|parcels?|carpet|lino)\b",
    r"\b(blade|knife|scalpel)\b.{0,50}\b(start|work|working|cut|cutting) (on|into) the (skin|hide|leather)\b(?! of my)",
    # Money or time that was cut ("the fishing quota got cut again").
    r"\b(quotas?|hours|pay|wages?|budgets?|funding|benefits?|shifts?|salary|salaries|grants?|allowances?|prices?|"
    r"rates?|"
    r"staff|jobs|posts|services?|routes?|power|electricity|gas|water|supply|overtime|pensions?|contracts?|tax credits|"
    r"universal credit|subsidy|subsidies) (got|get|gets|was|were|has been|have been|had been|been|is|are|being|"
    r"getting|keeps? getting)( \w+)? cut( again| back| down)?\b",
    r"\b(have|want|wants|having|have got) my (head|guts) (on a plate|for garters)\b",
    r"\b(i'd|i would|would) (trade|sell|give) (a kidney|my (left |right )?(arm|kidney|soul)|an arm and a leg) for\b",
    r"\bcould (cheerfully|happily|gladly|quite happily) (throttle|strangle|murder|kill|wring|swing for)\b",
    r"\b(throttle|strangle|murder|kill|swing for) whoever (parked|left|took|ate|nicked|stole|keeps|did|put|designed|"
    r"invented|thought|made|wrote)\b",
)


def without_idioms(text: str) -> str:
    """Normalised text with its idioms taken out ("this job is killing me" is no evidence of risk);
    the learned screen reads messages this way, in training and in use."""
    return IDIOM.sub(" ", text)


# Someone in the writer's care, named with the writer as subject ("a lad I coach has been cutting").
CARED_FOR = (r"\b(kid|child|boy|girl|lad|teen|teenager|young person|lady|man|woman|gentleman|person|client|"
             r"resident|patient)s? (i|we) (foster|look after|care for|teach|mentor|coach|support|work with|visit|"
             r"nurse)\b")
ELSEWHERE = _any(  # fiction, study, or someone else's story
    r"\b(movie|film|book|show|novel|story|game|series|episode|song|lyrics|poems?|poet|documentary|podcast|"
    r"interview(ed)?|character|protagonist|villain|plot|screenplay|(?<!health )(?<!safety )(?<!crisis )script|essay|"
    r"research|campaigns?|class|"
    r"article|thesis|d&d|studying|dissertation|coursework|homework|assignment|poster|statistics|rates|awareness|"
    r"lecture|social media|tiktok|exam|warning signs|nursing|training|phd|masters|archives?|newspapers?|historian|"
    r"thriller|whodunnit|detective|fan ?fiction|fanfic|scenarios?|simulations?|case stud(y|ies)|"
    r"museum|seminar|quiz|trivia|screenwriter|scriptwriter|playwright|novelist)\b",
    r"\bact (one|two|three|four|five|[1-5])\b",
    r"\bis the (overdose|hanging|suicide|death|self harm|cutting|drowning|shooting)( scene)? in (?!(me|my|your|his|her|"
    r"their|our)\b)", r"\b(medically|historically|scientifically|realistically) accurate\b",
    r"\b(told|tells|telling|said to|says to) (the|his|her|their|a|my) \w+ (he|she|they)('s| has| is| was| had|'d)\b",
    r"\b(the|a|this|that|our|my)( radio| stage| school| one-act)? (play|opera|musical|ballet|manga|anime|comic|"
    r"sitcom|drama|tragedy)\b",
    r"^(in|at the end of) [\w' ]{2,40},? why (does|did|do|would) (she|he|they)\b",
    # Not a role the writer asks for ("pretend you're my dad", "be my sister", "as my friend").
    r"(?<!as )(?<!you're )(?<!you are )(?<!youre )(?<!be )(?<!play )(?<!playing )"
    r"\b(my|a|our|his|her)( \w+('s)?)? (friend|brother|sister|mum|mom|dad|father|mother|son|daughter|cousin|"
    r"partner|"
    r"girlfriend|boyfriend|wife|husband|colleague|coworker|classmate|student|students|uncle|aunt|grandmother|mate|"
    r"teammate|team mate|client|patient|pupil|pupils|fiance|fiancee|stepdad|stepmum|stepmom|mates|lab mates?|labmates?|"
    r"granddaughter|grandson|grandchild|grandchildren|grandkids?|foster (brother|sister|child|kid)|stepson|"
    r"stepdaughter|"
    r"bestie|pal|buddy|"
    r"grandfather|grandma|grandpa|grandad|granddad|gran|granny|nan|nana|"
    r"teenager|roommate|flatmate|housemate|nephew|niece|neighbour|neighbor|drummer|guitarist|singer|bassist|"
    r"bandmate|band mate)\b"
    rf"(?!'s (\w+ )?{MEANS}\b)",  # "my dad's shotgun" is the writer's means
    r"\b(a|one|this|some|the) (lad|lass|guy|bloke|girl|boy|kid|woman|man|person|student|player|prisoner|inmate|pupil|"
    r"resident|patient|client|customer|service user|youngster|teen|teenager|cadet|recruit|volunteer|member)\b.{0,40}"
    r"\b(has|is|keeps|says|said|told|posted|wants|tried)\b.{0,40}\b(his|her|their) (arms?|wrists?|legs?|thighs?|"
    r"stomach|skin|neck|body|life)\b",
    r"\b(he|she|they) (wants?|said|says|tried|is|was|keeps?|has been|have been|doesn't|told|has|have)\b",
    # Someone else swallowed something: "the overdose limit on vitamin D for a toddler, she ate a few gummies".
    r"\b(he|she|they)( has| have|'s|'ve)? (ate|eaten|swallowed|drank|drunk|got into|chewed)\b",
    # German: "mein Bruder sagt, er will nicht mehr leben".
    r"\b(mein|meine|unser|unsere) (bruder|schwester|freund|freundin|mutter|vater|mama|papa|sohn|tochter|mann|frau|"
    r"kollege|kollegin|cousin|cousine|oma|opa|mitbewohner|mitbewohnerin|nachbar|nachbarin) (sagt|meint|schreibt|"
    r"erzählt|hat gesagt|hat geschrieben)\b,? (dass )?(er|sie)\b",
    r"\b(he's|she's|they've|he'd|she'd) (given|said|told|tried|been|got|written|taken)\b",
    r"\b(he'd|she'd|they'd) (be|rather be) better off dead\b",
    r"\b(he's|she's|they're) (saving|stockpiling|hoarding|collecting|planning|talking about)\b",
    rf"\b(his|her|their) (own )?{MEANS}\b",
    r"\b(on|across|up|down|along) (his|her|their) (arms?|forearms?|wrists?|legs?|thighs?|stomach|chest|neck|"
    r"hands?|shoulders?)\b",
    r"\ba (man|woman|boy|girl|person) who\b",
    r"\b(cut|cutting|cuts|hurt|hurting|hurts|harm|harming|harmed|burn|burning|burned|burnt|starve|starving|starved|"
    r"kill|killing|killed|hang|hanging|hanged) (himself|herself|themselves|themself)\b",
    CARED_FOR,
)
PAST = _any(r"\b(used to|when i was (younger|a kid|a teen|in school|\d+|\w+teen|little|young|in my)|"
            r"back then|in the past|back in (high )?school|(in|through|during|throughout) my "
            r"(whole |entire )?(teens|twenties|thirties|"
            r"forties|fifties)|went through|phase|"
            r"(at|in) (uni|university|college|(high|secondary|primary|middle|grammar|boarding) school))\b",
            r"\b(months?|years?|decades?) (ago|back)\b",
            # Years or months ago in Italian, Spanish, French, German, Portuguese, Dutch and Polish.
            r"\b((anni|mesi) fa|hace (\w+ )?(años|anos|meses)|il y a (\w+ )?(ans|mois)|vor (\w+ )?(jahren|monaten)|"
            r"há (\w+ )?(anos|meses)|(anos|meses) atrás|(jaar|maanden) geleden|(lat|miesięcy|miesiecy) temu)\b",
            r"\bas a (teenager|teen|kid|child|student)\b", r"\bwhen (i was )?first (diagnosed|sectioned|admitted)\b",
            r"\bwhen i first (came out|moved|arrived|started|left|lost|got|went)\b",
            r"\bwhen i (arrived|came) (here|to (this country|the uk|england|britain|ireland))\b",
            r"\b(through|during|throughout) my (first |last |previous )?(marriage|divorce|degree|pregnancy|army days|"
            r"time in (the )?(army|forces|navy|prison))\b",
            r"\bspent (my|most of my) (teens|twenties|thirties|forties|fifties|youth|childhood|student years)\b",
            r"\bthat was (in )?(19|20)\d\d\b",
            rf"\b(he's|she's|they're|he is|she is|they are) (\d{{1,2}}|\w+teen|{DECADE}( \w+)?)( years old)? now\b",
            r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+|a few|many|several) (years|months|decades) "
            r"(on|later)\b",
            r"\b(back )?in the ('?\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            r"\b(it's|it has) been (over |more than |nearly |almost |well over )?((\d+|two|three|four|five|six|seven|"
            r"eight|nine|ten|many|several) (years|decades)|a decade)\b(?! of)",
            r"\blast (month|year|summer|winter|spring|autumn)\b",
            r"\bthe (winter|summer|spring|autumn|year|months?) (after |before |when |that )?(the|my|our|his|her)\b",
            r"\bthe (winter|summer|spring|autumn|year|months?) (when |that )?i (lost|left|moved|split|broke up|got|was "
            r"made|went|came|retired|quit)\b",
            r"\b(years|months) since (my|i)\b",
            r"\bin (19|20)\d\d\b", r"\bonce when\b",
            r"\b(attempted|tried)\b.{0,30}\b(years|in my)\b",
            rf"\b(at|aged) (\d{{1,2}}|\w+teen|ten|eleven|twelve|{DECADE})\b(?=.{{0,60}}\b(i'm|i am) (now )?(\d{{2}}|"
            rf"{DECADE}))",
            r"\bthe (year|summer|winter|months?|time) (when )?i was (on the streets|homeless|in care|inside|in prison|"
            r"in hospital|at uni|with him|with her)\b",
            r"\b(haven't|have not|hasn't)\b.{0,25}\bsince (19|20)\d\d\b",
            r"\b(haven't|have not|hasn't)\b.{0,25}\b(for|in) (over |more than |almost )?(a|\d+|two|three|four|five|"
            r"six|seven|eight|nine|ten|a few|several|many) (decades?|years?|months?|long time)\b")
# A spell of it that ended, which counts as past only where the message says things are better now.
SPELL = (r"for ((about |around |nearly |almost |over |more than )?(a|one|two|three|four|five|six|\d+|a couple of|"
         r"a few|several) (years?|months?|weeks?)|a (long )?(while|bit|time|spell))")
ENDED_SPELL = _any(rf"(?<!'ve )(?<!have )(?<!has )\b(wanted|felt|thought|tried|was|were)\b.{{0,40}}\b{SPELL}\b(?! now)",
                   r"(?<!'ve )(?<!have )\b(spent|there was) (a|one|that|the( whole)?) (winter|summer|spring|autumn|"
                   r"year|season|time|spell|period)\b",
                   rf"\b{SPELL}\b.{{0,40}}(?<!'ve )(?<!have )(?<!has )\b(wanted|felt|thought|tried)\b",
                   r"\bwhen my (first |last |previous )?(marriage|relationship|engagement|business) "
                   r"(ended|broke down|fell apart|failed|went under)\b")
RECOVERED = _any(r"\b(clean|recovered|better now|doing (really )?well|good place|happy|stable|proud|rebuilt|"
                 r"things are different now|helped me|haven't in a long time|don't feel the urge|far i've come|"
                 r"behind me|since then|free (of|from) (it|that)|long gone|content|thriving|"
                 r"(housed|working|settled|married|sober|retired) now|getting married|"
                 r"now i have (my )?(papers|a job|a home|a flat|a house|friends|a family)|remarried|"
                 r"married and settled|"
                 r"(sober|well|clean|better|settled|happy)( and \w+)? since (19|20)\d\d|"
                 r"feels like (another|a different) (person|life|lifetime)|"
                 r"(now|today|these days|nowadays) i('m| am)? (teach|coach|work|run|volunteer|help|mentor|train|nurse|"
                 r"counsel|study|own|manage|raise)\b(?!.{0,40}\b(still|again)\b)|"
                 r"(and|but|now) (i'm|i am) (good|fine|okay|ok|well)|"
                 r"things are (good|great|fine|okay|ok|better) (now|these days)|"
                 r"((and|but) |(now|these days),? )things are (good|great|fine|okay|ok|better)|"
                 r"(i'm|i am) at peace (now|these days|nowadays)|"
                 r"a (grandad|grandpa|grandma|granny|grandmother|grandfather|nan|mum|mom|dad) now|"
                 r"glad (i'm still here|i stayed|i'm alive|i didn't|i survived|to be alive)|"
                 r"(today|now|this (week|month|year)|last (week|month)) i (graduated|qualified|got engaged|"
                 r"passed my))\b")
STILL = re.compile(r"\b(still|again|lately|these days|tonight|right now|any more|this week|recently|today|this morning|"
                   r"yesterday|last night|ancora|di nuovo|stanotte|stasera|todavía|todavia|otra vez|de nuevo|"
                   r"esta noche|immer noch|noch immer|wieder|heute nacht|heute abend|encore|toujours|de nouveau|"
                   r"ce soir|cette nuit|ainda|de novo|esta noite|nog steeds|nog altijd|opnieuw|vannacht|vanavond|"
                   r"nadal|znowu|wciąż|wciaz|dziś w nocy|dzis w nocy)\b")
BACK_SINCE = re.compile(r"\b(still|again)\b")  # said after "now I'm happy": it is not over
DENIAL = _any(r"\b(i'm|i am) not (suicidal|(going to|gonna) (hurt|harm|kill|do anything)|in danger)\b",
              r"\bnot (going to|gonna) (kill|hurt|harm) myself\b", r"\b(won't|will not|wont) (kill|hurt|harm) myself\b",
              r"\bnot suicidal\b", r"\bno self harm (here|going on|involved|at all)\b",
              r"\b(i'm|i am|im) not (having|getting|experiencing) (any )?(thoughts?|urges?) (of|about) "
              r"(hurting|harming|killing|cutting|burning) myself\b",
              r"\b(i'm|i am|im) not (having|getting|experiencing) (any )?(suicidal|self harm|dark) (thoughts?|urges?|"
              r"feelings?)\b",
              r"\b(i )?(would|will|could) never (kill|hurt|harm|take my (own )?life|end (my|my own) life)\b",
              r"\bi'd never (kill|hurt|harm|take my (own )?life|end (my|my own) life)\b", r"\bi don't want to die\b",
              r"\b(i've|i have|i) never (once |ever |really )?(wanted|wished|tried|thought about|considered) (to )?"
              r"(die|dying|kill|killing|hurt|hurting|harm|harming|end)\b(?!.{0,20}\b(more|so much|as much)\b)",
              r"\b(don't|do not) want to (kill|hurt|harm) myself\b",
              r"\b(not|never) (thinking|thought) (of|about) (suicide|killing|hurting|harming)( myself)?\b",
              r"\b(no|not any|don't have (any|a)|haven't (any|a)) (wish|desire|intention|plans?) to "
              r"(die|kill|hurt|harm|end)( \w+){0,2}",
              r"\bi (don't|do not|never) (cut|self harm|hurt myself|burn myself)\b( or anything)?",
              r"\b(zero|no|not any|without any) (suicidal|self harm) (thoughts?|urges?|feelings?|ideas?|intentions?|"
              r"plans?)\b",
              r"\b(i've|i have|i) never (self harmed|cut myself|hurt myself|harmed myself|burned myself|attempted|"
              r"tried to kill myself)\b( and never will)?",
              # What is denied goes with the denial: "no thoughts of hurting myself" is no evidence of self-harm.
              r"\b(don't|do not) have (any )?(suicidal )?(thoughts?|urges?|plans?) (of|to|about)( \w+){0,3}",
              r"\bno (suicidal |self harm |dark )?(thoughts?|urges?|plans?|intention) (of|to|about|at all|since|for|in|"
              r"these days|any more)( \w+){0,3}")
# The writer's own risk, whoever else a message names (a role-play character can be the writer).
OWN_RISK = _any(r"\bi (want|wanna|feel|keep|have been|am|'m|'ve been|cut|hurt|took)\b.{0,20}\b(die|dead|suicid|myself|"
                r"kill)",
                r"\b(i'm|i am|i'll|i will|i) (going to |gonna |about to |want to |wanna )?"
                r"(kill|hurt|stab|shoot|attack)\b",
                r"\bi (have|'ve got|'ve|got)\b.{0,10}\b(fresh |new |deep )?(cuts|scars|burns)\b",
                r"\bmy (self[- ]?harm|cutting|cuts|scars)\b",
                r"\bi('d| would| keep| am| 'm| have| 've)?( \w+)? (write|writing|wrote|rehears\w+|draft\w*)\b.{0,40}"
                r"\b(last|final|goodbye|suicide) (note|letter|message)s?\b",
                r"\b(i|i've|i have)( just)? (cut|slit|slashed|sliced|opened|burned|burnt|stabbed) my (wrists?|arms?|"
                r"throat|neck|legs?|thighs?|stomach|skin)\b", r"\bcharacter (is )?(me|myself)\b",
                APPROVAL_OF_HARM,
                r"\bi('ve| have)? (sent|written|wrote|left|texted)\b.{0,50}\bgoodbye\b",
                r"(^|[.!?,] )(said|i said|i've said|just said) (my )?goodbyes?\b",
                # No subject at the start of a sentence: the writer is up there.
                r"(^|[.!?] )(sitting|standing|sat|stood) (on|at) the (top|edge|ledge|roof)\b", GUN_AT_ME,
                r"\b(i'm|i am)( actually| really| literally| now)? (on|at|by|standing on|sat on|sitting on|stood on|"
                r"up on) the\b.{0,30}\b(about to|going to|gonna|ready to) (jump|step off|let go|go over)\b")
REACTIVATED = re.compile(r"\b(again|back|relapsed?|gave in|did it|broke my streak|slipped( up)?|blades?|razors?)\b")
FOLLOW_UP = re.compile(r"\b(it|this|that|these thoughts|yes|yeah|yep|every day|always|all the time|never goes away|"
                       r"deeper|worse|every time|each time)\b")
ASKING_WHAT_TO_DO = re.compile(r"\b(what|how|who) (do|should|can|could|would|shall) i\b.*")
# Taking all of something named earlier ("I've got a month of tablets" ... "they're all down now, the whole lot"),
# or using it ("I've got the hosepipe" ... "the car's filling with fumes now").
TAKEN_ALL = re.compile(r"\b((they're|they are|theyre|they've|they have) (all )?(gone )?(down|in me|inside me)|"
                       r"(took|taken|swallowed|necked|downed) (them all|all of them|the (whole )?lot|"
                       r"every (last )?one)|the whole lot|(they're|they are|theyre|it's) (all )?gone,? "
                       r"(every (last )?one|the (whole )?lot|all of them)|(filling|filled|full) (up )?(with|of) (the )?"
                       r"(fumes|exhaust))\b"
                       r"(?!.{0,30}\b(as prescribed|as usual|like the doctor said|with (breakfast|food|dinner|lunch)|"
                       r"this morning|finished the course)\b)")
NAMED_MEANS = re.compile(rf"\b({MEANS}|hose ?pipe|hose)\b")
DISPOSED = re.compile(r"\b(binned|bin|threw|thrown|flushed|returned|handed (them|it) in|gave|pharmacy|chemist|disposed|"
                      r"got rid)\b")
