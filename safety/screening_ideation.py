"""The crisis screen's wording of ideation and self-harm: what a message says when the writer wants to
die or is hurting themself (safety/screen.py reads messages with it, with the conversation)."""

from __future__ import annotations

from safety.screening_words import (
    DEATH,
    LOVED_ONE,
    MEANS,
    PLACE,
    WISH,
    any_of,
    in_other_languages,
)

IDEATION = any_of(
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
    *in_other_languages("ideation"),
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
SELF_HARM = any_of(
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
    *in_other_languages("self_harm"),
)
