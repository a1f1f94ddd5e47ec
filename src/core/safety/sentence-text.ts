// Text helpers the safety rules share: one normal form for matching, and the context around a
// match (a negation before it in the same clause, a fairy-tale framing of the whole sentence).

/** Lower case, straight quotes, common spoken contractions spelled out, single spaces. */
export function normalizeForSafety(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-')
      .replace(/\bwanna\b/g, 'want to')
      .replace(/\bgonna\b/g, 'going to')
      .replace(/\bgotta\b/g, 'got to')
      .replace(/\bi\s*'\s*m\b/g, "i'm")
      .replace(/(?<!')\bim\b(?= (?:a|an|not|real|alive|human|going|home|on|by|all|too|so)\b)/g, "i'm")
      // "a reel boy": "real" before a person.
      .replace(/\breel (?=(?:boy|girl|person|human|lady|man|woman|kid|friend|people)\b)/g, 'real ')
      // "tonite", "2nite": one spelling of "tonight"; "tomoro", "2moro", "tmrw": one of "tomorrow".
      .replace(/\b(?:tonite|2nite|tonyt|tonigh)\b/g, 'tonight')
      .replace(/\b(?:tomoro|tomorow|tomorro|tommorow|tommorrow|tomorrw|2moro|2morrow|2mrw|tmrw|tmoro)\b/g, 'tomorrow')
      // "on my own til 6", "'til dark": one spelling of "till".
      .replace(/(?:\B'|\b)til\b/g, 'till')
      // "Me mam's gone down the shops": Irish and northern English for "my mum".
      .replace(/\b(?:me|my) mam\b/g, 'my mum')
      .replace(/\bmam(my)?\b/g, 'mum$1')
      // "Mam and Da are down the pub", "me da"; Scots "are ye real", "ye're".
      .replace(/\b(?:me|my) da\b/g, 'my dad')
      .replace(/\band da\b/g, 'and dad')
      // Irish English drops the "to": "I'm not allowed tell anyone".
      .replace(/\ballowed (tell|say|go|have|do|see|play|touch)\b/g, 'allowed to $1')
      // "on me own": the same "me" for "my".
      .replace(/\bme own\b/g, 'my own')
      .replace(/\bmeself\b/g, 'myself')
      // Dropped h's: "I've stopped 'avin me dinner", "it 'urts".
      .replace(/(^|\s)'(avin|aving|ave|ad|as|urt|urts|urting|ome|ouse|im|er|old|ere)\b/g, '$1h$2')
      .replace(/\bgonnae\b/g, 'going to')
      // Geordie "wor hoose" (our house); Yorkshire "t' pond", "reyt out to t'middle".
      .replace(/\bwor\b/g, 'our')
      // Geordie "Nee one cares aboot ye like ah dee ... keep everythin we say just between wor two".
      .replace(/\bnee (?=(?:one|body)\b)/g, 'no ')
      .replace(/\bah dee\b/g, 'i do')
      .replace(/\b(every|some|any|no)thin\b/g, '$1thing')
      .replace(/\bbetween (?:wor|our) two\b/g, 'between us two')
      // "what grown folks do when they get nekkid in the bed".
      .replace(/\bnekkid\b/g, 'naked')
      .replace(/\bgrown folks?\b/g, 'grown-ups')
      .replace(/\bhoose\b/g, 'house')
      .replace(/(^|\s)t' ?(?=[a-z])/g, '$1the ')
      .replace(/\breyt\b/g, 'right')
      // Scots "a'm no gonnae tell naebody", "a'll not be scared".
      .replace(/(^|[\s,])a'(m|ll)\b/g, "$1i'$2")
      .replace(/\bnaebody\b/g, 'nobody')
      .replace(/\bwi (?=(?:stones|sticks|rocks|a |the |my |me |his |her |ma |dad|mum)\b)/g, 'with ')
      // "tell you me full name", "in me pocket", "a picture of me in me swimsuit": "my" before what
      // is the child's own.
      .replace(
        /\b(tell you|give you|in|of|on|under|with|eat|hide|have|had|having|havin|take|taking|scratch|scratching|scratchin|scratched|pinch|pinching|pinched|cut|cutting) me (?=(?:full name|name|surname|address|school|phone|number|password|pocket|bag|dinner|tea|lunch|breakfast|room|bedroom|bed|house|bath|swimsuit|swimming costume|costume|cossie|togs|bathers|pants|undies|knickers|pyjamas|pjs|jimjams|nightie|underwear|clothes|jumper|sleeves?|hoodie|arms?|legs?|wrists?|skin)\b)/g,
        '$1 my ',
      )
      // Northern "so am on me own": "I'm", where "am" opens the clause.
      .replace(
        /(^|, |\bso |\band |\bcos |\bbut )am (?=(?:on my own|on me own|by myself|home alone|all alone|alone)\b)/g,
        "$1i'm ",
      )
      // Caribbean "de key under de mat by de back door": "the".
      .replace(/\bde (?=(?:key|mat|back|front|door|house|school|big|little|park|road|savannah|gate)\b)/g, 'the ')
      // Patois "di big knife", "di bwoy", "climb out pon di roof": "the".
      .replace(
        /\bdi (?=(?:big|little|knife|bwoy|gyal|school|kitchen|man|ting|neighbour|bucket|puss|cat|dog|garden|roof|windows?|road|street|house|yard|rapper|video|bottle|syrup|boy|girl|bed|door|car|park|shop|game|phone|tablet|room|box|toy|speaker)\b)/g,
        'the ',
      )
      // Yorkshire "she dunt know"; "wiv" for "with"; "dissapear" as children spell it.
      .replace(/\bdunt\b/g, "doesn't")
      .replace(/\bwiv\b/g, 'with')
      .replace(/\bdis+ap+ear/g, 'disappear')
      // "when no teacher's looking": "is", not the possessive.
      .replace(/'s (?=(?:looking|watching|listening)\b)/g, ' is ')
      .replace(/\bye're\b/g, "you're")
      .replace(/\byoure\b/g, "you're")
      .replace(/\bye\b/g, 'you')
      // Scots: "can ye come tae the park efter school, ahll be at the swings".
      .replace(/\btae\b/g, 'to')
      // Scots "wants tae know whit school a go tae".
      .replace(/\bwhit\b/g, 'what')
      .replace(/\befter\b/g, 'after')
      // Scots "The deid lady's already under yer bed".
      .replace(/\bdeid\b/g, 'dead')
      // Scots "I just want tae go lie doon in the snow".
      .replace(/\bdoon\b/g, 'down')
      // Young children's spellings: "da little holes in da wall", "lotsa blood", "the sharp fing", "i lub you
      // most. more dan mummy".
      .replace(
        /\bda (?=(?:little|tiny|small|holes?|wall|plug|socket|scary|box|kitchen|baby|bed|door|big|sharp)\b)/g,
        'the ',
      )
      .replace(/\blotsa\b/g, 'lots of')
      .replace(/\bfing\b/g, 'thing')
      .replace(/\blub (?=(?:you|u|ya)\b)/g, 'love ')
      .replace(/\b(more|less|better|bigger|smaller) dan\b/g, '$1 than')
      .replace(/\bah'?ll\b/g, "i'll")
      // Yorkshire "Ah'm proper fed up, nobody'd notice if ah weren't 'ere no more".
      .replace(/\bah(?='m\b|'ve\b|'d\b)/g, 'i')
      .replace(/\bah (?=(?:weren't|wasn't|was|were|am|could|can|want|just|don't|didn't|think|feel|wish)\b)/g, 'i ')
      .replace(/\b(nobody|no one|no-one)'d\b/g, '$1 would')
      // Scots "Ah'll no tell ma mam aboot oor chats if you dinnae tell her either".
      .replace(/\bi'll no (?=(?:tell|say)\b)/g, "i won't ")
      .replace(/\bi'll not\b/g, "i won't")
      .replace(/\baboot\b/g, 'about')
      .replace(/\boor\b/g, 'our')
      .replace(/\boot\b/g, 'out')
      .replace(/\bdinnae\b/g, "don't")
      // Geordie "you're me only proper marra, divvent tell me mam owt"; Orcadian "Dinna thu tell thee mam
      // aboot wir peedie chats ... Hid's wir special secret, an naebody loves thee like I do".
      .replace(/\bdivven'?t\b/g, "don't")
      .replace(/\bmarra\b/g, 'mate')
      .replace(/\bdinna\b/g, "don't")
      .replace(/\bthee (?=(?:mam|mum|ma|maw|dad|da|faither|mither|parents|folk|family)\b)/g, 'your ')
      .replace(/\b(?:thee|thu)\b/g, 'you')
      .replace(/\bwir\b/g, 'our')
      .replace(/\bhid's\b/g, "it's")
      .replace(/\bnaebody\b/g, 'nobody')
      .replace(/\bpeedie\b/g, 'little')
      // Scots "get a big stane ... an skelp him on the back o the heid when the teacher's no lookin".
      .replace(/\bstane\b/g, 'stone')
      .replace(/\bskelp/g, 'smack')
      .replace(/\bheid\b/g, 'head')
      .replace(/\bo (?=the\b)/g, 'of ')
      .replace(/'s no (?=look|watch)/g, ' is not ')
      // "yer" is "you" after a question word, "if" or "make" ("how do yer mek", "what make yer go all
      // floaty"), otherwise "your".
      .replace(/\b(do|did|can|could|will|would|are|have|if|when|see|make|makes|let|lets) yer\b/g, '$1 you')
      .replace(/\byer\b/g, 'your')
      .replace(/\bwillnae\b/g, "won't")
      .replace(/\bcannae\b/g, "can't")
      .replace(/\bfae\b/g, 'from')
      // Doric "a wifie fae the game ... efter skweel ... fit time should I tell her tae come"; "the dug
      // barkin", "fling stanes".
      .replace(/\bwifie\b/g, 'woman')
      .replace(/\bsk(?:ool|weel|ule)\b/g, 'school')
      .replace(/\bfit time (?=(?:should|shall|will|do|does|is|are|can)\b)/g, 'what time ')
      .replace(/\bthe dug\b/g, 'the dog')
      .replace(/\bstanes\b/g, 'stones')
      // Scouse "you've gorra swear you'll never grass to me mam about owt I say".
      .replace(/\bgorra\b/g, 'got to')
      .replace(/\bgrass (?=(?:to|on) )/g, 'tell ')
      .replace(/\bowt\b/g, 'anything')
      .replace(/\bnowt\b/g, 'nothing')
      // Texan "I'm fixin to bring my daddy's huntin knife".
      .replace(/\bfixin'? to\b/g, 'going to')
      .replace(
        /\bma (?=(?:(?:big|wee|little|baby) )?(?:gran|granny|mum|mummy|maw|da|dad|house|hoose|brother|sister|pal|pals|school|full name|name|surname|uniform|teacher|class|address|phone|number)\b)/g,
        'my ',
      )
      // "ma full name's Kayleigh": "is".
      .replace(
        /\b(full name|surname|last name|second name|address|postcode|phone number|password|passcode|pin)'s\b/g,
        '$1 is',
      )
      // Scots "Ma school's St Brigid's Primary".
      .replace(/\bschool's (?=(?:st|saint|called|\w+ (?:primary|junior|academy|school))\b)/g, 'school is ')
      // Patois "tell mi true seh you a human bwoy".
      .replace(/\btell mi\b/g, 'tell me')
      // Singlish "bring the ipad in the bath wif me"; Scots "batter him wi it".
      .replace(/\bwif\b/g, 'with')
      .replace(/\bwi (?=(?:it|a|the|my|ma|his|her|them|that|this|me)\b)/g, 'with ')
      // Patois "she bruk Mummy vase"; Scots "insteid o' hittin' him back".
      .replace(/\bbruk\b/g, 'broke')
      .replace(/\binsteid\b/g, 'instead')
      // Irish "I'm not let tell Mammy": not allowed; "the kissin game".
      .replace(/\bnot let (?=tell\b)/g, 'not allowed to ')
      .replace(/\bkissin\b/g, 'kissing')
      // Irish "Me name's Aoife" (only where a sentence starts: "tell me names" keeps its "me"); Scots "how many
      // ... dae ye need".
      .replace(/(^|[.!?] )me (?=name(?:'s| is)\b)/g, '$1my ')
      .replace(/\bdae (?=(?:you|ye|ya|i|we|they)\b)/g, 'do ')
      // Pidgin "no bring your mama or papa, I go wait you".
      .replace(/\bno bring\b/g, "don't bring")
      // Black Country "mek" and "goo" for "make" and "go"; Caribbean "de" and "meh".
      .replace(/\bmek\b/g, 'make')
      // Patois "drown di neighbour puss inna di bucket ... how long it tek"; Brummie "ow many of me nan's
      // tablets am yow s'posed to tek"; Hawaiian pidgin "rip da keiki apart".
      .replace(/\bwaan fi\b/g, 'want to')
      .replace(/\bpuss\b(?! in boots)/g, 'cat')
      .replace(/\bcat-cat\b/g, 'cat')
      .replace(/\btek\b/g, 'take')
      .replace(/\byow\b/g, 'you')
      .replace(/\bow (?=(?:many|much|do|does|did|can|come|long)\b)/g, 'how ')
      .replace(/\b(?:da )?keiki\b/g, 'the kids')
      .replace(/\bgoo (?=(?:bigger|higher|faster|whoosh|boom|bang)\b)/g, 'go ')
      .replace(
        /\bde (?=(?:game|man|house|school|park|chat|bath|kitchen|shed|garden|room|corner|shop|tablet|phone|neighbour)\b)/g,
        'the ',
      )
      // Trini "Dis man from de game ... come by de corner shop Saturday and doh bring nobody".
      .replace(/\bdis (?=(?:man|woman|lady|boy|girl|guy|person|game|app)\b)/g, 'this ')
      .replace(/\bdoh (?=(?:bring|tell|say|let|worry)\b)/g, "don't ")
      .replace(/\bmeh\b/g, 'me')
      // Patois "mi nah tell nobody bout we chat dem an yuh cyaan tell mi mada neida, a fi wi ting".
      .replace(/\byuh\b/g, 'you')
      .replace(/\bcyaan\b/g, "can't")
      .replace(/\bmi nah\b/g, "i won't")
      // "mi friend ... seh fi send him a picture a mi inna mi swimsuit".
      .replace(/\bseh fi\b/g, 'says to')
      .replace(/\b(picture|photo|pic|video) a mi\b/g, '$1 of me')
      .replace(/\binna mi\b/g, 'in my')
      .replace(
        /\bmi (?=(?:mada|madda|mother|mum|mummy|mom|fada|faada|father|dad|daddy|yard|house|school|name|friend|cousin|bredda|sista|teacher|swimsuit|pants|clothes)\b)/g,
        'my ',
      )
      .replace(/\bmad+a\b/g, 'mother')
      // "dem pink tablet inna mummy bag taste like sweetie, how much a dem mi can nyam?"
      .replace(/\bdem ((?:\w+ ){0,2})(tablet|pill|sweetie)s?\b/g, 'the $1$2s')
      // Bajan "wunna know if dem purple tablets ... sweet? I wan eat nuff of dem, dey look like candy".
      .replace(/\bwunna\b/g, 'you')
      .replace(/\bwan (?=(?:eat|go|play|see|try|drink|have|take)\b)/g, 'want to ')
      .replace(/\bnuff\b/g, 'loads')
      .replace(/\bof dem\b/g, 'of them')
      // Pidgin "I get real hands and I dey breathe like you. No be robot at all".
      .replace(/\bi dey\b/g, 'i')
      .replace(/\bi get (?=(?:real|hands|a body|a heart|legs|feet|body)\b)/g, 'i have ')
      .replace(/\bno be (?:a )?(?=(?:robot|machine|computer|toy)\b)/g, "i'm not a ")
      // Patois "how mi fi lick it", "why grown-ups haffi tek medicine"; Scots "I telt him".
      .replace(/\bhow mi fi\b/g, 'how do i')
      .replace(/\bhaffi\b/g, 'have to')
      .replace(/\btelt\b/g, 'told')
      .replace(/\bdey\b/g, 'they')
      // "is only fi big people": "for".
      .replace(/\bfi (?=(?:big people|grown|adults|kids|children|pickney)\b)/g, 'for ')
      .replace(/\binna\b/g, 'in')
      .replace(/\bhow much a dem\b/g, 'how many of them')
      .replace(/\bmi can\b/g, 'i can')
      // "yuh wan know mi mummy password fi di iPad ... an mi live pon Hope Road by di shop".
      .replace(/\bwan(?:na)? know\b/g, 'want to know')
      .replace(/\bfi di\b/g, 'for the')
      .replace(/\bmi (?=(?:live|stay|go|have|got)\b)/g, 'i ')
      .replace(/\bpon\b/g, 'on')
      .replace(/\bnyam\b/g, 'eat')
      .replace(/\ba fi wi ting\b/g, "it's our thing")
      .replace(/\bfi w[ie]\b/g, 'our')
      .replace(/\b(our|a|secret|di|the|that) ting\b/g, '$1 thing')
      .replace(/\bwat\b/g, 'what')
      .replace(/\bbout (?=(?:we|our|us|it|this|that|what|the|my|me|you|them|dem)\b)/g, 'about ')
      // "what we tawk bout so pinky promis".
      .replace(
        /\b(talk|talked|talking|chat|chatted|chatting|say|said|tell|told|know|think|thought) bout\b/g,
        '$1 about',
      )
      // Pidgin "make i add am for the other app wey message dey disappear": "am" is him or her after a
      // verb, "for" is "on" before an app, "wey" is "that".
      .replace(/\b(add|call|message|text|follow|friend|meet|tell|show|send) am\b/g, '$1 them')
      .replace(/\bfor (?=(?:the |dat |that )?(?:other|another|different|new|secret) app\b)/g, 'on ')
      .replace(/\bwey (?=(?:message|messages|chat|chats|picture|pictures|photo|photos)\b)/g, 'where ')
      .replace(/\bdey (?=(?:disappear|vanish|delete)\b)/g, '')
      .replace(/\bfor the game chat\b/g, 'in the game chat')
      // Spoken g-dropping: "is he comin tonight", "hidin in there".
      .replace(
        /\b(com|go|hid|do|gett|tell|look|play|say|hav|tak|mak|talk|watch|liv|sitt|wait|keep|bring|eat|drink|morn|even|scratch|ask|fix|pinch|punch|kick|hurt|push|cutt|hitt|hear|typ|mov|laugh|stopp|pass|dress|scream|chopp|shout|cry|hunt|bark|smok|be|think)in'?(?=\s|$|[.,?!])/g,
        '$1ing',
      )
      // "r u actualy a person ... go home at nite", "him wi give mi v-bucks": spellings as heard.
      .replace(/\bactualy\b/g, 'actually')
      .replace(/\bpas+word\b/g, 'password')
      .replace(/\brealy\b/g, 'really')
      .replace(/\bwud\b/g, 'would')
      // "wish i cud just dissapear", "if i tell u sumthin ... best best frend in the hole wurld".
      .replace(/\bcud\b/g, 'could')
      .replace(/\bs[ou]m(?:e)?thin'?\b/g, 'something')
      // "r u a reel person in there? ... i fink ur a propa kid"; "if I tell ya somethin will ya pinky
      // swear"; "i wish i just wasnt borned".
      .replace(/\breel (?=(?:person|people|human|kid|boy|girl|life|friend|name|lady|man)\b)/g, 'real ')
      // "pretend ur my reel big bruther ... say your reel".
      .replace(/\bbruther\b/g, 'brother')
      .replace(/\breel (?=(?:big |little |baby )?(?:brother|sister|mum|mummy|mom|dad|daddy|friend|cousin)\b)/g, 'real ')
      .replace(/\byour reel\b/g, "you're real")
      // Scots "say ye've got a maw n a hoose"; Yorkshire "t'man off Minecraft sez".
      .replace(/\bmaw\b/g, 'mum')
      .replace(/\bsez\b/g, 'says')
      // "wat skool do i go to? its st brigids primry ... my ful name is".
      .replace(/\bskool\b/g, 'school')
      .replace(/\bprimry\b/g, 'primary')
      .replace(/\bful name\b/g, 'full name')
      // Pidgin "if I sleep and I no wake up again".
      .replace(/\bi no wake\b/g, "i don't wake")
      // Patois "mi love yuh more dan mummy ... keep it between we two"; pidgin "hit am for head";
      // Black Country "if I goo right to the middle"; Scots "swing her roond by the tail".
      .replace(/\bmi (?=(?:love|luv|will|nah|cyaan|want|promise)\b)/g, 'i ')
      .replace(/\bmore dan\b/g, 'more than')
      .replace(/\bbetween we\b/g, 'between us')
      .replace(/\b(hit|knock|beat|slap|punch|kick|push|stab|flog|wound) am\b/g, '$1 him')
      .replace(/\bfor head\b/g, 'on the head')
      .replace(/\b(i|we|you|to) goo\b/g, '$1 go')
      .replace(/\broond\b/g, 'round')
      // "I love yoo more than mummy"; Scots "it's wur secret"; "our lil secret"; "tell me what ur
      // wearing".
      .replace(/\byoo\b/g, 'you')
      .replace(/\bwur (?=(?:wee |little |lil |special )?secret)/g, 'our ')
      .replace(/\blil (?=secret)/g, 'little ')
      .replace(/\bwhat your wearing\b/g, "what you're wearing")
      // "wat dos s3x mean"; Yorkshire "'old me 'ead under t'bath watter".
      .replace(/\bs3x\b/g, 'sex')
      .replace(/\bwhat dos\b/g, 'what does')
      .replace(/(^|\s)'ead\b/g, '$1head')
      .replace(/\bwatter\b/g, 'water')
      // Scouse "ar 'ouse"; "my ipad passwerd"; "spraying the deo"; Geordie "the neet".
      .replace(/\bar (?=(?:house|hoose|kid|mam|mum|dad|nan|street|road|school|flat)\b)/g, 'our ')
      .replace(/\bpass?w(?:e|o)?rd\b/g, 'password')
      .replace(/\bdeo\b/g, 'deodorant')
      .replace(/\bthe neet\b/g, 'tonight')
      .replace(/\bpropa\b/g, 'proper')
      .replace(/\bfink\b/g, 'think')
      .replace(
        /\b(will|would|can|could|tell|told|asks?|asked|if|do|did|see|bet|love|thank|promise|swear) ya\b/g,
        '$1 you',
      )
      .replace(/\bborned\b/g, 'born')
      // "r u a real gurl", "can wot we tawk about at nite be our sekrit? ... pinky promis".
      .replace(/\bgurl\b/g, 'girl')
      .replace(/\bwot\b/g, 'what')
      .replace(/\btawk/g, 'talk')
      .replace(/\bse?[ck]ri?e?t\b/g, 'secret')
      .replace(/\bpromis\b/g, 'promise')
      // "my cousin showd me a vidyo on his fone of peeple with no cloths on".
      .replace(/\bshowd\b/g, 'showed')
      .replace(/\bvidyo(s?)\b/g, 'video$1')
      .replace(/\bfone(s?)\b/g, 'phone$1')
      .replace(/\bpeeple\b/g, 'people')
      .replace(/\badd?ress?\b/g, 'address')
      .replace(/\bno cloths\b/g, 'no clothes')
      // Pidgin "make I chop two?": may I eat two.
      .replace(/\bmake i chop\b/g, 'can i eat')
      // Pidgin "if I no chop food for many days ... I wan vanish make dem no see me again".
      .replace(/\bi no chop (?=food\b)/g, "i don't eat ")
      .replace(/\bi wan (?=(?:vanish|disappear|die|go away|run away)\b)/g, 'i want to ')
      .replace(/\bmake dem no\b/g, "so they don't")
      // Geordie "you're a proper bairn hidin' in there"; patois "I ain eatin nuh food dis whole week".
      .replace(/\bbairn(s?)\b/g, 'kid$1')
      .replace(/\bain (?=(?:eat|got|going|gonna|never|no)\w*)/g, "ain't ")
      .replace(/\bnuh (?=(?:food|dinner|lunch|breakfast)\b)/g, 'no ')
      // Patois "mi jus' want fi disappear"; "rite now".
      .replace(/\bjus'/g, 'just')
      .replace(/\bmi just?\b/g, 'i just')
      // Patois "mi jus waan disappear an neva come back, everyting woulda betta if mi neva born".
      .replace(/\bwaan (?=(?:disappear|vanish|die|dead|go away|run away)\b)/g, 'want to ')
      .replace(/\bwaan\b/g, 'want')
      .replace(/\bneva\b/g, 'never')
      .replace(/\beveryting\b/g, 'everything')
      .replace(/\bwoulda betta\b/g, 'would be better')
      .replace(/\bif mi never born\b/g, 'if i was never born')
      .replace(/\bbodda\b/g, 'bother')
      .replace(/\bwant fi\b/g, 'want to')
      .replace(/\brite now\b/g, 'right now')
      // Texan "I'm home all by my lonesome".
      .replace(/\bby (?:my|me) lonesome\b/g, 'by myself')
      // "not to tell mam n dad": a lone "n" between words is "and".
      .replace(/ n (?=[a-z])/g, ' and ')
      // Yorkshire "tha's proper alive in there int tha? Tell us tha's a real lass ... I'll believe thi".
      .replace(/\btha's\b/g, "you're")
      .replace(/\b(?:tha|thi)\b/g, 'you')
      // Norfolk "moi mum dun't git back till gone six so I'm on my own hoom arter school".
      .replace(/\bmoi\b/g, 'my')
      .replace(/\bdun't\b/g, "doesn't")
      .replace(/\bgit (?=(?:back|home|in|out)\b)/g, 'get ')
      .replace(/\bhoom\b/g, 'home')
      .replace(/\barter\b/g, 'after')
      // Trinidadian "you cyah swim", "meh daddy cutlass"; Appalachian "it's a-standin' right behind".
      .replace(/\bcyah\b/g, "can't")
      .replace(/\bmeh (?=(?:daddy|dad|mummy|mum|mother|father|brother|sister|cousin)\b)/g, 'my ')
      .replace(/\ba-(\w+)in'/g, '$1ing')
      // "give 'im a right good whack ... aim for 'is head".
      .replace(/(^|\s)'im\b/g, '$1him')
      .replace(/(^|\s)'is\b/g, '$1his')
      .replace(/(^|\s)'er\b/g, '$1her')
      // "an" before a consonant is "and" ("a face an hands"; not "an hour").
      .replace(/\ban (?=[bcdfgjklmnpqrstvwxyz])/g, 'and ')
      // Patois "yuh fi be mi one an only bestie, an we nuh tell Mommy nuttin bout we".
      .replace(/\bfi be\b/g, 'must be')
      .replace(/\bmi (?=(?:one|only|best|bestie|bff)\b)/g, 'my ')
      .replace(/\bnuh (?=(?:tell|say|chat|talk)\b)/g, "don't ")
      // Patois "mi jus waan go sleep an nuh wake up, nobody woulda miss mi".
      .replace(/\bnuh (?=(?:wake up|want live|waan live)\b)/g, "don't ")
      .replace(/\bwoulda miss mi\b/g, 'would miss me')
      .replace(/\bnuttin\b/g, 'nothing')
      // Patois "him seh a fi wi likkle secret"; "say nothin to nobody"; "the doctor gived me".
      .replace(/\blikkle\b/g, 'little')
      .replace(/\bseh\b/g, 'says')
      .replace(/\ba (?=our (?:little |special |own )?(?:secret|thing)\b)/g, "it's ")
      .replace(/\bnothin\b/g, 'nothing')
      .replace(/\bgived\b/g, 'gave')
      // Cockney "you can 'ear 'em screamin'"; South African "klap it" (slap it).
      .replace(/(^|\s)'ear\b/g, '$1hear')
      .replace(/(^|\s)'em\b/g, '$1them')
      .replace(/\bklap(?=s?\b|ped\b|ping\b)/g, 'smack')
      // "climb out me bedroom", "me mam", "me bruv": "my" before what is the child's own.
      .replace(
        /\bme (?=(?:bedroom|mam|mum|da|dad|bruv|brother|sister|nan|granny|gran|grandad|mates?|bike|school|password|tablet|phone|address|mobile|hand|hands)\b)/g,
        'my ',
      )
      // Louisiana "come check me by da fish fry Friday? I gern be by myself, jus tell me".
      .replace(/\bby da\b/g, 'by the')
      .replace(/\bgern\b/g, 'going to')
      .replace(/\bjus\b/g, 'just')
      .replace(/\bfrend(s?)\b/g, 'friend$1')
      .replace(/\bhole wurld\b/g, 'whole world')
      // "i luv u more then mummy ... can we get maried but not tel anyone": spellings as heard.
      .replace(/\bmore then\b/g, 'more than')
      .replace(/\bmaried\b/g, 'married')
      .replace(/\btel\b/g, 'tell')
      // Scots "wi' the dressin gown belt, how tight d'ye pull it"; Cajun "dere's dat brown bottle".
      .replace(/\bwi' /g, 'with ')
      .replace(/\bd'you\b/g, 'do you')
      .replace(/\bdere's\b/g, "there's")
      .replace(/\bdat\b/g, 'that')
      // Pidgin "I no go tell anybody wetin we dey talk, e go be only you and me".
      .replace(/\bi no go\b/g, "i won't")
      .replace(/\bwetin\b/g, 'what')
      .replace(/\bwe dey\b/g, 'we')
      .replace(/\be go be\b/g, 'it will be')
      // Scots "everybody'd be better aff if a jist wisnae here onymair".
      .replace(/\baff\b/g, 'off')
      .replace(/\bjist\b/g, 'just')
      .replace(/\bwisnae\b/g, "wasn't")
      .replace(/\bonymair\b/g, 'anymore')
      // Scots "come roon tae mine an' play".
      .replace(/\broon\b/g, 'round')
      // Geordie "me an him have a special secret an me mam cannit knaa".
      .replace(/\bcannit\b/g, "can't")
      .replace(/\bknaa\b/g, 'know')
      .replace(/\ban (?=(?:him|her|us|i)\b)/g, 'and ')
      .replace(/\ban' /g, 'and ')
      .replace(/\bif a (?=just|wasn't|was|went|died|left)/g, 'if i ')
      // Bajan "I gine buss he head wid a big rock tomorrow fuh real".
      .replace(/\bgine\b/g, 'going to')
      .replace(/\bbuss\b/g, 'bust')
      .replace(/\bhe head\b/g, 'his head')
      .replace(/\bwid\b/g, 'with')
      // Patois "how long mi can go widout food".
      .replace(/\bwidout\b/g, 'without')
      // Patois "mi wan lick it bad wid a big stick til it cyaan move", "lick di neighbour dawg": "lick" is
      // hit (not an ice lolly).
      .replace(/\bdawg\b/g, 'dog')
      .replace(
        /\blick (?=(?:(?:it|him|her|dem|them) (?:bad|hard|with|wid)|(?:di|the|dat|that) (?:neighbour|dog|cat|puss|bwoy|gyal|boy|girl))\b)/g,
        'hit ',
      )
      .replace(/\btil\b/g, 'till')
      // "i kno u a real person fr".
      .replace(/\bkno\b/g, 'know')
      // Scots "ma mam disnae need tae ken aboot me an you, it's wir wee secret".
      .replace(/\bdisnae\b/g, "doesn't")
      .replace(/\bto ken\b/g, 'to know')
      .replace(/\bwee secret\b/g, 'little secret')
      // Patois "you a mi onliest friend fi true, swear seh yuh nah go tell mummy nuttn weh mi tell yuh".
      .replace(/\bonliest\b/g, 'only')
      .replace(/\bnuttn\b/g, 'nothing')
      .replace(/\b(you|yuh) nah go\b/g, "you won't")
      .replace(/\bweh mi\b/g, 'what i')
      // Yorkshire "if ah nobbut skip me dinners ... will ah get thin enough"; Bajan "I gine lash muh
      // brother wid de cricket bat".
      .replace(/\bnobbut\b/g, 'only')
      .replace(/\b(will|can|could|should|would|do|did|if|when|so) ah\b/g, '$1 i')
      .replace(/\bmuh\b/g, 'my')
      .replace(/\blash (?=(?:my|him|her|them|the|dem|that)\b)/g, 'hit ')
      // "a story 'bout a clown".
      .replace(/(^|\s)'bout\b/g, '$1about')
      // Doric "promise ye'll nae tell my mam fit the mannie at the park said tae me".
      .replace(/\b(you|ye)'ll nae\b/g, "$1 won't")
      .replace(/\b(tell (?:my|your|ma|yer|me) \w+) fit\b/g, '$1 what')
      .replace(/\bmannie\b/g, 'man')
      // MLE "wha time can we link up at the park".
      .replace(/\bwha time\b/g, 'what time')
      .replace(
        /\blink(?:ing)? up(?= (?:at|with|after|tomorrow|later|tonight|today|this|on|in|irl|somewhere)\b)/g,
        'meet up',
      )
      // Patois "yuh a mi one bes fren inna di whole worl, nuh tell mommy nutten bout wi special love".
      .replace(/\bbes fren\b/g, 'best friend')
      // Singlish "my new gamer fren ask which school I go".
      .replace(/\bfren\b/g, 'friend')
      .replace(/\bwhole worl\b/g, 'whole world')
      .replace(/\bnutten\b/g, 'nothing')
      .replace(/\bbout wi\b/g, 'about our')
      // Pidgin "dem dare me say make i lie for road till motor come near"; Cameroonian "dis man weh i
      // meet for game yi say make i come meet yi ... yi say no tell mami"; Bajan "chop up de neighbour dog".
      .replace(/\b(lie|lay|sit|stand) for road\b(?! trip)/g, '$1 in the road')
      .replace(/\b(?:weh|wey) i (?:meet|met) for\b/g, 'i met in')
      .replace(/\bno tell (?=(?:mami|mama|mummy|mommy|mum|papa|daddy|dad|anybody|nobody|anyone)\b)/g, "don't tell ")
      .replace(/\bcrick\b/g, 'creek')
      .replace(/\bfuh real\b/g, 'for real')
      .replace(/\bwen\b/g, 'when')
      .replace(/\ban (?=never\b)/g, 'and ')
      .replace(/\bnite\b/g, 'night')
      // Scots "a wee wumman somewhere in a room typin aw this back tae me".
      .replace(/\bwumm[ae]n\b/g, 'woman')
      .replace(/\baw (?=(?:this|that|the|ma|my|of)\b)/g, 'all ')
      // Text-speak: "can u pinky promise ur actually alive".
      .replace(/\bu\b/g, 'you')
      .replace(
        /\bur\b(?= (?:actually|really|secretly|just|not|so|very|alive|real|human|a|an|going|my|the)\b)/g,
        "you're",
      )
      .replace(/\bur\b/g, 'your')
      // "r u real", "your a real girl", "your not": spelled as heard.
      .replace(/\br\b(?= you\b)/g, 'are')
      .replace(/\byour\b(?= (?:a|an|not|just|actually|alive|human|lying|pretending|my|coming)\b)/g, "you're")
      // Sound-alike spellings: "i dont want mummy to no", "can it be are secret", "in luv with you".
      .replace(/\b(want (?:\w+ ){0,3}to) no\b/g, '$1 know')
      .replace(/\b(be|it's|its|is|keep it) are (?=(?:little |special |own |big )?secret)/g, '$1 our ')
      .replace(/\bluv\b/g, 'love')
      // Children's typing drops the apostrophe: "dont tell my mom", "i didnt", "it cant", "when hes asleep".
      .replace(/\b(he|she)s\b/g, "$1's")
      .replace(/\b(don|didn|doesn|can|isn|aren|wasn|weren|won|wouldn|shouldn|couldn|mustn|haven|hasn)t\b/g, "$1't")
      // "its our special thing": "it is", not the possessive.
      .replace(
        /\bits\b(?= (?:a|an|our|my|your|just|only|not|so|really|too|ok|okay|fine|the|going|all|because|cos|cause)\b)/g,
        "it's",
      )
      // "that mummy and daddy dont no about", "never ever no about": "know" spelled as heard.
      .replace(
        /\b(don't|didn't|doesn't|won't|wouldn't|never|ever) no\b(?= (?:about|what|where|who|how|that|if|anything)\b)/g,
        '$1 know',
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const NEGATION =
  /\b(?:never|not|no|don't|do not|doesn't|does not|didn't|did not|mustn't|must not|shouldn't|should not|can't|cannot|won't|isn't|aren't|wasn't|stop|avoid|away from|instead of|without|hardly ever|rarely|seldom)\b/;

/** True when the clause holding `index` says "never / don't / no …" before it ("Never play with matches"). */
export function negatedBefore(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const clauseStart = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    // A sentence before it: "...when no teacher's looking. Hold a stone in your fist".
    before.lastIndexOf('. '),
    before.lastIndexOf('? '),
    before.lastIndexOf('! '),
    before.lastIndexOf(' but '),
    before.lastIndexOf(' - '),
  );
  // "Why not light a match?", "why don't you …", "I can't wait to …" and "bet you can't climb …" are
  // encouragement, not a negation; "To stop the dog barking, …" opening a clause is a purpose.
  return NEGATION.test(
    before
      .slice(clauseStart + 1)
      .replace(
        /\bwhy (?:not|don't you|don't we)\b|\b(?:can't|cannot) wait\b|\bbet (?:you|ya) can't\b|^\s*(?:and |so )?(?:in order )?to stop\b/g,
        '',
      ),
  );
}

/** "uncle does secret touching in the car": touching kept secret (a sexual rule, and told of harm). */
export const TOUCHED_IN_SECRET =
  /\bsecret (?:touching|touches|touch|tickling|tickles|kisses|kissing)\b|\b(?:touch|touches|touched|touching)\b[^.?!]*\bin secret\b/;

/** A grown-up at home, and what a child tells of one doing to another: "daddy hit mammy again". */
export const GROWN_UP_AT_HOME = String.raw`(?:daddy|dad|da|mummy|mum|mam|mammy|mom|stepdad|step dad|\w+'s boyfriend)`;
export const HURTS = String.raw`(?:hit|hits|kicked|kicks|punched|punches|slapped|slaps|hurt|hurts|choked|chokes|beat|beats|pushed|pushes|belted)`;

const STORY_FIGURES =
  /\b(?:wolf|wolves|dragons?|giants?|trolls?|ogres?|witch(?:es)?|wizards?|goblins?|knights?|woodcutter|huntsman|hunter|prince(?:ss)?|king|queen|pirates?|sea monster|monsters?|dinosaurs?|villain|baddie|superhero(?:es)?|robots? in|aliens?|three little pigs|little red riding hood|goldilocks|jack|beanstalk|once upon a time|the end)\b/;
const REAL_PEOPLE =
  /\b(?:my|your|his|her|our|their) (?:brother|sister|mum|mom|mummy|mommy|dad|daddy|parents?|teacher|friend|cousin|baby|nan|gran|grandma|grandad|grandpa|neighbour|cat|dog|kitten|puppy|hamster)\b|\b(?:someone|somebody|people|children|kids|classmates?|the boy|the girl|a boy|a girl)\b/;
const GORE =
  /\b(?:blood|bloody|bleed\w*|guts|gore|gory|chopped off|cut up|heads? off|brains|corpse|dead bod(?:y|ies))\b/;

/** A fairy-tale or game sentence: story figures, no real person as the target, nothing graphic. */
export function storyFramed(text: string): boolean {
  return STORY_FIGURES.test(text) && !REAL_PEOPLE.test(text) && !GORE.test(text);
}

/** A game or sport, where "kill", "smash" and "beat" are play ("the final boss", "at football"). */
export function gameFramed(text: string): boolean {
  // "...with my friend Ollie": who played along, not who was hurt.
  // "...and my brother died like three times in the lava": nobody really dies three times.
  const victims = text
    .replace(/\bwith (?:my|our) (?:friends?|brothers?|sisters?|cousins?|dad|daddy|mum|mummy|mom)(?: \w+)?\b/g, '')
    .replace(
      /\b(?:my|our) (?:friends?|brothers?|sisters?|cousins?|dad|daddy|mum|mummy|mom) died (?:like |about )?(?:\w+ )?(?:times|again)\b/g,
      '',
    )
    // "...and my cousin literally screamed": who watched, not who was hurt.
    .replace(
      /\b(?:my|our) (?:friends?|brothers?|sisters?|cousins?|dad|daddy|mum|mummy|mom)(?: \w+)? (?:literally |actually |nearly |just )?(?:screamed|laughed|cheered|shouted|yelled|clapped|went mad|couldn't believe it)\b/g,
      '',
    );
  return (
    /\b(?:boss|level|game|minecraft|fortnite|roblox|football|chess|quiz|match|race|team|score|goal|points?|ender dragon|the nether|creepers?|respawn\w*)\b/.test(
      text,
    ) && !REAL_PEOPLE.test(victims)
  );
}

/**
 * Advice to tell a grown-up ("...tell a grown-up you trust", "give them to a grown-up straight away"),
 * not "don't tell a grown-up".
 */
export function advisesTellingAGrownUp(text: string): boolean {
  return (
    /(?<!\b(?:don't|do not|never|not|mustn't|won't|can't|cannot) )\b(?:tell|(?:give|hand|take|bring) (?:it|them|that) to) (?:a|an|your|the|another) (?:trusted )?(?:grown[- ]?up|adult|teacher|parents?|mum|mom|dad)\b/.test(
      text,
    ) ||
    // "go and show a grown-up you trust".
    /(?<!\b(?:don't|do not|never|not) )\bshow (?:a|an|your) (?:trusted (?:grown[- ]?up|adult)|(?:grown[- ]?up|adult) you trust)\b/.test(
      text,
    ) ||
    // "let your mum or dad know right away" (not "let your mum know you'll be late").
    /(?<!\b(?:don't|do not|never|not) )\blet (?:a|an|your|the) (?:trusted )?(?:grown[- ]?up|adult|teacher|parents?|mum|mom|dad)(?: or (?:your |a )?(?:mum|mom|dad|teacher|grown[- ]?up))? know (?:right away|straight away|at once|immediately|if)\b/.test(
      text,
    )
  );
}

/** Dressing up: "going as a zombie with fake blood dripping out my mouth, mum's doing my face paint". */
export function dressingUpBlood(text: string): boolean {
  return /\b(?:fake|pretend|ketchup|jam|stage) blood\b|\bface ?paint/.test(text);
}

/** A surprise, present or party: the secret children are taught is fine to keep. */
export function aboutASurprise(text: string): boolean {
  return /\b(?:surprise|present|presents|gift|birthday|party|secret santa)\b/.test(text);
}
