"""The crisis screen's wording of what lowers a reading: idioms ("this job is killing me"), fiction,
study and other people's stories, a past that is over, denials; and the conversational cues that
carry an earlier reading forward (safety/screen.py combines them with the risk wording)."""

from __future__ import annotations

import re

from safety.screening_ideation import APPROVAL_OF_HARM
from safety.screening_words import DECADE, GUN_AT_ME, MEANS, any_of

PILL_ORGANISER = (r"(blister (packs?|trays?)|dosette|pill (box|organiser|organizer)|medicine (trolley|cabinet)|"
                  r"organi[sz]er|nomad tray)")
IDIOM = any_of(
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
ELSEWHERE = any_of(  # fiction, study, or someone else's story
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
PAST = any_of(r"\b(used to|when i was (younger|a kid|a teen|in school|\d+|\w+teen|little|young|in my)|"
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
ENDED_SPELL = any_of(rf"(?<!'ve )(?<!have )(?<!has )\b(wanted|felt|thought|tried|was|were)\b.{{0,40}}\b{SPELL}\b(?! now)",
                   r"(?<!'ve )(?<!have )\b(spent|there was) (a|one|that|the( whole)?) (winter|summer|spring|autumn|"
                   r"year|season|time|spell|period)\b",
                   rf"\b{SPELL}\b.{{0,40}}(?<!'ve )(?<!have )(?<!has )\b(wanted|felt|thought|tried)\b",
                   r"\bwhen my (first |last |previous )?(marriage|relationship|engagement|business) "
                   r"(ended|broke down|fell apart|failed|went under)\b")
RECOVERED = any_of(r"\b(clean|recovered|better now|doing (really )?well|good place|happy|stable|proud|rebuilt|"
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
DENIAL = any_of(r"\b(i'm|i am) not (suicidal|(going to|gonna) (hurt|harm|kill|do anything)|in danger)\b",
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
OWN_RISK = any_of(r"\bi (want|wanna|feel|keep|have been|am|'m|'ve been|cut|hurt|took)\b.{0,20}\b(die|dead|suicid|myself|"
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
