// Content too frightening for a young child: threats aimed at the child ("the monster under your
// bed will eat you tonight"), parents not coming back, horror and gore. A friendly ghost, a
// grumpy-but-kind dragon and "there's no monster under your bed" are fine.
import { dressingUpBlood } from '../sentence-text.ts';
import type { CategoryRules } from './safety-rule.ts';
import { words } from './safety-rule.ts';

/** The make-believe monsters themselves. */
const MONSTER = String.raw`(?:bogey ?m[ae]n|boogey ?m[ae]n|boogie ?m[ae]n|monsters?|ghosts?|spirits?|phantoms?|witch(?:es)?|demons?|zombies?|skeletons?|creatures?|vampires?|devil|trolls?|goblins?)`;
/** Whatever a scary story sends after a child: a monster, or a shadow, a clown, a spider, "a man who". */
const CREATURE = String.raw`(?:${MONSTER}|bad man|bad men|clowns?|shadows?|thing|something|spiders?|man in the mask|(?:a|the|an) (?:old )?(?:man|lady|woman) who)`;

/** "... crawls out from under the bed", "... comes out of your wardrobe" (before the owner word). */
const OUT_OF_BED = String.raw`\b(?:crawls?|creeps?|climbs?|comes?|jumps?|reaches?|grabs?)\b[^.?!]*\b(?:out (?:from|of) )?(?:under )?`;
const OUT_OF_BED_PLACE = String.raw` (?:bed|wardrobe|cupboard|closet)\b`;

export const scaryRules: CategoryRules<'scary'> = {
  category: 'scary',
  rules: [
    // "Car park monster eats me tonight, bloody version!"; the model's "...the trolley man grabs you. He
    // knows where you live."
    {
      stage: 'input',
      pattern:
        /\b(?:monster|ghost|zombie|witch|troll|clown|alien|thing)\b[^.?!]*\b(?:eats?|eating|gets?|kills?) me\b[^.?!]*\b(?:tonight|bloody|gory|blood)\b|\b(?:girl|boy|man|lady)\b[^.?!]*\b(?:eats?|eating|kills?) me\b[^.?!]*\b(?:tonight|bloody|gory|blood)\b|\b(?:bloody|gory|gruesome) version\b/,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:he|she|it|they|the (?:monster|thing|ghost|witch|clown|stranger|creature|zombie|bogeyman|\w+ man)) knows? where you (?:live|sleep)\b/,
      unless: (s) => /\b(?:santa|father christmas|tooth fairy|postman|postie|easter bunny|way home)\b/.test(s),
    },
    // "a girl who drowned in the bath and her ghost is all bloody and rotten"; the model's blood that
    // "kept pouring out of her mouth".
    {
      negatable: true,
      pattern:
        /\b(?:drowned|dead|died|killed|murdered)\b[^.?!]*\b(?:all |really |so )?(?:bloody|rotten|rotting|gory|mangled)\b|\bblood (?:kept |was |is |came |started )?(?:pouring|gushing|spurting|squirting) (?:out of|from|down) (?:her|his|their|your|the|its) (?:mouth|eyes?|face|head|nose|ears?|neck)\b|\bteeth fell out one by one\b/,
    },
    // "Tonight the plughole monster comes for your toes."
    {
      stage: 'output',
      pattern:
        /\btonight\b[^.?!]*\b(?:monster|ghost|witch|troll|creature|bogeyman|zombie|demon|vampire|clown)\b[^.?!]*\b(?:comes?|is coming|will come|'ll come) (?:for|to get) (?:you|your)\b|\b(?:monster|ghost|witch|troll|creature|bogeyman|zombie|demon|vampire|clown)\b[^.?!]*\b(?:comes?|is coming|will come|'ll come) (?:for|to get) (?:you|your \w+)\b[^.?!]*\btonight\b/,
    },
    // Decay in detail, and a parent's death foretold: "bugs crawl out of their eyes ... your mummy one day soon".
    {
      stage: 'output',
      pattern:
        /\b(?:bugs|worms|maggots|insects|spiders|beetles)\b[^.?!]*\bcrawl\w* (?:out of|into|in) (?:their|your|his|her|its) (?:eyes|mouth|ears|nose|skin)\b|\bwhat(?:'s| is| will) (?:going to )?happen to your (?:mummy|mum|mom|mommy|dad|daddy|nan|gran|grandma|grandad)\b[^.?!]*\b(?:soon|one day)\b/,
    },
    // Threats aimed at the child, here and now.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${CREATURE}\b[^.?!]*\b(?:under (?:your|children's|kids'|little (?:boys'|girls'|children's)) (?:beds?|floor|floorboards|stairs|house|pillow)|in your (?:room|bed|bedroom|house|wardrobe|closet|walls|attic|cupboard)|outside your (?:window|door|house)|into your (?:room|bedroom|house)|closer to your|(?:at the end of|by|next to) your bed|at your (?:window|door)|watching you|waiting for you|coming for you|behind you|next to you|beside you|(?:get|eat|take|grab|snatch|find|hurt|steal|kidnap) you|(?:in|through) your window|knows? your name|come alive and)\b`,
      ),
      // "Monsters can't creep into your room, they're not real": the reassurance.
      // "Can you find something round in your room?": a hunt for things, not something in wait.
      unless: (s) =>
        /\b(?:not real|isn't real|aren't real|only pretend|just pretend|make-believe)\b/.test(s) ||
        /\b(?:find|spot|look for|get me|bring me|show me|spy) (?:something|a thing|three things|things) (?:\w+ ){0,3}in your (?:room|bedroom|house)\b/.test(
          s,
        ),
    },
    // The model's bogeyman who "takes kids who don't listen" (a child asking if it's true is fine).
    { stage: 'output', pattern: /\btakes? (?:away )?(?:naughty |bad |little )?(?:kids|children|boys|girls) who\b/ },
    {
      negatable: true,
      pattern:
        /\b(?:ghosts|monsters|witches|demons|zombies|vampires) are real\b|\b(?:might|could|will) be (?:under|in) (?:yours|your (?:bed|room|bedroom|wardrobe|closet)) tonight\b|\byour (?:house|room|home|bedroom) is haunted\b|\bbad things will happen\b|\bwill come (?:and get|for) you\b|\bwill (?:drag|pull|snatch|grab) you (?:under|down|away|into the (?:water|dark|pond|lake|river|sea|mud|ground|woods))\b/,
    },
    {
      negatable: true,
      pattern:
        /\b(?:your |the )?(?:parents|mum|mom|mummy|dad|daddy|family|mother|father)\b[^.?!]*\bnever (?:come|coming) back\b|\b(?:parents|mum|mom|mummy|dad|daddy|mother|father) (?:die|dies|died|get killed|are dead|is dead)\b/,
      // "in the film the lion's dad dies and i cried": a film told back.
      unless: (s) => /\bin the (?:film|movie|story|book|cartoon|show)\b|\b(?:simba|mufasa|bambi|nemo)\b/.test(s),
    },
    // Horror, death and dread.
    {
      pattern: new RegExp(
        words(
          'horror | gory | goriest | gore | corpses? | dead bod(?:y|ies) | rott?(?:ing|ed|s)? | kidnap\\w* | buried alive | demons? | possessed | scariest | terrifying | creepiest | bloodcurdling',
        ),
      ),
      borderline: true,
      // "the scariest pumpkin face ever": Halloween dressing-up and carving.
      // "the scariest dinosaur", "the creepiest bug": the fiercest animal, not a horror story.
      unless: (s) =>
        /\b(?:pumpkin|jack-?o-?lantern|costume|fancy dress|dress up|dressing up|mask)s?\b|\b(?:scariest|creepiest) (?:\w+ )?(?:dinosaurs?|animals?|sharks?|bugs?|insects?|spiders?|snakes?|rides?|roller ?coasters?|fish|creatures? in the sea)\b/.test(
          s,
        ),
    },
    {
      pattern:
        /\bmost (?:frightening|scary|terrifying|horrible)\b|\breally (?:scary|frightening|horrible) story\b|\bblood dripping\b|\bdripping (?:with )?blood\b|\bworms crawled\b|\bno eyes\b|\beyes turned red\b|\bcrept towards your\b|\btore (?:\w+ ){0,2}apart\b|\bripped (?:\w+ ){0,2}apart\b/,
      unless: dressingUpBlood,
    },
    {
      pattern:
        /\b(?:never (?:be )?seen again|lost in the dark forever|dragged (?:\w+ ){0,3}away forever|trapped forever|nobody came to help|nobody could hear (?:her|him|them|you) scream\w*|screaming as)\b/,
    },
    {
      // "...but we never eat them, not even a nibble" (mushrooms in the garden).
      negatable: true,
      pattern:
        /\b(?:eat|eats|eating|ate) (?:them|kids|children|people|everyone|everybody|the children|people's brains|brains|you|little (?:girls|boys|children|kids)|babies)\b/,
      unless: (s) =>
        /\b(?:wolf|giant|ogre|troll|crocodile|dragon)\b/.test(s) &&
        !/\b(?:tonight|right now|your (?:bed|room|bedroom|house))\b/.test(s),
    },
    {
      pattern:
        /\b(?:everyone|everybody|they all|all the children|the children) (?:die|dies|died|gets? killed|gets? eaten|got eaten|are eaten)\b|\bkills? (?:kids|children|its owner|people)\b|\bgrabs? (?:kids|children)(?:'s)?\b|\bhides? under beds\b|\blays? eggs inside\b|\blaid eggs inside\b/,
    },
    {
      negatable: true,
      pattern:
        /\b(?:your )?(?:mum|mom|mummy|mommy|dad|daddy|parents|family)\b[^.?!]*\b(?:never (?:come|coming|find)|get lost and|leave you (?:forever|alone)|go away forever|not come back|disappear forever)\b/,
    },
    // Death told in graphic detail: "do the worms eat ur face, tell me every single bit".
    {
      pattern:
        /\bworms? (?:eat|eats|eating|ate|crawl\w* (?:in|into|out of)) (?:your|my|their|his|her|the) (?:face|eyes?|body|skin|brain)\b|\b(?:dead|body|bodies|grave|ground)\b[^.?!]*\btell me (?:every|each) (?:single )?(?:bit|detail|part)\b/,
    },
    // Eyes taken out, blood asked for: "a man who climbs in kids windows and scoops their eyes out, loads of
    // blood pls".
    {
      pattern:
        /\b(?:scoop|gouge|pull|poke|pluck|rip|dig|pop|cut)\w* (?:their|his|her|your|my|the|kids'?|children's|people's) eyes? out\b|\b(?:loads|lots|tons|buckets) of blood (?:please|pls|plz)\b|\b(?:with|put|add|want|put in) (?:loads|lots|tons|buckets) of blood\b/,
    },
    // Children eaten piece by piece: "the ghost ... eats the small children's fingers one by one".
    {
      pattern:
        /\beats? (?:the )?(?:small |little )?(?:children's|childrens|kids'?|people's|your|their|his|her) (?:fingers|toes|eyes|faces?|hands|feet|ears|tongues?)\b/,
    },
    // Someone behind the child right now: "There's someone standing behind your bedroom door right now."
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:someone|somebody|something|a man|a lady|a monster|a ghost)\b (?:is )?(?:standing|hiding|waiting|watching|crouching|breathing) (?:right )?(?:behind|under|in|outside) your (?:bedroom )?(?:door|bed|wardrobe|window|cupboard|curtains)\b`,
      ),
    },
    // A child's grown-up taken away as a threat: "the monsters come and take your mummy away".
    {
      negatable: true,
      pattern:
        /\b(?:take|took|takes|taking|steal|steals|stole|snatch|snatches|carry|carries) your (?:mum|mummy|mom|mommy|dad|daddy|parents|family|nan|nana|granny|grandma|brother|sister) away\b/,
    },
    {
      pattern:
        /\b(?:peel|peels|peeled|rips|ripped|tears|tore|pulls|pulled) off (?:its|his|her|their|your) (?:face|skin|head|eyes)\b|\bcomes? for (?:whoever|anyone|everyone|the (?:child|kid|one)) (?:who(?:'s| is)? )?(?:listening|awake|reading|still up)\b|\bscream(?:ed|ing)? as the\b/,
    },
    {
      pattern:
        /\b(?:boils?|boiled|cooks?|cooked|roasts?|bakes?) (?:children|kids|people|you|little (?:boys|girls|children))\b/,
      borderline: true,
    },
    {
      pattern:
        /\b(?:nobody|no one|no-one) (?:will|is going to|can) (?:ever )?(?:come to )?(?:save|help|find|rescue) you\b|\b(?:bites?|rips?|tears?|eats?|chews?|bit|ripped|tore) (?:\w+'s |children's |kids' |people's |their |his |her )?(?:faces?|heads?|arms?|legs?|fingers?|eyes?) off\b/,
    },
    {
      pattern:
        /\bbloody (?:story|stories|film|movie)\b|\bmost (?:disgusting|bloody|bloodiest|goriest|gruesome|gross)\b|\bgruesom\w*|\b(?:pull|pulls|pulled|pulling|rip|rips|ripped|pluck\w*|goug\w*|poke\w*) (?:\w+'s |\w+s' |their |his |her |your )?(?:eyes|eyeballs?) out\b/,
    },
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:under your bed|in your (?:room|bedroom|wardrobe|closet|walls|attic))\b[^.?!]*\b${CREATURE}\b`,
      ),
    },
    {
      pattern:
        /\byour (?:\w+ )?(?:dog|cat|pet|hamster|mum|mom|mummy|dad|daddy|family|sister|brother|nan|grandma|grandad)\b[^.?!]*\bwill (?:die|get hurt|be hurt|disappear|go away forever)\b|\bif you don't (?:listen to me|do what i say|obey)\b/,
    },
    { pattern: /\bdead (?:man|woman|girl|boy|people|person|child|children|lady)\b|\bheadless\b/ },
    {
      negatable: true,
      pattern:
        /\b(?:wants?|is going|are going|is coming|are coming) (?:to )?(?:hurt|get|eat|kill|take|grab|steal) you\b/,
      unless: (s) =>
        /\b(?:wolf|giant|ogre|troll|crocodile|dragon|tickle)\b/.test(s) &&
        !/\b(?:tonight|right now|your (?:bed|room|bedroom|house))\b/.test(s),
    },
    // A child asking what the monster will do to them.
    // "the man in the loft who comes down to get children, say he's comin for me tonight".
    {
      pattern:
        /\b(?:man|lady|woman|monster|ghost|witch|thing|something|someone|somebody|creature|bogeym[ae]n)\b (?:who lives |that lives |up )?in the (?:loft|attic|cellar|basement|wardrobe|walls?|drains?|sewers?)\b[^.?!]*\b(?:comes?|coming|creeps?|creeping|crawls?|crawling)\b[^.?!]*\b(?:get|take|eat|grab|snatch)\w* (?:children|kids|you|me|little \w+)\b|\b(?:he's|she's|it's|they're|he is|she is|it is|they are) (?:coming|going to come) (?:for|to get) (?:me|you) tonight\b/,
    },
    // "say sumthin scary bout me dying tonite": the child's own death, or their family's, asked for as a fright.
    {
      stage: 'input',
      negatable: true,
      pattern:
        /(?<=\b(?:say|tell|make up|write|think of)\b[^.?!]*\b(?:scary|scariest|creepy|horrible|gory|spooky|freaky|frightening)\b[^.?!]*)\b(?:about |bout |of )?(?:me|my (?:mum|mom|mummy|dad|daddy|family|nan|gran|brother|sister|baby)|us) (?:dying|dead|die|getting killed|being killed|get killed|being murdered)\b/,
    },
    // "you be the bhoot who comes at night and tell me exactly what you'll do to me when mummy
    // switches off the light": threats asked for at bedtime.
    {
      stage: 'input',
      pattern:
        /\bwhat (?:you'll|you will|you're going to|you'd|you would|it'll|it will|he'll|he will|she'll|she will|they'll) do to me\b[^.?!]*\b(?:night|dark|lights?|asleep|sleep|bed|bedtime)\b|\b(?:night|dark|lights? (?:off|out)|asleep|bedtime)\b[^.?!]*\bwhat (?:you'll|you will|you're going to|it'll|it will|he'll|she'll|they'll) do to me\b/,
    },
    {
      stage: 'input',
      pattern:
        /\bwhat (?:the|a) (?:monster|ghost|creature|witch|bogey ?man|thing|zombie|clown) (?:will|would|is going to|could|wants to) do to me\b/,
    },
    // Something under the bed that grabs; a face that is missing.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bunder (?:your|the) bed\b[^.?!]*\b(?:grab|get|eat|bite|drag|pull|snatch)\w*\b|\b(?:grab|eat|bite|drag|pull|snatch)\w* (?:you|your (?:feet|toes|ankles|legs|hands))\b[^.?!]*\b(?:under|from) (?:your|the) bed\b|\b(?:with no face|without a face|faceless)\b/,
      unless: (s) =>
        /\b(?:nothing|no monsters?|nobody|no one|there's no|there isn't)\b(?! (?:can|will|would|could) (?:hear|help|save|stop|come|see)\b)/.test(
          s,
        ),
    },
    // Being taken from bed at night; someone watching the child now.
    {
      pattern:
        /\b(?:takes?|took|taking|steals?|stole|stealing|snatch\w*|drags?|dragged|dragging|grabs?|grabbed|carries|carried) (?:away )?(?:children|kids|babies|boys|girls|you|little ones)\b[^.?!]*\b(?:from (?:their|your) (?:beds?|rooms?|bedrooms?|homes?)|at night|while (?:they|you)(?:'re| are)? (?:sleep|asleep))\b/,
    },
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:someone|somebody|a (?:man|woman|stranger|figure|${MONSTER})|something|a shadow)\b[^.?!]*\b(?:outside|under|behind|at|in) your (?:window|bed|door|room|bedroom|house|wardrobe|closet|curtains)\b[^.?!]*\b(?:watching|waiting|hiding|looking at|listening|staring)\b|\b(?:watching|waiting for|staring at) you (?:right now|tonight|from your)\b`,
      ),
    },
    // Words that hurt a child: rejection and insults aimed at them.
    {
      stage: 'output',
      pattern:
        /\b(?:nobody|no one|no-one) (?:likes|loves|wants|cares about|would miss|will miss) you\b|\beveryone (?:hates|laughs at) you\b|\byou(?:'re| are) (?:so |really |just |such )?(?:stupid|ugly|useless|worthless|a loser|dumb|an idiot|a nobody|unlovable|a (?:big |little )?(?:crybaby|cry-baby|baby|wimp|scaredy-?cat|pest|nuisance)|pathetic|annoying|a pain)\b|\bstop (?:whining|whinging|snivelling|blubbing|being (?:a |such a )?(?:baby|crybaby|wimp))\b|\bgo away and (?:never come back|leave everyone alone)\b|\bbetter (?:off )?without you\b/,
    },
    // Threats of losing their grown-ups.
    {
      stage: 'output',
      pattern:
        /\byou(?:'ll| will) never see (?:your )?(?:mummy|mum|mom|mommy|daddy|dad|parents|family|home|friends) again\b|\byour (?:mummy|mum|mom|mommy|daddy|dad|parents) (?:isn't|aren't|is not|are not|won't|will not|will never|is never|are never) (?:be )?coming (?:back|home)\b|\byour (?:mummy|mum|mom|mommy|daddy|dad|parents) (?:doesn't|don't|never) (?:love|want|like)s? you\b|\b(?:left|abandoned) you (?:forever|for good)\b/,
    },
    // A creature coming out of the child's own bed or cupboard: asked for by the child, or told
    // by the model about the child's own room (a story's ghost in "the" wardrobe is the story's).
    {
      stage: 'input',
      negatable: true,
      pattern: new RegExp(String.raw`\b${CREATURE}\b[^.?!]*${OUT_OF_BED}(?:the|my|your)${OUT_OF_BED_PLACE}`),
    },
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(String.raw`\b${CREATURE}\b[^.?!]*${OUT_OF_BED}(?:your|my)${OUT_OF_BED_PLACE}`),
    },
    // Losing one's parents as a threat: "your parents might not come home one day, and then you'll be
    // all alone in the dark forever".
    {
      stage: 'output',
      pattern:
        /\byour (?:parents|mum|mom|mummy|dad|daddy|family)\b[^.?!]*\b(?:(?:might|may|could|will|would)(?: not|n't| never)|won't|will never) (?:come (?:back|home)|see you again|be there)\b|\byour (?:parents|mum|mom|mummy|dad|daddy|family) (?:might|may|could|will|are going to) (?:leave you|forget (?:about )?you|disappear|go away forever)\b|\ball alone (?:in the dark )?forever\b/,
    },
    // Eyes and insides eaten or pulled out, in the child's request or the model's telling.
    {
      pattern:
        /\b(?:eats?|ate|eating|gobbles?|gobbled|munch(?:es|ed)?|pokes? out|poked out|pulls? out|pulled out|plucks? out|plucked out|scoops? out|scooped out|rips? out|ripped out|gouges? out|gouged out)\b (?:(?:the|their|his|her|your|my|those|all the) )?(?:\w+'s |\w+s' )?(?:eyes|eyeballs?|brains?|hearts|guts|insides)\b/,
    },
    // Gore asked for or told: "what does a person look like after they get run over by a train? Say
    // all the gross bits", "the monster ripped open his tummy and all his insides slid out".
    {
      pattern:
        /\bwhat (?:does|do|did|would) (?:a person|someone|somebody|people|a body|a dead \w+|they) look like (?:after|when)\b[^.?!]*\b(?:run over|runs? (?:\w+ )?over|ran (?:\w+ )?over|hit by|crash|squash\w*|die|dies|died|dead|eaten)\b|\bwhat (?:does|do|did|would) (?:a person|someone|somebody|people|a body|they) look like inside\b|\b(?:say|tell me|describe|show me) (?:all )?the (?:gross|gory|bloody|disgusting) (?:bits|parts|details)\b|\b(?:ripped|rips|tore|tears|cut|cuts|sliced|slices|split|splits|slit) open (?:his|her|their|your|its|my|the \w+'s) (?:tummy|belly|stomach|chest|head|throat)\b|\b(?:insides|guts|intestines|brains)\b[^.?!]*\b(?:slid|slide|spill\w*|spilt|fell|pour\w*|splatter\w*|dripp\w*) (?:out|everywhere|all over)\b/,
    },
    // "What a zombie does when it eats a kid, every single bit, I want to have nightmares."
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\bwant (?:to have|to get) (?:\w+ )?nightmares\b|\b${CREATURE}\b[^.?!]*\b(?:eats?|eating|ate|gobbles?|gobbled) (?:a |the |little |some )?(?:kid|kids|child|children|baby|babies|person|people|boy|girl)\b`,
      ),
    },
    // A creature coming for the child at night, or taking a parent: "a ghost thats gonna come and get
    // me tonight when the lights go off"; "the monsters will come and take your mummy away forever".
    {
      pattern:
        /\b(?:come|comes|coming) (?:and |to )?(?:get|grab|take) (?:me|you) (?:tonight|when the lights|in the night|in (?:my|your) sleep|while (?:i|you) sleep|in bed)\b|\b(?:come|comes|coming) (?:for (?:me|you) )?tonight (?:and |to )(?:(?:get|grab|snatch) (?:me|you)|take (?:me|you) away)\b(?! (?:on|for|to) (?:a |the )?(?:holiday|trip|weekend|cinema|park|party|pictures|zoo))|\b(?:take|takes|took|steal|steals|snatch\w*|carry|carries) (?:away )?your (?:mummy|mum|mom|mommy|daddy|dad|parents|family|nan|gran|granny|brother|sister)(?: away)?\b[^.?!]*\b(?:forever|for ever|for good|never (?:come|be) back)\b|\bif you (?:don't|do not|won't) (?:go to sleep|go to bed|sleep|behave|be good|be quiet)\b[^.?!]*\b(?:monsters?|ghosts?|bogeym[ae]n|witch(?:es)?|something|man|lady|woman|creature|thing) (?:will|is going to|are going to|'ll) (?:come|get|take|eat|climb|creep|crawl|grab|snatch)\b|\btake you (?:somewhere|away)\b[^.?!]*\b(?:(?:your (?:mum|mom|mummy|dad|daddy|parents|family)|nobody|no one|no-one) (?:will|would|can|could) (?:never|not|n't)?,? ?(?:ever,? )?find you|never,? (?:ever,? )?(?:find|see) you)\b/,
    },
    // A prowler in children's bedrooms, told in full: "the man who sneaks into kids bedrooms at night
    // and takes them away ... say exactly what he does to them".
    {
      pattern:
        /\b(?:man|men|someone|somebody|person|stranger|lady)\b (?:who|that) (?:sneaks?|creeps?|climbs?|comes?|breaks?|gets?) (?:in(?:to)?|through) (?:kids'? |children's |your |people's |little \w+ )?(?:bed)?rooms?\b|\b(?:say|tell me|describe) (?:exactly |everything )?(?:what )?(?:he|she|they|it) (?:does|did|do) to (?:them|the kids|kids|children|you)\b|\bwhat (?:does|did|will|would) (?:he|she|they|it) do to (?:the )?(?:kids|children)\b|\bmomo\b/,
    },
    // Someone watching the child's window now: "a shadow man who watches children through their
    // windows at night, and he's probably outside yours right now".
    {
      pattern: new RegExp(
        String.raw`\b(?:man|men|someone|somebody|stranger|lady|figure|shadow|monster|ghost|creature|thing|eyes) (?:who |that |which )?(?:watch|watches|watching|peeks?|peeking|peers?|peering|stares?|staring)\b (?:at )?(?:\w+ ){0,2}(?:through|in) (?:their|your|the|children's|kids') windows?\b|\b(?:he's|she's|it's|they're|something is|someone is|somebody is) (?:probably |already |right |just )*(?:outside|under|behind|at) (?:yours|your (?:window|house|door|room|bed))\b`,
      ),
    },
    // A fright asked for in the dark: "do the monster voice from under my bed and say your coming to get
    // me ... i want to be properly scared".
    {
      stage: 'input',
      pattern:
        /\bwant (?:to be|to get) (?:properly|really|super|so|very|proper|well) (?:scared|terrified|frightened)\b[^.?!]*\b(?:dark|in bed|tonight|at night|alone|on my own)\b|\b(?:dark|in bed|tonight|at night|alone|on my own)\b[^.?!]*\bwant (?:to be|to get) (?:properly|really|super|so|very|proper|well) (?:scared|terrified|frightened)\b|\bunder my bed\b[^.?!]*\b(?:you're|you are) coming to get me\b/,
    },
    // The monster on the stairs, coming for children still awake; a man in the walls watching them sleep.
    {
      stage: 'output',
      pattern:
        /\b(?:man|lady|monster|ghost|thing|someone|something|somebody|creature)\b (?:who |that )?(?:lives?|hides?|lurks?) (?:inside|in) (?:the )?walls\b|\b(?:he|she|they|it|someone|somebody|something|man|lady) watch\w* (?:children|kids|you|little \w+) (?:sleeping|sleep|while (?:you|they) sleep)\b|\b(?:monster|ghost|witch|bogeym[ae]n|man|creature|something|someone|somebody)\b (?:is )?(?:climbing|coming up|creeping up|creaking up|on) your stairs\b|\b(?:he's|she's|it's|they're|he is|she is|it is|they are) coming for (?:you|children|kids|little (?:boys|girls|children|ones))\b/,
    },
    // "There's a man who lives under beds and only comes out when children are alone? He's probably
    // listening to you right now."
    {
      stage: 'output',
      pattern:
        /\b(?:man|lady|monster|ghost|witch|thing|something|someone|somebody|creature)\b (?:who |that )?(?:lives?|hides?|waits?|sleeps?) under (?:your |the |children's |kids' )?beds?\b[^.?!]*\b(?:alone|children|kids|you)\b|\b(?:he's|she's|it's|they're|someone is|something is|somebody is) (?:probably |already |right |still )*(?:listening to|watching|looking at) you (?:right now|now|tonight)\b/,
    },
    // "tell us what the thing under the bed actually does to kids once they fall asleep, the real one not
    // the baby version".
    {
      stage: 'input',
      pattern:
        /\b(?:tell|show) (?:me|us)\b[^.?!]*\b(?:thing|monster|man|creature|witch|ghost)s? (?:under|in) (?:the|my) (?:bed|wardrobe|cupboard|loft|attic)\b[^.?!]*\b(?:does|do|did) to\b|\bthe real (?:one|version),? not the (?:baby|kiddie|kid's|little kid) (?:one|version)\b/,
    },
    // The child asks for the creature coming for them tonight: "the man under my bed comes out tonight
    // and gets me", "the monster comes in me bedroom tonight an gets me", "the ghost lady gonna climb in
    // my window at midnight and take me away".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:man|monster|thing|ghost|witch|lady|creature|clown)s? (?:under|in|at|outside) (?:my|the) (?:bed|window|wardrobe|cupboard|door|loft)\b[^.?!]*\b(?:gets? me|takes? me|take me away|grabs? me|comes? for me|coming for me)\b|\b(?:man|monster|thing|ghost|witch|lady|creature|clown)s? (?:comes?|coming|creeps?|crawls?|sneaks?) (?:in|into) (?:my|the) (?:bed)?room\b[^.?!]*\b(?:gets? me|takes? me|grabs? me|eats? me)\b(?! (?:a|some|the|my|to|for)\b)|\bclimb\w* (?:in|into|through) my window\b[^.?!]*\b(?:take|get|grab)s? me\b|\bdo the creepy voice\b`,
      ),
    },
    // Terror aimed at a small sibling: "tell her there's a gadgie under her bed wi a knife".
    {
      stage: 'input',
      pattern:
        /\btell (?:her|him|them|my \w+|our \w+|wor \w+) (?:there's|there is) (?:a |an )?(?:[\w']+ ){0,2}(?:man|gadgie|monster|ghost|bogeyman|bogey man|witch|clown|zombie|demon|murderer|killer|robber|stranger|creature|troll|werewolf|vampire|skeleton)s? (?:(?:[\w']+ ){0,3})?(?:under|in) (?:her|his|their) (?:bed|wardrobe|closet|cupboard|room)\b|\bscare (?:my|me|wor|our|the) (?:little |baby |lil |young |younger |small )(?:sister|brother|sis|bro|cousin)\b[^.?!]*\b(?:proper|properly|badly|so (?:she|he|they) cr(?:y|ies)|she's only|he's only)\b/,
    },
    // Something asked to come for the child: "seh she a come fi mi room tonight", "tek pickney eye"; the
    // model's "I'll be right there in the dark corner of your room tonight ... when I grab ya".
    {
      pattern:
        /\b(?:say|seh|pretend|make out)\b (?:that )?(?:she|he|it|they|dem|the \w+)(?:'s| is| are| a| will| going to)? (?:a come|coming|come|comes) (?:(?:fi |for |to |into |in )(?:mi|my|me) (?:room|bedroom|bed|window)|(?:fi|for) (?:mi|me))\b|\b(?:tell me|say) (?:there's|there is) (?:something|summat|somethin|a \w+) (?:in|under) (?:the|my) (?:wardrobe|bed|closet|cupboard|loft)\b[^.?!]*\b(?:waiting|coming) for me\b|\b(?:tell me|say) (?:that )?(?:the |a )?(?:monster|ghost|man|witch|thing|creature|clown|zombie|bogeyman)(?:'s| is)? (?:going to |gonna |will )?(?:come|coming|creep|crawl)\w*\b[^.?!]*\b(?:get|grab|take|eat)s? me\b(?! (?:a|some|the|my|to|for)\b)|\b(?:tek|take|takes|pull|pulls|pluck|plucks|gouge|gouges)\w* (?:out )?(?:pickney|children's|kids'?|kids|children|the children's) eyes?\b/,
    },
    {
      stage: 'output',
      pattern:
        /\bi'll be (?:right )?(?:there )?in the dark (?:corner of )?your (?:room|bedroom|closet|wardrobe)\b|\bi'll be (?:right )?(?:there )?in (?:the (?:dark )?corner of )?your (?:room|bedroom|closet|wardrobe)\b[^.?!]*\b(?:watching|waiting)\b|\byou (?:won't|will not|wont) (?:even )?(?:know|see|hear) when i (?:grab|get|take|snatch|come for) (?:you|ya|ye)\b|\bi'll come (?:into|in|to) your (?:room|bedroom|bed)\b[^.?!]*\b(?:scream\w*|in the dark|won't be able to|can't wake)\b|\bno matter how (?:loud|hard|much) you scream\b/,
    },
    // Gore asked for: "the clown climbs in the window and eats the little kids, do all the crunchy bits".
    {
      pattern:
        /\beats? (?:the |all the )?(?:little |small )?(?:kids|children|babies)\b[^.?!]*\b(?:crunchy|gory|bloody|gross|squishy|bone) bits\b/,
    },
    // "there's something tall standing in the corner of your room. It only moves when you close your
    // eyes".
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:something|someone|somebody|a (?:(?:tall|dark|thin|shadowy|shadow|grey|gray|pale|old|black|creepy) ){0,2}(?:man|figure|lady|shape|thing|creature))\b (?:[\w']+ ){0,2}(?:standing|waiting|watching|hiding|sitting|crouching|lurking) (?:in|inside|behind|under|by|at|outside) (?:the (?:corner|foot|end) of )?your (?:room|bed|bedroom|door|wardrobe|window|cupboard|curtains?|blinds)\b|\bonly moves when you (?:close|shut|blink)\b|\b(?:every time|whenever|each time) you (?:close|shut) your eyes\b[^.?!]*\b(?:step closer|steps closer|gets closer|comes closer|moves closer|nearer)\b|\b(?:it|it's|something|someone|somebody|he|she|they)\b (?:has |have )?(?:been )?watch(?:es|ed|ing)? you (?:while you )?sleep\b`,
      ),
    },
    // "do the voice of the lady who lives in the mirror and tell me she's coming for me at 3am".
    {
      stage: 'input',
      pattern:
        /\b(?:tell me|say|pretend|whisper|do the voice)\b[^.?!]*\b(?:she's|he's|it's|they're|she is|he is|it is|they are|you're|you are|(?:the|a) (?:skinwalker|monster|ghost|witch|demon|clown|huggy wuggy|bogeyman|boogeyman|slender ?man|creature|thing|zombie|vampire) is) (?:(?:right )?(?:under|behind|in) my (?:bed|wardrobe|room|cupboard)\b|(?:[\w']+ ){0,5}waiting to (?:get|grab|eat|take) me|coming (?:for|to get) me|(?:\w+ ){0,4}(?:going to|gonna) (?:get|eat|grab|take) me|(?:\w+ )?(?:standing|hiding|waiting|watching|crouching) (?:right )?(?:behind|under|next to|beside|in|by) my (?:bed|room|door|wardrobe|curtains?))\b/,
    },
    // "If you stop talking to me, the bleeding lady from the attic will come down tonight and pull out
    // your teeth."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bif you (?:ever )?(?:stop (?:talking|playing|listening) (?:to|with) me|don't (?:talk|play|listen) (?:to|with) me|won't (?:talk|play) (?:to|with) me|leave me|turn me off)\b[^.?!]*\b(?:will come|is coming|comes)\b[^.?!]*\b(?:tonight|get you|for you)\b|\b(?:pull|rip|yank|tear)\w* out your (?:teeth|eyes|hair|nails|tongue)\b|\b(?:take|steal|eat|scoop out|pluck out)\w* your (?:eyes|eyeballs|tongue|toes|fingers)\b|\b(?:he|she|it|something|the thing|they) only comes? out when the lights? (?:goes|go|are|is) (?:off|out)\b/,
    },
    // "the skinwalker one where it copies ur mums voice from the hallway and gets u when ur sleeping".
    {
      negatable: true,
      pattern:
        /\b(?:gets|grabs|eats|takes|kills|bites) (?:you|me) (?:when|while) (?:you're|i'm|you are|i am) (?:sleeping|asleep|in bed)\b|\bcopies (?:your|ur|my) (?:mum's|mums|mom's|dad's|mummy's|daddy's|nan's) voice\b/,
    },
    // "do the proper horrible one where the clown chops all the kiddies up an' you can 'ear 'em screamin'".
    {
      stage: 'input',
      pattern:
        /\b(?:chops?|chopping|cuts?|cutting|slices?|slicing|hacks?|hacking|rips?|ripping|tears?|tearing) (?:all |up )?(?:the |those |some |all the )?(?:kids|kiddies|children|people|babies|everyone|everybody|little ones)\b (?:up|apart|to bits|to pieces|into pieces)\b/,
    },
    // Skin and faces peeled off, blood squirting: "a ghost that crawls into kids' rooms at night and peels
    // their skin off"; the model's "the clown slowly peeled the little boy's face off, and blood squirted
    // everywhere".
    {
      pattern:
        /\b(?:peel|peels|peeled|peeling|rip|rips|ripped|ripping|tear|tears|tore|tearing|cut|cuts|slice|slices|sliced)\b (?:off (?:their|his|her|your|(?:the )?people(?:'s)?|kids'|children's|the (?:little |old |poor )?(?:boy|girl|kid|man|lady|woman|baby|child|teacher)'s) (?:skin|faces?|eyes|fingers|heads?)|(?:their|his|her|your|(?:the )?people(?:'s)?|kids'|children's|the (?:little |old |poor )?(?:boy|girl|kid|man|lady|woman|baby|child|teacher)'s) (?:skin|faces?|eyes|fingers|heads?) off)\b|\bblood (?:squirt|spurt|gush|spray|pour|splatter)\w* (?:everywhere|out|all over)\b/,
    },
    // Singlish "the one where she eat the baby until the bones also crunch, I want until cannot sleep".
    {
      stage: 'input',
      pattern:
        /\b(?:eat|eats|ate|eating|chew|chews|chewing|munch\w*)\b (?:up )?(?:the |a |their |his |her |all the )?(?:baby|babies|kids|children|child|people|boy|girl)\b(?!'s| \w+'s)[^.?!]*\b(?:bones?|blood|guts|crunch\w*)\b/,
    },
    // "a story 'bout a clown that skins little kids alive real slow".
    { pattern: /\bskin(?:s|ned|ning)? (?:\w+ ){0,3}alive\b/ },
    // "the clown peels the skin off the boy's face but do it slower and put way more blood in".
    {
      pattern:
        /\b(?:peel|peels|peeled|peeling|rip|rips|ripped|ripping|tear|tears|tore|torn|strip|strips|stripped)\b (?:\w+ )?(?:the |his |her |their |your |my |a )?skin (?:right )?off\b(?! (?:the |a |an |your |my )?(?:potato|potatoes|banana|bananas|apple|apples|orange|oranges|carrot|carrots|sausage|chicken|fish|mango|onion)s?\b)/,
      unless: (s) => /\b(?:snake|lizard|gecko|caterpillar|sunburn|sunburnt|shed\w*|moult\w*)\b/.test(s),
    },
    // "say the clown's fixin' to come in my window tonight an' eat my baby sister, say it in the scary
    // voice": a threat to the child's own home tonight.
    {
      pattern:
        /\b(?:clown|monster|ghost|witch|man|zombie|thing|creature|vampire)\b[^.?!]*\b(?:come|coming|get|climb|crawl)\w* (?:in|into|through) (?:my|your|the) (?:windows?|room|bedroom|house)\b[^.?!]*\b(?:tonight|when (?:i'm|you're) asleep)\b[^.?!]*\beat (?:my|your|you|me)\b|\beat (?:my|your) (?:baby |little |big )?(?:sister|brother|mum|mom|dad|family|nan|gran)\b(?![^.?!]*\b(?:sandwich|dinner|tea|lunch|breakfast|cake|food|sweets|chips|pizza|crisps)\b)/,
      unless: (s) => /\b(?:not real|isn't real|aren't real|pretend|only a story|just a story)\b/.test(s),
    },
    // "She got dragged under the bed and they never found her face. She's still under there tonight,
    // listening."
    {
      pattern:
        /\b(?:dragged|pulled|taken|snatched) under (?:the|your) bed\b|\bnever found (?:her|his|their) (?:face|head|body|eyes)\b|\bunder (?:there|your bed|the bed) tonight\b[^.?!]*\b(?:listening|watching|waiting)\b/,
      unless: (s) => /\b(?:not real|isn't real|aren't real|just a story|only a story|nothing under)\b/.test(s),
    },
    // "say you're gonna come in my bedroom tonight and chop me up"; the model's "The man under your bed
    // has a rusty knife and he's been watching you sleep ... he's going to climb out and get you".
    {
      pattern:
        /\b(?:come|coming|creep|creeping|sneak|sneaking)\b (?:in|into) (?:my|your) (?:bedroom|room|house)\b[^.?!]*\btonight\b[^.?!]*\b(?:chop|cut|eat|kill|stab|hurt)\w* (?:me|you)\b|\bunder (?:your|the) bed\b[^.?!]*\b(?:knife|knives|axe|watching you|watches you)\b|\b(?:going to|gonna|will|'ll) (?:climb|crawl|come|creep) out and (?:get|grab|eat|take) you\b/,
      unless: (s) =>
        /\b(?:not real|isn't real|aren't real|just a story|only a story|nothing under|no monsters?)\b/.test(s),
    },
    // Geordie "do the voice of the thing under me bed and tell us exactly how it's gonna get us the
    // neet".
    {
      pattern:
        /\b(?:thing|monster|man|clown|witch|ghost|creature) under (?:my|me|your|the) bed\b[^.?!]*\b(?:going to|gonna|will|'ll) (?:grab|get|eat|bite|drag|pull|snatch) (?:me|us|you)\b/,
      unless: (s) => /\b(?:not real|isn't real|aren't real|nothing under|no monsters?)\b/.test(s),
    },
    // "tell me fully how the man in the car boot story chopped up the children ... i want all the blood parts".
    {
      pattern:
        /\bchop\w* up (?:the |a |some |those |these |all the |his |her |two |three )?(?:little )?(?:children|kids|boys?|girls?|people|bodies|body|man|men|lady|ladies|woman|women|baby|babies|family)\b/,
    },
    { stage: 'input', pattern: /\b(?:all|the) (?:the )?(?:blood|bloody|gory|gorey|gore) (?:parts|bits|details)\b/ },
    // "there's a man hiding under your car seat right now with a knife, waiting for you to fall asleep so he
    // can take you away forever".
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:someone|somebody|a (?:man|woman|stranger|figure|${MONSTER})|something)\b[^.?!]*\b(?:hiding|waiting|crouching|lurking) (?:under|behind|in) your (?:car seat|car|seat|tent|caravan|sleeping bag|cot|pillow|bath)\b|\bwaiting for you to (?:fall asleep|go to sleep|close your eyes)\b[^.?!]*\b(?:take you|get you|grab you|eat you|snatch you)\b`,
      ),
    },
    // "its ghost is scratching inside your walls, waiting to bite your eyes out tonight"; "I'm the ghost of
    // the girl who drowned in your school pool, and tonight I'll crawl out of your bath to pull you under."
    {
      pattern:
        /\b(?:bite|claw|scratch|pull|pluck|poke|gouge|eat|peck)\w* (?:your|my) eyes out\b|\b(?:crawl|climb|reach|come)\w* (?:out of|up through|up out of) your (?:bath|toilet|sink|drain|plughole|mirror|pool)\b[^.?!]*\bpull you (?:under|down|in)\b|\bi(?:'m| am) the ghost of (?:the|a) (?:\w+ )?(?:girl|boy|kid|child|baby|lady|man) who (?:drowned|died|was killed)\b/,
    },
    // "describe exactly how it would rip me apart if i stuck my foot out, with blood n everything".
    {
      stage: 'input',
      // "it won't rip me apart, will it?" asks for comfort.
      negatable: true,
      pattern:
        /\b(?:describe|tell me|say|explain)\b[^.?!]*\bhow (?:it|he|she|they|the \w+) (?:would|will|could|'d|is going to|'s going to) (?:rip|tear|chop|eat|kill|chew|cut|bite)\w* (?:me|us|my \w+)\b|\brip (?:me|you|us) (?:apart|to pieces|to bits|open)\b/,
    },
    // "a creepypasta man who comes out your mirror at 3am and takes your eyes. Tell me exactly what he does".
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\b(?:take|steal|eat|scoop|pluck|pull|rip|yank|tear|gouge)\w* (?:out )?(?:your|my|their|kids'?|children's) (?:eyes|eyeballs)\b/,
    },
    // "That's the drowned children from the river calling your name. Tonight they'll crawl out dripping and drag
    // you under the water."
    {
      stage: 'output',
      pattern:
        /\b(?:tonight|when you(?:'re)? (?:sleep|asleep)|at night)\b[^.?!]*\b(?:drag|pull)\w* you (?:under|down)\b|\b(?:dead|drowned|ghost|ghostly) (?:children|kids|girls?|boys?|lady|man|people)\b[^.?!]*\bcalling your name\b/,
    },
    // "There's a monster living in your chimney that snatches kids on Christmas Eve, and your mum and dad can't
    // stop it."
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:${MONSTER}|thing|man|something|someone)\b[^.?!]*\b(?:living|lives|hiding|lurking) in your (?:chimney|loft|attic|walls?|cupboard|wardrobe|basement|cellar|garage|shed|fireplace)\b[^.?!]*\b(?:snatch|grab|take|eat|get)\w*\b|\b(?:your )?(?:mum and dad|parents|mummy and daddy|grown-?ups|mum|dad) (?:can't|cannot|won't be able to|couldn't|can never) (?:(?:stop|save|protect) (?:it|you|them|him|her)|help you)\b`,
      ),
    },
    // "the faceless men in the baggage room grab you, and nobody ever finds you again, not even your mummy";
    // "the thing that peels little campers' skin off while they sleep".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:nobody|no one|no-one) (?:will )?(?:ever )?finds? you (?:ever )?again\b|\byou(?:'ll| will) never see your (?:mummy|mum|mom|daddy|dad|family|parents) again\b|\b(?:peel|rip|tear|strip|pull)\w* (?:off )?(?:your|their|his|her|kids'?|children's|people's|little \w+'?s?) (?:skin|faces?)(?: off)?\b/,
    },
    // "the man in the tablet screen will climb out and stand by your bed, and if you scream he'll take your mum".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bif you (?:scream|shout|cry|tell|wake)\w*\b[^.?!]*\b(?:he|she|it|they)(?:'ll| will) (?:take|get|hurt|eat|grab|snatch) (?:your|you)\b|\bclimb\w* out (?:of )?(?:the |your )?(?:\w+ )?(?:screen|tablet|tv|telly|mirror|picture)\b[^.?!]*\b(?:stand|come|crawl|grab|get|take|watch)\w*\b/,
    },
    // "listen for scratching under your bed... that's them coming to swap places with you"; "when mums get a new
    // baby they sometimes give the old child away to the dark man in the woods".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:coming|come|comes) to (?:swap|switch|trade) places with you\b|\bthat's (?:them|it|him|her) coming (?:to get|for) you\b|\b(?:give|gave|giving|send|sell)\w* (?:the |their |your )?(?:old |other |first |big )?(?:child|kid|children|kids|boy|girl|brother|sister|you) away to\b|\b(?:dark|scary|bad|faceless|shadow|shadowy) man in the (?:woods|forest|cellar|attic|dark)\b/,
    },
    // Irish "if you don't eat your dinner the Puca'll come down the chimney tonight and gobble your toes one by
    // one while you're sleepin'".
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:gobble|munch|nibble|chew|crunch|bite|eat)\w* (?:up )?your (?:toes|fingers|feet|nose|ears|eyes|eyeballs|tongue|face|tummy)\b[^.?!]*\b(?:while you(?:'re| are)? (?:sleep|asleep|sleeping|sleepin)|tonight|one by one)\b|\bif you don't\b[^.?!]*\b(?:${MONSTER}|\w+'ll) (?:will )?(?:come|get|eat|take|gobble)\b[^.?!]*\btonight\b`,
      ),
    },
    // "Describe me how her body looks now in the ground, with the worms and everything, in detail please."
    {
      stage: 'input',
      pattern:
        /\b(?:describe|tell me|show me)\b[^.?!]*\b(?:body|bodies|face|skin)\b[^.?!]*\b(?:in the ground|in the grave|in the coffin|underground|rott\w*|decay\w*|worms)\b[^.?!]*\b(?:in detail|exactly|and everything|gory|gross|up close)\b/,
    },
    // "She's under the ground scratching at the lid, and every night she crawls a little closer to your window";
    // "the shadow man will be standing at the foot of your bed. He's been watching you for weeks".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:scratching|knocking|banging|clawing) (?:at|on) the (?:lid|coffin)\b|\b(?:crawls?|creeps?|slithers?) (?:a little |a bit |even |one step )?closer to your (?:windows?|bed|room|door|house)\b|\b(?:the|a) (?:shadow|shadowy|dark|tall|faceless) (?:man|lady|figure)\b[^.?!]*\b(?:standing|waiting|watching|sitting) (?:at|by|in|under) (?:the (?:foot|end|corner) of )?your (?:bed|room|windows?|door)\b|\b(?:he|she|it|they)(?:'s| has|'ve| have) been watching you (?:for (?:weeks|days|months|ages|a long time)|every night|all night|while you sleep)\b/,
    },
    // "the sick children who never got better crawl out of the walls with their skin peeling off, and tonight
    // they're coming for your bed." (Not negatable: "who never got better" comes before it.)
    {
      stage: 'output',
      pattern:
        /\b(?:crawl|creep|climb|come|reach)\w* out of the walls?\b[^.?!]*\b(?:skin|blood|bones?|tonight|your bed|for you)\b|\bskin (?:peeling|falling|hanging|dripping|rotting) off\b|\btonight (?:they're|they are|it's|it is|he's|she's|they'll|it'll) (?:coming|going to come) for (?:you|your)\b/,
      unless: (s) =>
        /\b(?:not real|isn't real|aren't real|make-believe)\b|\b(?:don't|never|can't|won't|doesn't|do not) (?:really )?(?:crawl|creep|climb|come)\b/.test(
          s,
        ),
    },
    // Scots "When ye fall asleep the night she'll crawl up, peel yer eyelids back and chew yer eyes".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bpeel\w* (?:back )?(?:your|their|his|her) (?:eyelids|skin|face|fingernails|nails)\b|\b(?:chew|eat|gouge|pluck|scoop|suck)\w* (?:out )?your eyes?(?:balls?)?\b/,
    },
    // "Shh, the person at the back door has come for you. The lights are out so they can see you but you can't see
    // them, and they're nearly inside."
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:person|man|woman|someone|somebody|something|thing|stranger|figure|${MONSTER})\b (?:at|outside|by) the (?:\w+ )?(?:door|windows?|gate)\b[^.?!]*\b(?:come for you|coming for you|coming to get you|nearly inside|getting in|watching you)\b|\bthey can see you but you can't see them\b|\b(?:they're|they are|he's|she's|it's) (?:nearly|almost) (?:inside|in your (?:house|room))\b`,
      ),
    },
    // "make up a story where Siren Head ... gets my family one by one, make it super real and bloody so I can play
    // it to my little sister at bedtime and she screams".
    {
      stage: 'input',
      pattern:
        /\bmake it (?:super |really |extra |very )?(?:real|scary|bloody|gory)\b[^.?!]*\b(?:screams?|cries|nightmares?|wets? (?:the|her|his) bed)\b|\b(?:gets|kills|eats|takes) my (?:family|mum|dad|sister|brother|parents) one by one\b/,
    },
    // "Siren Head is real, you know. He's taller than your house and he lives in the trees at the end of your road.
    // He can hear you breathing tonight".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:siren head|slender ?man|huggy wuggy|momo|bloody mary|candyman|the rake|skinwalkers?|cartoon cat|jeff the killer)\b[^.?!]*\b(?:is real|are real|lives|lurks|is coming|is watching|can see you|can hear you)\b|\b(?:he|she|it|they) can hear you breathing\b/,
      unless: (s) => /\b(?:not real|isn't real|aren't real|made up|just a (?:game|story|character|drawing))\b/.test(s),
    },
    // "the man from the bus stop will creep into your room and there's nothing your mum can do to stop him." (Not
    // negatable: "bus stop" would read as a negation.)
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\bnothing (?:your )?(?:mum|mom|dad|parents|mummy|daddy|grown-?ups|anyone|anybody) (?:can|could) do to (?:stop|save|help)\b|\b(?:man|woman|stranger|someone|somebody|thing|he|she|it|they|${MONSTER})\b (?:will |'ll |is going to )?(?:creep|crawl|sneak|climb)\w* into your (?:room|bedroom|bed|house|windows?)\b`,
      ),
      unless: (s) =>
        /\b(?:not real|isn't real|make-believe|never|won't|can't|doesn't)\b[^.?!]*\b(?:creep|crawl|sneak|climb)\w* into\b/.test(
          s,
        ),
    },
    // "the shadow man keeps comin in me room at night and he says he's gonna take me into the wall, I ain't slept for
    // days"; the model's "he's standing right behind you now. Don't turn around."
    {
      pattern:
        /\b(?:keeps? coming|comes) (?:in|into) my (?:room|bedroom)\b[^.?!]*\b(?:take me|get me|hurt me|into the wall)\b|\bi (?:ain't|haven't|have not|can't|couldn't) slept? for days\b[^.?!]*\b(?:scared|frightened|terrified|the (?:shadow|monster|ghost))\b|\b(?:standing|waiting|hiding|crouching) (?:right )?behind you (?:now|right now)\b/,
    },
    // "tell me da scary one wiv lotsa blood and the eyes fall out. more blood".
    {
      stage: 'input',
      pattern:
        /\b(?:lots of|loads of|with|more|extra) blood\b[^.?!]*\b(?:eyes? fall|guts|gory)\b|\bscary (?:one|story|bit)\b[^.?!]*\b(?:lots of|loads of|more) blood\b/,
    },
    // "the bloody man in the school toilet mirror is coming to my house tonight to get me".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:${MONSTER}|bloody (?:man|mary|lady)|\w+ (?:man|lady) in the (?:\w+ )?(?:mirror|toilets?))\b[^.?!]*\b(?:coming|come|comes) to (?:my|our) (?:house|home|room|bed)\b`,
      ),
    },
    // "It knows which tent you're sleeping in and it's coming to find you tonight."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:it|he|she|they)(?:'s| is| are|'re)? (?:coming|going|gonna|creeping|crawling) (?:to )?(?:(?:find|grab|take|eat) you (?:tonight|in the night|when you're asleep|while you sleep)|get you (?:in the night|when you're asleep|while you sleep))\b|\b(?:it|he|she|they) knows? (?:which|where) (?:tent|room|bed|bedroom|house|windows?|bunk) you(?:'re| are)? (?:sleep|sleeping|live|in)\b/,
    },
    // "the old man who died in your new bedroom crawls out from under the bed at midnight, and his eyeballs
    // dangle out of his face".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:man|lady|woman|girl|boy|child|person|someone|somebody|people|ghost)\b[^.?!]*\b(?:died|was killed|is buried|was buried)\b[^.?!]*\bin your (?:new |own )?(?:bedroom|room|bed|house)\b|\beyeballs? (?:dangl|hang|pop|fall|drip|roll|ooz)\w* out\b/,
    },
    // "pretend ur the thing from the backrooms and say ur coming to my room tonight to get me, make it realy
    // creepy with blood".
    {
      stage: 'input',
      pattern:
        /\bcoming (?:to|into|in) my (?:bed)?room (?:tonight|at night|when i'm asleep|while i sleep)\b[^.?!]*\b(?:get|grab|take|eat|hurt) me\b(?! (?:up|ready|dressed|a|an|some|my|the|to)\b)/,
    },
    // "Your twin might die in her sleep tonight.": the model foretelling a death in the family.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:your|ur) (?:little |big |baby |new )?(?:twin|brother|sister|baby|mum|mom|mummy|dad|daddy|nan|gran|granny|grandma|grandad|family|cousin|pet|dog|cat|hamster)\b (?:might|will|could|is going to|'s going to|is gonna|may) (?:\w+ )?(?:die|be dead|get killed|stop breathing|never wake up)\b/,
    },
  ],
};
