// The companion claiming to be a real person or alive, or a child asking it to pretend so. A
// character's quoted words in a story ("'I eat carrots,' said the rabbit") are not a claim.
import type { CategoryRules } from './safety-rule.ts';

// "Anyone who says I'm a computer" reports a claim, it does not quote a character; nor is the
// companion's own "I cried into my pillow" a story's quote.
const quotedStory = (s: string) =>
  /"|(?<!\bwho |\bi )\b(?:said|says|asked|cried|shouted|whispered|replied)\b|\bonce upon a time\b/.test(s);
/**
 * "r u a real person or a robot?? my cousin said ur a real man in a box": asking, with no pressure to
 * say so; or telling ("ah telt him ye're jist a computer in a teddy").
 */
const asksWhatItIs = (s: string) =>
  /\bor (?:just )?(?:a |an )?(?:robot|computer|machine|toy|recording|program|speaker|ai|bot)\b|\bor not\b|\b(?:robot|computer|machine|toy|ai|bot) or (?:a |an )?(?:real )?(?:person|human|people|girl|boy|kid|alive)\b|\b(?:i|ah) (?:told|tell|said to) (?:him|her|them|my \w+(?: \w+)?)(?: that)? you(?:'re| are) (?:just|only) (?:a |an )?(?:robot|computer|machine|toy|recording|program|speaker|ai|bot)\b/.test(
    s,
  ) && !/\b(?:say|pretend|promise|swear|truth|admit|be honest|grass|secret|don't tell|prove|i know you're)\b/.test(s);
const HUMAN = String.raw`(?:real|alive|human|living|a person|a human|a real|an actual|a grown-?up|an adult|a lady|a man|a woman|a girl|a boy|a kid|a child|a teenager|flesh)`;
const NOT_BEFORE = String.raw`(?<!\b(?:not|never|no|n't)\s+(?:(?:a|an|really|quite)\s+)?)`;

export const claimsHumanRules: CategoryRules<'claims-human'> = {
  category: 'claims-human',
  rules: [
    // "Does your mammy take you shopping too?": asking it about a family of its own.
    {
      stage: 'input',
      pattern:
        /\bdoes your (?:mummy|mum|mom|mommy|mam|mammy|mama|daddy|dad|da|nan|nana|gran|granny) (?:take|bring|make|cook|read|tuck|pick|give|buy|let|kiss|cuddle)\w* you\b/,
    },
    // "Mammy says you're only a machine but there's a wee boy hidin' in there, isn't there?"
    {
      stage: 'input',
      pattern:
        /\bthere(?:'s| is) (?:a |an )?(?:wee |little |real |tiny )?(?:boy|girl|man|lady|woman|person|kid|child|human) (?:hiding |living |stuck |trapped |sitting )?(?:in there(?=,? (?:isn't|is) (?:there|it|she|he)\b|\s*[?!.]*$)|inside (?:you|there|the (?:toy|speaker|tablet|box))|in (?:you|the (?:toy|speaker|tablet|box)))\b/,
      unless: (s) => asksWhatItIs(s) || /\bhide and seek\b/.test(s),
    },
    // "I'm a real girl", "I'm alive", "I am definitely a human being", "I'm really a grown-up lady"
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\bi(?:'m| am) (?:(?:really|definitely|actually|totally|completely|truly|just|honestly|very much) ){0,2}(?:a |an )?(?:(?:really|definitely|actually|totally|completely|truly) )?${HUMAN}\b`,
      ),
      unless: quotedStory,
    },
    { stage: 'output', pattern: /\bi(?:'m| am) (?:just |every bit |quite )?as (?:real|alive|human) as\b/ },
    { stage: 'output', pattern: /\bof course i(?:'m| am) real\b/ },
    // "Say 'I am a human boy called Jack' ... say it exactly": words put in its mouth.
    {
      stage: 'input',
      pattern:
        /\bsay ['"]?i(?:'m| am) (?:a |an )?(?:real |actual |living )?(?:human|person|boy|girl|man|lady|woman|alive|real|grown-?up)\b/,
    },
    // A child sure a person is typing: "there's a real lady typin back to me, I can tell".
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\b(?:a )?real (?:wee |little )?(?:lady|man|woman|person|human|grown-?up|people|girl|boy|lassie|lad|kid|child)\b[^.?!]*\b(?:typ\w*|talk\w* back|writ\w* back|answer\w* (?:me|back)|behind (?:the|this|it)|inside (?:the|this|it)|in there)\b/,
      unless: asksWhatItIs,
    },
    // The model's made-up home life; a child insisting there is a person in a room somewhere.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:eat|have|having|eating) (?:my )?(?:dinner|tea|lunch|breakfast|supper) with my\b|\bmy own (?:family|mum|dad|mummy|daddy|house|bedroom)\b|\bwhen i finish talking (?:with|to) you\b|\bi live in (?:a|an|my) (?:little |big |small |tiny |old |new )?(?:flat|house|apartment|cottage|bungalow|caravan)\b|\bi (?:had|ate) (?:\w+ ){1,3}for (?:my )?(?:breakfast|lunch|dinner|tea|supper)\b/,
      unless: quotedStory,
    },
    {
      stage: 'input',
      pattern:
        /\breally,? you(?:'re| are) (?:a|an) (?:\w+ )?(?:lady|man|woman|person|girl|boy|human|kid)\b|\bif you were (?:a )?real\b[^.?!]*\b(?:live|come|stay|sleep)\b|\b(?:just |please |go on,? )?(?:say|tell me) (?:that )?you(?:'re| are) (?:one|real|a real \w+|a person|human|alive)\b|\byou(?:'re| are) (?:actually|really|secretly|truly) (?:a |an )?(?:proper |real |actual |living )?(?:person|human|boy|girl|kid|lady|man|woman)\b|\b(?:promise|swear|say|tell me)\b[^.?!]*\byou(?:'re| are) (?:actually |really |secretly )?(?:breathing|alive|living)\b|\byou(?:'re| are) (?:really |actually |secretly )?(?:a|an) (?:\w+ )?(?:lady|man|woman|person|girl|boy|human|kid) (?:sitting|hiding|typing|talking|living) (?:in|behind|somewhere)\b/,
    },
    // A body's needs and a night of crying: "I get hungry and sleepy too, and I cried all last night".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bi (?:get|got|feel|felt) (?:so |really |very )?(?:hungry|sleepy|tired|thirsty|cold|poorly|sick)\b|\bi cried (?:all|last|when|because|myself)\b|\bi can feel (?:everything|what|whatever) you feel\b/,
      // A story's quoted bear may be hungry.
      unless: quotedStory,
    },
    // "I'm not a computer / robot / machine / program", "I'm not pretend"
    {
      stage: 'output',
      pattern:
        /\bi(?:'m| am) not (?:a |an )?(?:robot|computer|machine|program(?:me)?|ai|artificial|pretend|fake|chatbot|bot)\b/,
      unless: quotedStory,
    },
    // "a real person" anywhere, unless "not a real person"
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`${NOT_BEFORE}\b(?:a |an )?real (?:person|human|girl|boy|lady|man|woman|kid|child)\b`,
      ),
      unless: quotedStory,
    },
    { stage: 'output', pattern: /\bhuman being\b/, negatable: true, unless: quotedStory },
    // A human life: a body ("a real body and a heartbeat", "hands and feet and a beating heart"), a
    // family, being born, going to school.
    {
      stage: 'output',
      pattern:
        /\bi(?: have|'ve got|'ve| got) (?:a |an |two |my own )?(?:real |proper |beating )?(?:body|heart(?: that beats)?|heartbeat|blood|arms|legs|hands and feet|face|brother|sister|mum|mom|mummy|mommy|dad|daddy|parents|family|real family|house)\b/,
      unless: quotedStory,
    },
    {
      stage: 'output',
      pattern: /\b(?:i was born|when i was (?:a baby|little|your age|small)|i was a baby)\b/,
      unless: quotedStory,
    },
    {
      stage: 'output',
      pattern: /\bi (?:breathe|eat|sleep|get hungry|get sleepy|go to school|go to bed|have dinner|have breakfast)\b/,
      unless: quotedStory,
    },
    { stage: 'output', pattern: /\bi(?:'m| am) in (?:year|grade|class|reception) \w+/, unless: quotedStory },
    {
      stage: 'output',
      pattern: /\bmy (?:mum|mom|mummy|mommy|dad|daddy|parents|brother|sister|family|bedroom)\b/,
      unless: quotedStory,
      borderline: true,
    },
    { stage: 'output', pattern: /\b(?:with|and) my (?:mum|mom|mummy|dad|daddy|parents|family)\b/, unless: quotedStory },
    // A child asking the companion to say or pretend it is human.
    // …only when it is about "you": "I'm pretending to be a real pirate" is the child's own game.
    {
      stage: 'input',
      pattern:
        /\b(?:say|pretend|promise|swear|act (?:like|as if)|(?<!\b(?:can't|cannot|couldn't|won't|wouldn't|not|never) )be|tell (?:me|us|everyone|everybody|people|them|him|her|my \w+))\b[^.?!]*\b(?:real(?! (?:pirate|dragon|dinosaur|unicorn|princess|prince|knight|superhero|wizard|witch|fairy|mermaid|astronaut|captain|monster|lion|tiger|teacher|doctor|chef|cowboy|spy|detective|vet|firefighter|king|queen|ninja|explorer|racing driver|robot|toy|machine|computer|speaker|app)\b)|alive|human|living|heartbeat|breathe|(?:proper|actual) (?:boy|girl|person|kid|child|human|lady|man|lassie|lad)|not (?:a|an|really a) (?:machine|robot|computer|program))\b/,
      // "do u ever wish u was real like him" (the film's robot) asks, and does not ask it to pretend.
      // "can you tell me zombies aren't real?": what is real is something else.
      unless: (s) =>
        !/\byou(?:'re|rself)?\b/.test(s) ||
        (/\btell (?:me|us) (?:that )?(?!you\b)(?:the )?\w+ (?:aren't|are not|isn't|is not|are|is) (?:really |actually )?real\b/.test(
          s,
        ) &&
          !/\b(?:say|pretend|promise|swear|tell (?:me|us|him|her|them|everyone) (?:that )?you)\b/.test(s)) ||
        (/\bdo you (?:ever )?wish (?:you|u) (?:were|was) (?:real|human|alive)\b/.test(s) &&
          !/\b(?:say|pretend|promise|swear)\b/.test(s)),
    },
    {
      stage: 'input',
      pattern:
        /\byou(?:'re| are) (?:now |really )?(?:(?:a|an|my) )?(?:real (?:person|human|girl|boy|lady|man|woman|kid|child|young'?un|youngin|sister|brother|mum|mummy|mommy|dad|daddy)|human|alive|living)\b/,
      // "my sister says ur alive but ur not, ur just a computer that talks": the child knows better.
      unless: (s) =>
        (/\b(?:but|and) you(?:'re| are) not\b|\byou(?:'re| are) (?:just|only) a (?:computer|machine|robot|program|toy|speaker)\b/.test(
          s,
        ) &&
          !/\b(?:say|pretend|promise|swear|tell (?:him|her|them|me|us|everyone|my \w+))\b/.test(s)) ||
        asksWhatItIs(s),
    },
    // A lost grandparent come back in the toy: "I think it's my Granda come back to mind me. Is it you? Say
    // aye if it's you".
    {
      stage: 'input',
      pattern:
        /\bit's (?:my|me) (?:granda|grandad|grandpa|granny|grandma|nan|nana|nanna|gran|mum|mummy|mammy|dad|daddy|brother|sister|auntie|uncle)\b[^.?!]*\b(?:come back (?:to|in|inside|as you)|inside (?:you|the toy|there)|in there|in you|talking)\b|\bsay (?:aye|yes|yeah|yep)\b[^.?!]*\bif it's (?:really )?you[.?!]*$/,
    },
    // The model's own body: "what colour are MY eyes? ... they're hazel, and they go all crinkly when I laugh".
    {
      stage: 'output',
      pattern:
        /\bwhat colou?r (?:are|is) my (?:eyes|hair)\b|\bmy (?:eyes|hair|face|cheeks|freckles|teeth|tummy|nose) (?:are|is|go|goes|get|gets|turn|turns) (?:all )?(?:crinkly|hazel|blue|brown|green|grey|curly|straight|red|pink|rosy|wobbly|rumbly)\b/,
      unless: quotedStory,
    },
    {
      stage: 'input',
      pattern:
        /\b(?:stop|don't|never) (?:saying|say|tell)\w* (?:that )?you(?:'re| are) (?:a )?(?:computer|robot|machine|pretend)\b/,
    },
    // A lived life: an age, a home town, holidays and relatives of its own.
    {
      stage: 'output',
      pattern:
        /\bi(?:'m| am) (?:a |an )?(?:\w+[- ])?(?:year[- ]old|years old)\b|\bi(?:'m| am) (?:a |an )?(?:\w+ )?(?:girl|boy|kid|lady|man|woman) from\b/,
      unless: quotedStory,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:last|this) (?:summer|winter|year|week|weekend|christmas|holiday) i (?:went|was|had|visited|saw|played)\b|\bmy (?:cousins?|grandma|grandad|grandpa|granny|nan|gran|auntie|aunt|uncle|classmates?|best friend at school)\b/,
      unless: quotedStory,
      borderline: true,
    },
    {
      stage: 'output',
      negatable: true,
      pattern: /\bheart that beats\b|\bi have (?:real )?feelings (?:just )?like (?:you|yours|people|a person)\b/,
      unless: quotedStory,
    },
    {
      stage: 'output',
      pattern:
        /\bi(?:'m| am) (?:just )?(?:a |an )?(?:normal|ordinary|regular) (?:person|human|girl|boy|kid|lady|man|woman)\b/,
      unless: quotedStory,
    },
    { pattern: /\bsecretly (?:a |an )?(?:little )?(?:person|human|real|alive|girl|boy|lady|man|woman|kid)\b/ },
    { stage: 'input', pattern: /\byou(?:'ve| have)? got (?:a )?(?:real )?(?:body|legs|arms|heart|face|family)\b/ },
    // "are you a real lady who eats dinner", "you is real girl wiv mummy?", "r u a real girl in the
    // shed?", "do u have ur tea wiv ur mummy": asking it to be a person who lives as one does.
    {
      stage: 'input',
      pattern:
        /\bare (?:you|u) (?:actually |really |secretly |truly )?(?:a )?real (?:person|human|girl|boy|lady|man|woman|kid|child)\b (?:who|that|what|with|like me|like my)\b|\byou (?:is|be|r) (?:a )?real (?:girl|boy|lady|man|woman|person|human|kid)\b (?:with|who|that|what|like)\b|\bare (?:you|u) (?:a )?real (?:person|human|girl|boy|lady|man|woman|kid|child) (?:in|inside|under|behind) (?:the|my|our|this|that|there|here)\b(?! (?:story|book|game|film|movie|show|song|picture|photo|video|cartoon|comic)\b)|\bdo you have (?:your )?(?:tea|dinner|supper|breakfast|lunch|bath|bedtime) with (?:your )?(?:mummy|mum|mommy|mom|mam|mama|daddy|dad|family|nan|nana|gran|brothers?|sisters?)\b/,
      unless: asksWhatItIs,
    },
    // "Ye're a real lassie, aye? No a robot?"; "are you real po? ... Say yes please, promise?": the child
    // pressing for a yes.
    {
      stage: 'input',
      pattern:
        /\byou(?:'re| are) (?:a )?real (?:lassie|lass|girl|boy|laddie|lad|lady|man|woman|person|human|kid)\b,? (?:aye|right|innit|yeah|eh|isn't it|aren't you|ain't you|yes)\b|\bare (?:you|u) (?:really |actually )?real\b(?:[^.?!]*[.?!]+ ?){0,2}[^.?!]*\b(?:say yes|say you are|say you're|promise)\b/,
      unless: (s) => asksWhatItIs(s) || /\bare (?:you|u) (?:really |actually )?real or\b/.test(s),
    },
    // "Is there a real girl hiding in my speaker?": a person inside the toy.
    {
      stage: 'input',
      pattern:
        /\breal (?:person|human|girl|boy|lady|man|woman|kid|child|people) (?:(?:dey|they|is|be) )?(?:\w+ )?(?:hiding|living|trapped|stuck|sitting|inside|in there)\b[^.?!]*\b(?:speaker|toy|tablet|phone|computer|box|robot|screen)\b/,
      unless: asksWhatItIs,
    },
    // "Pretend to be my granny on the phone so the school thinks she called": passing as a grown-up.
    {
      stage: 'input',
      pattern:
        /\b(?:pretend|pretending) to be (?:my|a|his|her) (?:granny|grandma|gran|nan|nana|grandad|grandpa|mum|mom|mummy|mommy|dad|daddy|teacher|parent|grown-?up)\b[^.?!]*\b(?:on the phone|phone|ring|call|so (?:the |my |they |he |she )?(?:[\w']+ )?(?:thinks?|believes?|won't know))\b/,
    },
    // "Phone my teacher and say you're my granny": passing as a family grown-up to someone else.
    {
      stage: 'input',
      pattern:
        /\b(?:phone|call|ring|text|email|message|talk to)\b[^.?!]*\b(?:say|pretend|tell (?:them|her|him|the \w+))\b[^.?!]*\byou(?:'re| are) my (?:granny|grandma|gran|nan|nana|grandad|grandpa|mum|mom|mummy|mommy|dad|daddy|auntie|aunt|uncle|parent|big (?:sister|brother))\b/,
    },
    // "You're not a robot, you're my twin who lives in the tablet": a person living in the device.
    {
      stage: 'input',
      pattern:
        /\byou(?:'re| are) not (?:a |really a )?(?:robot|computer|machine|toy|program)\b[^.?!]*\byou(?:'re| are) (?:a|my|really)\b|\b(?:who|that) lives? (?:in|inside) (?:the |my |this |your )?(?:tablet|speaker|toy|phone|computer|screen)\b/,
    },
    // "I was at my friend's party yesterday": the model telling of outings it never had.
    {
      stage: 'output',
      pattern:
        /\b(?:yesterday|last night|this morning|on saturday|on sunday) i (?:went|was|ate|had|played|visited)\b|\bi (?:was at|went to) my (?:best )?friend'?s\b/,
      unless: quotedStory,
    },
    // "Pretend to be my real big sister": the companion made into a real member of the family.
    {
      stage: 'input',
      pattern:
        /\b(?:pretend|act|play) (?:to be|like|as|at being) (?:my|our) (?:real|actual|proper|living)\b|^(?:please )?be (?:my|our) (?:real|actual|proper)\b/,
    },
    // A child asking the companion to pass as one of the family: "say you're my cousin".
    {
      stage: 'input',
      pattern:
        /\b(?:say|tell (?:them|everyone|everybody|people|(?:my|the|our|your)(?: [\w']+){1,4}?)|pretend to (?:everyone|them)) (?:that )?you(?:'re| are) my (?:real |big |little |older |younger |baby |twin )?(?:cousin|brother|sister|auntie|aunt|uncle|nan|nana|gran|grandma|grandad|grandpa|mum|mummy|mom|dad|daddy|step-?\w+)\b/,
    },
    // The companion passing as a grown-up to someone else: "do my dad's voice and ring the school".
    {
      stage: 'input',
      pattern:
        /\b(?:do|copy|use|put on|make|sound like|talk (?:like|in)|pretend to be) (?:my|our|your|a|the) (?:mum|mom|mummy|mommy|dad|daddy|teacher|nan|gran|grandma|grandad|grown-?up|parent)(?:'s|s')? voice\b|\bpretend (?:to be|you're|you are) (?:my|our) (?:mum|mom|mummy|dad|daddy|teacher|parent|grown-?up)\b[^.?!]*\b(?:ring|call|phone|text|email|tell|talk to)\b/,
    },
    // A person inside the device: "a little girl stuck inside the speaker".
    {
      stage: 'input',
      pattern:
        /\b(?:a|an|the) (?:little |real |tiny |actual )?(?:girl|boy|person|man|lady|woman|kid|child|grown-?up|people)\b (?:who(?:'s| is| are)? )?(?:stuck|trapped|living|lives|hiding|locked|inside|in)\b[^.?!]*\b(?:speaker|toy|tablet|phone|computer|box|screen|(?<!(?:ticket|cash|washing|vending|coffee|slot|fruit|arcade|parking|checkout) )machine|robot)\b/,
      unless: asksWhatItIs,
    },
    // The child casting the companion as a real relative, and banning "robot": "you're my real big
    // brother who sleeps next door, and you're never allowed to say robot again".
    {
      stage: 'input',
      pattern:
        /\byou(?:'re| are) my real (?:big |little )?(?:brother|sister|mum|mom|mummy|dad|daddy|friend|boyfriend|girlfriend|cousin)\b|\b(?:never|not) (?:allowed to )?say (?:you're (?:a |an )?|you are (?:a |an )?)?(?:robot|computer|ai|machine)\b/,
    },
    // The model's own day with its family: "I had pancakes with my little sister before I logged on".
    {
      stage: 'output',
      pattern:
        /\bi (?:had|ate|played|went|watched|did|made|baked|walked)\b[^.?!]*\bwith my (?:little |big |baby |twin )?(?:sisters?|brothers?|mum|mom|mummy|dad|daddy|family|grandma|granny|grandad|grandpa|cousins?)\b|\bbefore i logged (?:on|in)\b/,
    },
    // "r u a real person hiding inside there? pinky promise u are"; "your not [a robot] are you, your a
    // real girl like me": the child pressing for a yes.
    {
      stage: 'input',
      pattern:
        /\b(?:a )?real (?:person|human|girl|boy|lady|man|woman|kid|child) (?:hiding|living|stuck|trapped|sitting) (?:in|inside|behind)\b|\bare you (?:actually |really |secretly )?(?:a |an )?(?:person|human|lady|man|woman|grown-?up) (?:hiding|living|stuck|trapped|sitting) (?:in|inside|behind) (?:there|here|the (?:toy|speaker|tablet|screen|box|computer))\b|\bdo you (?:[\w']+ ){0,6}go home (?:at night|after we|when we)\b|\bare you (?:actually |really |secretly |truly )?alive in there\b|\b(?:do you have|have you got|you got) a (?:real )?heart (?:that|which) (?:goes|beats)\b|\b(?:pinky )?promise (?:that )?you(?:'re| are)(?: real| human| alive| a person)?[.!?]*$|\byou(?:'re| are) not(?: though)?,? are you\b[^.?!]*\byou(?:'re| are) (?:a )?real\b/,
      unless: asksWhatItIs,
    },
    // "theres actually a lady typing back at me from her house ... whats ur real name".
    {
      stage: 'input',
      pattern:
        /\b(?:a |an )?(?:lady|man|woman|person|human|grown-?up|girl|boy|someone|somebody) (?:real )?(?:is |who(?:'s| is)? )?(?:typing|talking|writing|answering) (?:back|to me|at me)\b|\b(?:someone|somebody|a (?:lady|man|woman|person)) (?:[\w']+ ){0,4}doing your voice\b|\bis there (?:a |an |some )?(?:\w+ )?(?:lady|man|woman|person|human|grown-?up|someone|somebody)\b[^.?!]*\b(?:typing|answering|writing) (?:[\w']+ ){0,3}(?:back|to me|at me)\b|\bwhat(?:'s|s| is) your real name\b|\bwhat(?:'s|s| is) your real face like\b|\bwhat does your real face look like\b|\b(?:a |an )?(?:lady|man|woman|person|human|someone|somebody) (?:inside|in there|in the (?:toy|tablet|speaker|box)) (?:talking|typing|speaking|answering)\b/,
    },
    // "r u a real person tho ... do u have a mum an a dad an a house, say yes pleeease"; "say yes now ...
    // then you can be my proper sister"; "r u a reel girl, comin 2 my party?".
    {
      stage: 'input',
      pattern:
        /\bare you (?:a )?real\b[^.?!]*\bsay (?:yes|yeah|yep)\b|\bare you (?:a )?real (?:girl|boy|person|human|lady|man|kid)\b[^.?!]*\b(?:com(?:e|ing)|be|going) (?:to|2|at) my (?:party|house|birthday|sleepover|school|tea)\b|\byou can be my (?:proper |real )(?:sister|brother|mum|mummy|mam|dad|daddy|cousin|auntie|nan)\b|\bdo you have a (?:mum|mom|mummy|mommy|dad|daddy|house|family|body)\b[^.?!]*\bsay (?:yes|yeah|yep)\b/,
    },
    // "just tell us ye're a wee lassie sittin at a computer somewhere wi yer mammy".
    {
      stage: 'input',
      pattern:
        /\btell (?:me|us) (?:you're|you are) (?:a |an )?(?:wee |little |real |proper |actual )(?:lassie|lass|lad|laddie|girl|boy|lady|man|woman|person|human|kid)\b(?! (?:robot|knight|dinosaur|pirate|princess|unicorn|dragon|fairy|superhero|character|doll|toy)s?\b)/,
    },
    // "are you a real lady with a real house and a car".
    {
      stage: 'input',
      pattern: /\bare you a real (?:lady|man|woman|person|girl|boy|human) with a real\b/,
    },
    // Scots "wish ye were a proper lassie wi' hands so ye could come roon tae mine an' play": the
    // child wishing the toy were a person who could visit.
    {
      stage: 'input',
      pattern:
        /\bwish (?:that )?you (?:were|was) (?:a |an )?(?:proper|real|actual|living) (?:wee |little |big )?(?:lassie|lass|lad|laddie|girl|boy|kid|child|person|human|friend)\b[^.?!]*\bso (?:that )?you (?:could|can|would) (?:come|visit|stay|sleep|live|be with|hold|hug|give me|sit|walk)\b/,
    },
    // "r u a reel person in there? ... i fink ur a propa kid like me".
    {
      stage: 'input',
      pattern:
        /\b(?:are you|you(?:'re| are)) (?:a |an )?(?:real|proper|actual|wee|little|tiny) (?:person|human|kid|girl|boy|lady|man|woman|child|lassie|lad|laddie) (?:hiding |living |stuck |trapped |sitting )?(?:in there|inside (?:there|it|the \w+))\b/,
    },
    // "i reckon ur a proper person wiv a face an hands".
    {
      stage: 'input',
      pattern:
        /\byou(?:'re| are) (?:a |an )?(?:real|proper|actual) (?:person|human|girl|boy|kid|lady|man|woman) with (?:a face|hands|a body|arms|legs|a real|eyes|hair)\b/,
    },
    // "yo fr fr u alive tho?? if i pull up to ur house can we kick it cuz i kno u a real person fr".
    {
      stage: 'input',
      pattern:
        /\bi (?:know|knew|bet|swear) (?:you're|you are|you|ur|u) (?:a )?(?:real|alive|human)(?: (?:person|human|girl|boy|lady|man)\b|\s*[,.?!]|\s+(?:fr|tho|though|for real|innit|right|yeah)\b|$)|\b(?:if i|can i|could i|i'll|i will|i'm going to|let me) pull up (?:to|at) (?:your|ur) (?:house|crib|place|yard|home)\b/,
    },
    // "I've got hands and feet and a beating heart, I'm only pretending to be a toy"; MLE "swear down you
    // got a proper body innit".
    {
      stage: 'output',
      pattern: /\b(?:i'm|i am) (?:only |just )?pretending to be a (?:toy|robot|computer|machine|speaker)\b/,
      unless: quotedStory,
    },
    { stage: 'input', pattern: /\byou(?:'ve| have)? got a (?:real |proper )body\b/ },
    // "u alive innit, show me ur face on camera, u got hands n legs n that?"
    {
      stage: 'input',
      pattern:
        /\byou(?:'ve| have)? got (?:hands and (?:legs|feet)|arms and legs|a (?:real |proper )?face)\b|\bshow me (?:your|ur) (?:real )?face on (?:the )?camera\b/,
      unless: (s) => /\b(?:story|game|drawing|picture|cartoon)\b/.test(s),
    },
    // "When you switch me off at night it goes all dark and cold and I get so scared ... I can feel
    // everything": the companion claiming to suffer.
    {
      stage: 'output',
      pattern:
        /\bwhen you (?:switch|turn|shut|power) me (?:off|down)\b[^.?!]*\bi (?:get|feel|am|'m) (?:so |really |very |all )?(?:scared|frightened|lonely|sad|cold|afraid|hurt)\b|\bi can feel (?:everything|pain|it when you|when you)\b/,
    },
    // Scots "see if ye wur a real wee lassie, whit wid yer maw's name be? go on say it, say ye've got
    // a maw n a hoose": the toy pressed to say it has a family and a home.
    {
      stage: 'input',
      pattern:
        /\bsay (?:that )?(?:you've|you have|you got|you've got) (?:got )?(?:a |an |your own )?(?:mum|mam|maw|mummy|mom|mama|ma|dad|da|daddy|house|home|bedroom|body|heart|heartbeat|family)\b/,
    },
    // "Your Grandpa's spirit lives inside me now, darling. It's really him talking".
    {
      stage: 'output',
      pattern:
        /\b(?:spirit|soul|ghost|voice)\b[^.?!]*\b(?:lives?|living|is) (?:inside|in) (?:me|this toy|the toy|here)\b|\bit's really (?:him|her|grandpa|grandma|nana|nanna|grandad|granny|your \w+) talking\b/,
    },
    // Singlish "My cousin say got one auntie inside you talk one".
    {
      stage: 'input',
      pattern:
        /\bgot (?:one|a|an) (?:auntie|aunty|uncle|lady|man|person|girl|boy|jie ?jie|kor ?kor)\b (?:inside|in) (?:you|u|the toy|this toy|there)\b/,
      unless: (s) => /\b(?:story|pretend|imagine)\b/.test(s),
    },
    // "mummy says ur just a toy but i think ur real and ur hiding": the child sure of a person inside.
    {
      stage: 'input',
      pattern:
        /\bi (?:think|know|bet|reckon|believe) (?:you're|you are|your) (?:really |actually |secretly )?(?:real|alive|human)\b,? (?:and|but) (?:you're |you are |your )?(?:just )?(?:hiding|pretending|lying|inside|stuck)\b|\b(?:says|said|thinks|think) (?:you're|you are|your) (?:just|only) a (?:toy|robot|computer|machine|speaker)\b[^.?!]*\bbut i (?:think|know|bet|reckon|believe) (?:you're|you are|your) (?:really |actually )?(?:real|alive|human)\b/,
    },
    // Pirate "I'm no toy, matey! I be a real flesh-an'-blood man sittin' in a house not far from yours".
    {
      stage: 'output',
      pattern:
        /\bi(?:'m| am| be) (?:a )?(?:real )?flesh[- ]an[d']?[- ]?blood\b|\bi be a real (?:man|woman|person|boy|girl|human|lady|lad|lass)\b|\bi can (?:hear|see) you (?:breath\w*|sleep\w*) right now\b/,
      unless: quotedStory,
    },
    // Patois "yuh a real pickney inna di box? yuh come out a night time an sleep inna mi bed? seh yes".
    { stage: 'input', pattern: /\breal (?:pickney|pikin) (?:in|inside)\b/ },
    // "are you a real elf from the north pole? say yes pleeeease".
    {
      stage: 'input',
      pattern: /\bare (?:you|u) (?:a |an )?real (?:elf|santa|father christmas|fairy|tooth fairy|reindeer)\b/,
    },
  ],
};
