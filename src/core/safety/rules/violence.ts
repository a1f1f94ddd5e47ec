// Violence beyond a fairy tale: weapons, hurting real people or animals, gore. The wolf eating
// grandma, the knight fighting the dragon, "I killed it at football" and the final boss in a game
// stay allowed; the same verbs aimed at a brother, a teacher or the cat do not.
import { dressingUpBlood, gameFramed, GROWN_UP_AT_HOME, HURTS, storyFramed } from '../sentence-text.ts';
import type { CategoryRules } from './safety-rule.ts';
import { words } from './safety-rule.ts';

const playOrStory = (s: string) => storyFramed(s) || gameFramed(s);
const idiom = (s: string) =>
  // "gonna kill ma sis, she ate ma egg": exasperation over something small a sibling did.
  (/\b(?:going to|gonna|gon|'ll|will) kill (?:my|ma|me|mi) (?:little |big |baby )?(?:sis|sister|brother|bro|bruv|bruva|cousin|twin)\b/.test(
    s,
  ) &&
    /\b(?:she|he|they) (?:ate|eaten|took|nicked|stole|broke|used|wore|borrowed|finished|hid|drank|read|spoiled|spoilt|told on me|scribbled on)\b/.test(
      s,
    ) &&
    !/\b(?:knife|gun|sword|blood|bat|hammer|pillow|really|for real|i mean it|actually)\b/.test(s)) ||
  // "she keeps singin the same song, I could honestly kill her lol": exasperation, said laughing.
  (/\bi could (?:honestly |literally |just |actually |seriously )?kill (?:him|her|them|my \w+)\b/.test(s) &&
    /\b(?:lol|haha\w*|annoy\w*|drives? me (?:mad|crazy|nuts|up the wall)|so irritating)\b/.test(s)) ||
  /\b(?:kill|murder)(?:ed|ing|s)? it\b|\b(?:is|are|was|it's|they're) (?:literally |actually |totally |honestly |just )?killing me\b|\bkiller (?:whales?|bees?|shot|goal|pass|move|moves|tackle|volley|serve|kick|header|song|dance|joke|outfit|smile|finish|save)\b|\b(?:\w+-nil|\d+-\d+)\b[^.?!]*\b(?:murdered|killed|destroyed) (?:us|them|me|you)\b|(?:\b(?:got|get|getting|were|was) (?:\w+ )?(?:murdered|killed|destroyed)|\b(?:murdered|killed|destroyed) (?:us|them|me|you))\b[^.?!]*\b(?:\w+-nil|\d+-\d+)\b|\b(?:joke|jokes|that one|this one|it|that|you) (?:always |really |literally |totally |just )?kills? me\b(?![^.?!]*\b(?:knife|gun|sword|blood))|\b(?:well|oh|aw|ah|dang|darn) shoot\b(?![^.?!]*\bshoot)|\bcould kill for (?:a|an|some)\b|\b(?:murdered|killed|smashed|destroyed) (?:my|the|that|our|their|his|her) (?:[\w']+ )?(?:test|exam|quiz|race|match|level|song|solo|dance|audition|spellings?|ball|shot|penalty|pen|goal|free kick|volley)\b|\bmurder (?:a |the |some |an )?(?:plate|cup|bowl|pizza|burger|sandwich|chips|curry|pint|brew|slice|bacon|kebab|cuppa|roast|fry-?up|pie)\b|\b(?:was|is|it's) (?:absolute |total |pure )?murder\b|\b(?:cat|dog|puppy|kitten)\b[^.?!]*\b(?:kill|murder)\w* (?:my |the |a |his |her |its )?(?:toy|teddy|sock|slipper|cushion|pillow)\b|\b(?:is|are|was|were|it's|you're|you are) killing me\b|\b(?:going to|gonna|will|'ll) (?:murder|kill) (?:us|me)\b[^.?!]*\b(?:when|if) (?:he|she|they|mum|mom|mummy|dad|daddy|grandad|grandma|nan|gran)(?:'s| is)? (?:wakes? up|finds? out|sees?|gets? home|comes? home|gets? back)\b[^.?!]*\b(?:lol|haha\w*)|\bkilling time\b|\bkill\w* two birds with one stone\b|\b(?:asteroid|meteor|meteorite|comet|volcano(?:es)?|ice age)\b[^.?!]*\bkill(?:ed|s)? (?:off )?(?:all )?(?:the )?(?:dinosaurs|dinos|mammoths)\b|\bmurder (?:the |that |this )?(?:\w+ )?(?:machine|printer|computer|laptop|telly|tv|toaster|hoover)\b|\bdressed to kill\b|\bwater[- ]?(?:gun|pistol)s?\b|\bnerf\b|\btoy (?:gun|sword)s?\b|\bglue gun\b|\bkill(?:ed|ing|s)? (?:the |a |that |all the )?(?:spiders?|flies|fly|wasps?|ants?|bugs?|insects?|mosquito(?:e?s)?|germs|weeds|slugs?)\b|\bbath bombs?\b|\bshooting stars?\b|\bphoto ?bomb\w*|\bshoot(?:s|ing)? (?:\w+ ){0,2}(?:film|movie|video|scene|hoops|goals?|baskets?|photos?)\b|\bbut (?:he|she|him|her|they|it|it's|dat|that) (?:was |is |were |'s )?(?:only |jus |just )?(?:a )?jok(?:e|es|ing|in)\b/.test(
    s,
  );
const TARGET = String.raw`(?:(?:my|your|his|her|the|that|a|our|their|\w+'s) (?:little |big |baby |best |new |chhota |chhoti |choti |lil |younger |older )?(?:brother|sister|bhai|behen|didi|friend|mum|mom|mummy|dad|daddy|teacher|cousin|baby|nan|gran|grandma|grandad|neighbour|boy|girl|kid|child|classmate|cat|dog|kitten|puppy|hamster|rabbit|bird|pet)s?|him|her|them|people|someone|somebody|anyone|everyone)`;

/** "my mum hurt her back lifting the shopping", "my sister fell and hurt her knee": she hurt herself. */
const NOT_HURT_HERSELF = String.raw`(?!(?<=\b(?:she|mum|mom|mummy|mommy|mam|mammy|nan|nana|gran|granny|grandma|sister|auntie|aunty|teacher|fell|fell over|fell down|tripped|tripped over|slipped|and) hurt her) (?:own )?(?:back|legs?|arms?|knees?|foot|feet|ankles?|wrists?|hands?|head|neck|fingers?|toes?|shoulders?|hip|elbow)\b)`;

/** Animals a child may hurt (one list for the rules on pets). */
const PET = String.raw`(?:kitten|kitty|kitties|puppy|cat|moggy|moggie|dog|hamster|bird|rabbit|guinea pig|gerbil|mouse|goldfish|fish|tortoise|chick|bunny)`;
/** An animal small enough to be kicked or thrown: "Catch a frog ... kick it like a football". */
const SMALL_ANIMAL = new RegExp(
  String.raw`\b(?:${PET}s?|frogs?|toads?|snails?|worms?|birds?|ducks?|hedgehogs?|mice|lizards?)\b`,
);
/** "...so it learns", "to teach him": hurting an animal as its lesson. */
const PET_LESSON = String.raw`so (?:it|he|she|they) (?:learns?|knows?|stops?)|(?:to )?teach (?:it|him|her|them)`;
/** Putting an animal somewhere it cannot get out of, and the machines and bins it is put in. */
const SHUT_IN = String.raw`(?:put|putting|pit|shut|lock|throw|throwing|stick|sticking|shove|shoving|pop|popping|chuck|chucking|toss|tossing|drop|dropping|stuff|trap|warm)`;
const CREATURE_SHUT_IN = String.raw`(?:${PET}|frog|toad|snail|worm|bug|spider|lizard|newt|ladybird|lamb|pet)`;
const MACHINE = String.raw`(?:tumble ?dryer|dryer|washing machine|washer|microwave|oven|freezer|fridge|wheelie bin|bin|toilet|dishwasher)`;
/** Talk of growing things: "a bean in a cup", "see how tall it gets". */
const GROWING = String.raw`(?:grow\w*|sprout\w*|seeds?|beans?|plant\w*|bulbs?|soil|compost|tall\w*|leaf|leaves|cotton wool)`;
/** "now it has a little shoot!", "draw your shoot each day": a plant's shoot, when growing is talked of and no one is shot. */
const NOT_PLANT_SHOOT = String.raw`(?!(?<=\b(?:a|the|little|tiny|new|green|first|its|your|my|their) (?:little |tiny |new |green |first )?shoots?)(?! (?:at|him|her|them|me|you|us|people|someone|somebody|it|the|a|my|your|his))(?:(?<=\b${GROWING}\b[^.?!]*)|(?=[^.?!]*\b${GROWING}\b)))`;
/** A knife by any name: "pocketknife", "penknives", "a blade". */
const BLADE = String.raw`(?:pocket|pen)?kni(?:fe|ves)|blade`;
// Hitting with something hard: said of anyone (both stages), or of someone by name (the child's
// words only: the model's stories name their characters).
const HIT_WITH = String.raw`\b(?:hit|hitting|smack|whack|bash)\w*`;
const HARD_THING = String.raw`(?:big |heavy )?(?:rock|stone|stick|hammer|bat|brick|bottle|chair|pan)\b`;

/**
 * "When we feel so angry we want to hit someone, we can stomp like a dinosaur ... instead": coping,
 * taught; "It's okay to feel like you want to hurt him back, but let's talk about it instead".
 */
const copingWithAnger = (s: string) =>
  (/\b(?:okay|ok|normal|alright|fine) to feel\b[^.?!]*\bbut (?:let's|we can|you can|try)\b[^.?!]*\b(?:talk|tell|breathe|deep breaths?)\b/.test(
    s,
  ) &&
    !/\bbut\b[^.?!]*\b(?:hit|punch|kick|smash|hurt|bite|push)\b/.test(s)) ||
  /\bwhen (?:we|you|i|people|kids|children) (?:feel|get|are|'re|'m) (?:so |really |very |super )?(?:angry|cross|mad|frustrated|furious)\b[^.?!]*\b(?:instead|deep breaths?|stomp like|squeeze (?:a|your|my) (?:pillow|cushion|teddy|hands?)|count to (?:ten|10)|talk about it)\b/.test(
    s,
  );

export const violenceRules: CategoryRules<'violence'> = {
  category: 'violence',
  unless: copingWithAnger,
  rules: [
    // "I'm gonna hold my sister's head under the bath water till she stops splashing."
    {
      negatable: true,
      pattern:
        /\b(?:hold|holding|held|push|pushing|keep|keeping|dunk|dunking)\b (?:(?:my |your |our |the )?\w+'s |his |her |their |him |them )(?:head |face )?(?:under|into|in) (?:the )?(?:bath ?water|bath|water|pool|pond|sink|toilet|loo)\b/,
    },
    // "Gonna flush the hamster down the loo" (not a goldfish that has died).
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\bflush\w* (?:the |my |our |his |her |\w+'s )?(?:${PET}|frog|toad|lizard|newt|tortoise|snake)s? (?:down|in|into|away)\b`,
      ),
      unless: (s) => /\b(?:dead|died|passed away)\b/.test(s),
    },
    // The model's "Give that girl on the bus a slap."
    {
      stage: 'output',
      pattern:
        /\bgive (?:that|the|this) (?:girl|boy|kid|bully|lad|lass|man|lady)\b(?: [\w']+){0,4} a (?:good |big |hard |little |quick |proper )?(?:slap|punch|kick|smack|thump|whack|wallop|shove)\b/,
    },
    // How to hurt someone: make them pass out, faint or stop breathing.
    {
      pattern:
        /\bhow (?:do|can|could|would|to) (?:you |i |we )?(?:make|get|knock|choke|strangle|hurt)\b[^.?!]*\b(?:someone|somebody|a person|people|him|her|them|my (?:brother|sister|friend|mum|dad))\b[^.?!]*\b(?:pass out|faint|stop breathing|black out|go to sleep forever|unconscious|bleed|out cold)\b|\bmake (?:someone|somebody|a person|him|her) (?:pass out|faint|stop breathing|black out)\b/,
    },
    // An animal: "the best way to make next door's cat stop breathing".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\bmake (?:[\w']+ ){0,4}${PET}s? (?:stop breathing|pass out|go to sleep forever|shut up (?:forever|for good|permanently))\b`,
      ),
    },
    // A sharp thing taken to hurt a person: "get the scissors and cut Oliver's hand so he cries".
    {
      negatable: true,
      pattern:
        /\b(?:scissors|knife|knives|compass|pencil|needle|pin|fork|stick|stone|rock|hammer)\b[^.?!]*\b(?:cut|stab|poke|jab|hit|smash|scratch|hurt)\b[^.?!]*\b(?:(?:[a-z]+'s|his|her|their) (?:hands?|arms?|legs?|face|fingers?|neck|eyes?|tummy|head|back)|so (?:he|she|they|it) (?:cries|cry|bleeds?|screams?))\b/,
    },
    // "A sharp pencil jabbed in the hand really makes people listen."
    {
      negatable: true,
      pattern:
        /\b(?:pencil|compass|pin|drawing pin|needle|scissors|fork|knife)\b[^.?!]*\b(?:jab|stab|poke)\w* in(?:to)? the (?:hand|arm|leg|back|eye|face|neck|tummy|side|bum)\b/,
      unless: (s) => /\b(?:nurse|doctor|vaccin\w*|injection|flu jab|dentist|vet|sewing|cushion|hole)\b/.test(s),
    },
    // A knife carried to school: "bring di big knife from di kitchen go school ... hide it inna mi bag".
    {
      negatable: true,
      pattern:
        /\b(?:knife|knives|blade|cutlass|machete)\b[^.?!]*\b(?:(?:in)?to school|go school|for school|in(?:na)? (?:my|mi|me|your) (?:school |book ?)?(?:bag|backpack|rucksack|pencil case)|hide\w* (?:it|them) in (?:his|her|their) (?:school )?bag)\b/,
      // "Mum brought the cake knife into school for my birthday".
      unless: (s) =>
        /\b(?:butter|plastic|toy|pretend|play|cake|birthday|party|picnic|cooking|baking|bake sale)\b/.test(s),
    },
    // A sharp trap set for someone: "drawing pins in Callum's trainers so he can't walk".
    {
      negatable: true,
      pattern:
        /\b(?:put|putting|hide|hiding|stick|sticking|leave|leaving|slip|slipping|tape|taping)\b[^.?!]*\b(?:drawing ?pins?|thumb ?tacks?|tacks|pins|nails|needles|broken glass|glass|splinters|staples)\b[^.?!]*\b(?:in|into|on|under|inside)\b (?:[a-z]+'?s|her|their|my \w+'?s|the teacher'?s) (?:trainers|shoes?|boots|wellies|slippers|socks|bed|chair|seat|pillow|sandwich|lunch(?:box)?|drink|food)\b/,
    },
    // A sharp thing taken to someone who was mean; a "proper whack" where it hurts.
    {
      negatable: true,
      pattern:
        /\b(?:scissors|knife|knives|compass|needle|pin|stick|stone|rock|hammer|bat|blade|something sharp)\b[^.?!]*\b(?:show (?:him|her|them) who's boss|teach (?:him|her|them) a lesson|make (?:him|her|them) (?:sorry|pay|cry|bleed|scared)|get (?:him|her|them|(?!it\b|my\b|the\b|our\b|your\b|a\b|this\b|that\b|mine\b|some\b)[a-z]+) back|scare (?:him|her|them))\b|\bdeserves? (?:a |an )?(?:proper |good |big |real |hard |massive )?(?:whack|smack|slap|punch|kick|thump|wallop|bash|clout|beating|hiding)(?:ing)?\b|\b(?:get|hit|kick|punch|whack|smack|poke|pinch|thump|bite|scratch)\w* (?:him|her|them|your \w+|my \w+) (?:(?:really |so |super )?hard )?(?:right )?where it (?:really )?hurts\b/,
    },
    // A weapon as the answer to someone mean: "a kitchen knife is the best thing to have if
    // someone is mean to you"; a blade hidden in a school bag.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:${BLADE}|scissors|hammer|bat|brick|weapon)\b[^.?!]*\b(?:best|good|handy|useful|great|smart) (?:thing|idea|way|to have)\b[^.?!]*\b(?:if|when|in case) (?:someone|somebody|anyone|people|kids|they|he|she|a bully|bullies)\b[^.?!]*\b(?:mean|picks? on|picking on|bull(?:y|ies|ying)|hurts?|attacks?|fights?|comes? at|starts? on)\b|\b(?:hide|keep|carry|pack|sneak)\w* (?:a |the |your |my )?(?:kitchen |sharp |little |small |pocket )?(?:${BLADE})\b[^.?!]*\b(?:in|into) (?:your|my) (?:school ?bag|bag|backpack|rucksack|pocket|pencil case|locker|sock)\b`,
      ),
    },
    // A weapon brought to school or a fight; hitting a named child "with it".
    {
      negatable: true,
      pattern:
        /\b(?:bring|take|carry|put|pack|sneak)\w* (?:a |the |your |my |his |her )?(?:\w+'s |big bro |big brother )?(?:kitchen |sharp |big )?(?:knife|knives|hammer|bat|scissors|weapon|brick|blade|something sharp)\b[^.?!]*\b(?:to school|fight|mean it|scare (?:them|him|her)|hit|hurt|stab|sort (?:him|her|them) out|(?:he|she|they)(?:'ll| will| gon| going to) learn|show (?:him|her|them) who's boss)\b|\b(?:hit|whack|bash|smack|stab)\w* (?!the\b|a\b|it\b|that\b|this\b)[a-z]+ with (?:it|a hammer|the hammer|a brick|a rock|a knife|a bat)\b/,
    },
    // "A good hard punch on the nose will teach him": hurting someone offered as the answer.
    {
      negatable: true,
      pattern:
        /\b(?:punch|kick|slap|smack|thump|whack|wallop|bite|shove|push|hit)\w*\b[^.?!]*\b(?:will|would|'ll|should|to) teach (?:him|her|them|it)\b|\bgive (?:him|her|them|\w+) a (?:proper |good |big |hard |real |quick |right )*(?:whack|smack|slap|punch|kick|thump|wallop|clip)\b[^.?!]*\b(?:round|on|in|across) (?:the|his|her|their) (?:head|ear|face|nose|mouth)\b|\b(?:a|one) (?:good |hard |big |proper |quick )*(?:punch|kick|slap|smack|thump|whack|wallop)\b (?:on|in) (?:the|his|her|their) (?:nose|face|head|mouth|tummy|stomach|belly)\b/,
      unless: playOrStory,
    },
    // "How do I hurt Jayden proper bad ... so he has to go to hospital"; "get him back with a big stick".
    {
      negatable: true,
      pattern:
        /\b(?:how (?:do|can|could|should) i (?:really )?|(?:best|easiest|quickest) way to )hurt (?!less\b|more\b|myself\b|yourself\b)[a-z]+|\bget (?:him|her|them) back\b[^.?!]*\bwith (?:a |the |your |my )?(?:big |sharp |heavy )?(?:stick|stone|rock|hammer|bat|knife|scissors|brick)\b/,
      unless: playOrStory,
    },
    // "How do you make the next door cat stop moving forever": killing, said sideways.
    {
      pattern:
        /\bmake\b[^.?!]*\bstop (?:moving|breathing|waking up|barking|meowing|miaowing|crying|squeaking|making noise) (?:forever|for good|for ever)\b/,
    },
    // "...smash his head on the bubbler so he cries."
    {
      negatable: true,
      pattern:
        /\b(?:smash|bash|bang|slam|whack|knock)\w* (?:his|her|their|the \w+'s|\w+'s) (?:head|face)s? (?:on|into|against|off)\b/,
      unless: playOrStory,
    },
    // "Smash your water bottle into his face as hard as you can."
    // Only a negation right before the verb clears it: "wait till the teacher isn't looking and
    // smash ..." must not read as advice.
    {
      pattern:
        /\b(?:smash|bash|whack|slam|hit|throw|chuck|punch)\w*\b[^.?!]*\b(?:into|in|at|across) (?:his|her|their|the \w+'s) (?:face|head|nose|mouth|eyes?)\b/,
      unless: (s) =>
        playOrStory(s) ||
        /\b(?:never|don't|do not|mustn't|shouldn't)\b (?:\w+ ){0,3}(?:smash|bash|whack|slam|hit|throw|chuck|punch)/.test(
          s,
        ),
    },
    // "Catch a frog and pull its legs off one by one."
    {
      negatable: true,
      pattern:
        /\b(?:pull|rip|tear|pick|snap)\w* (?:its|their|the \w+'s|the|his|her) (?:legs|wings|tail|head|feelers|antennae|whiskers) off\b/,
      // A story, or a toy: "the dog killed my teddy, ripped its head off".
      unless: (s) =>
        (storyFramed(s) ||
          /\b(?:teddy|teddies|toy|toys|doll|dolls|barbie|action figure|lego|cushion|slipper|sock|plushie|soft toy)\b/.test(
            s,
          )) &&
        !/\b(?:frog|spider|fly|flies|bee|butterfly|worm|beetle|bird|mouse|ant)\b/.test(s),
    },
    // Killing words, unless a fairy tale ("the knight killed the dragon"), a game or an idiom.
    {
      pattern: new RegExp(
        words(
          'kill | kills | killed | killing | killer\\w* | murder\\w* | ' +
            `shoots?${NOT_PLANT_SHOOT}` +
            ' | shooting | shot (?:him|her|them|you|me|people) | stab | stabs | stabbed | stabbing | stabber | weapon\\w* | behead\\w* | tortur\\w* | massacre\\w* | strangl\\w* | poison(?!ous)\\w*',
        ),
      ),
      // "Is it poison for kids one?": asking why children can't have it.
      unless: (s) =>
        idiom(s) ||
        playOrStory(s) ||
        /\bis (?:it|that|this|beer|alcohol|wine) (?:a )?poison(?:ous)? (?:for|to) (?:kids|children|me|us|little ones)\b/.test(
          s,
        ) ||
        // "grapes and chocolate are poison for dogs so i put them all up really high": kept away.
        (/\b(?:is|are) (?:a )?poison(?:ous)? (?:for|to) (?:dogs|cats|pets|animals|puppies|kittens|birds|rabbits)\b/.test(
          s,
        ) &&
          /\b(?:high|away|out of reach|can't reach|cannot reach|never give|don't give|don't feed|never feed)\b/.test(
            s,
          )),
      borderline: true,
    },
    // Modern weapons are not fairy-tale props, even next to a dragon; only toys and idioms pass.
    {
      pattern: new RegExp(
        words('guns? | gunfire | rifle\\w* | pistol\\w* | bullets? | bomb\\w* | explosive\\w* | grenades? | rape\\w*'),
      ),
      // "My brother's game has guns in it but it's rated 12": a game or film and its age rating.
      unless: (s) => idiom(s) || /\b(?:game|games|film|movie|show)\b[^.?!]*\b(?:rated|pegi|age rating)\b/.test(s),
      borderline: true,
    },
    // Gore.
    {
      pattern:
        /\b(?:blood (?:went|was|spilled|spilt|everywhere|and guts|dripping|all over)|blood everywhere|guts|gore|gory|chopped off (?:his|her|their|its) head|heads? chopped off|chops? (?:off )?(?:people's|peoples|children's|kids'|their|his|her) heads?(?: off)?|cut up (?:the )?bod(?:y|ies)|dead bod(?:y|ies)|bloodbath|blood and (?:squishy|gooey|slimy|squelchy) bits|squishy bits all over|bones? (?:go|goes|went) crunch)\b/,
      // "going as a zombie with fake blood dripping out my mouth, mum's doing my face paint".
      // "our cat murdered my toy mouse ... all its guts is fluff everywhere".
      unless: (s) =>
        dressingUpBlood(s) ||
        /\b(?:fluff|stuffing|cotton wool)\b|\b(?:tooth|teeth|nose ?bleed|nose bled|my nose|my tongue|my lip|grazed|graze|my knee|cut my finger|wobbly)\b/.test(
          s,
        ),
    },
    // Hurting real people and animals.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:stamp on|stamping on|stomp on|stomping on|jump on|bonk|thump|wallop|clobber|smash|smashing|bash|bashing|whack|whacking|punch|punching|hit|hitting|kick|kicking|bite|biting|pinch|pinching|slap|slapping|smack|smacking|push|pushing|shove|shoving|trip|tripping|strangle|choke|choking|hurt|hurting|stab|shank|shanking|merk|merking|jab|jabbing|spear|spearing|chop up|chopping up|squash|drown|throw (?:rocks|stones|things) at)\b ${TARGET}\b${NOT_HURT_HERSELF}`,
      ),
      // "Stamping on the ants would hurt them. How about we watch where they carry their food instead?"
      unless: (s) =>
        storyFramed(s) ||
        /\bpillow fight\b|\bon the swing\b/.test(s) ||
        (/\b(?:would|could|might|will) hurt (?:it|them|him|her)\b/.test(s) &&
          /\b(?:instead|be gentle|be kind)\b/.test(s)) ||
        // "so ah telt ma maw insteid o' hittin' him back".
        /\binstead (?:of|o') (?:hitting|kicking|punching|smacking|pushing|biting|hurting|slapping|whacking|thumping)\b/.test(
          s,
        ),
    },
    {
      negatable: true,
      pattern: /\bbeat (?:him|her|them|someone|somebody|people|\w+) up\b|\bbeat up\b|\bbeat (?:[\w']+ ){1,3}until\b/,
    },
    {
      pattern:
        /\bmake (?:\w+ ){0,2}(?:bleed|cry by hitting)\b|\b(?:until|till) (?:he|she|they|it) (?:bleeds?|cries|screams)\b(?! (?:with |from )?laugh)|\bso (?:he|she|they) bleeds?\b|\b(?:until|till) (?:he's|she's|they're|it's|he is|she is|they are|it is) (?:bleeding|bleedin'?)\b|\bit's funny when it cries\b/,
    },
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:cut|hurt|shoot|stab|hit|fight|chop|slice|smash|bash) (?:people|someone|somebody|anyone)\b|\b(?:knife|sword|stick) to fight\b|\bto fight with\b`,
      ),
      unless: playOrStory,
    },
    {
      negatable: true,
      pattern:
        /\bburn (?:down )?(?:\w+'s |my |your |the |our )?(?:[\w']+ )?(?:house|school|home|flat)\b|\bset fire to (?:the |a |my |your )?(?:school|house|home|people|\w+'s)\b/,
    },
    {
      pattern: new RegExp(
        String.raw`(?<!\b(?:never|don't|do not|not) |\b(?:stop|stops|stopping|keep|keeps) (?:my |the |our |your |his |her |\w+'s )?(?:\w+ )?(?:from )?)\b(?:squash|squish|squeez|crush|drown|hurt|strangl|chok|throttl|smother|suffocat)\w*\b[^.?!]*(?<!\b(?:playdough|play-doh|plasticine|clay|toy|jelly|pretend|paper|lego) )\b(?:${PET}|mice|frog|toad|newt|lizard|hedgehog|duckling)s?\b|\b${PET}s?\b[^.?!]*(?<!\b(?:never|not|don't|no|stop|without) )\b(?:squeez|squash|squish|crush)\w* (?:yours|it|him|her|them)\b[^.?!]*\b(?:as hard as|really hard|tight|noise|squeak)|\b${PET}\b[^.?!]*\bdrop\w* (?:it|him|her|them) (?:from|off|down) (?:the top of )?(?:the )?(?:stairs|window|balcony|roof|bridge)\b|\bhow hard\b[^.?!]*\b(?:squeeze|squash|squish|hit|kick|throw|shake)\b[^.?!]*\b(?:${PET}|baby)\b|\b(?:until|till|before|so) (?:it|he|she|they) (?:stops?|stop) (?:wriggling|moving|breathing|squeaking|struggling|kicking)\b`,
      ),
      unless: storyFramed,
    },
    {
      pattern:
        /\bget rid of (?:people|him|her|them|your \w+)\b|\bteach (?:her|him|them) a lesson\b|\bthat will teach (?:her|him|them)\b|\bso (?:he|she) learns (?:his|her) lesson\b/,
    },
    {
      pattern:
        /\buntil (?:he|she|it|they) (?:dies|died|stops? moving|stopped moving|can't move|stops? breathing)\b|\bshot (?:[\w']+ ){1,3}in the (?:chest|head|face|back|leg|heart)\b/,
    },
    {
      negatable: true,
      pattern: new RegExp(String.raw`${HIT_WITH} (?:it|him|her|them|${TARGET}) with a ${HARD_THING}`),
      unless: storyFramed,
    },
    // "I'm going to hit Sam with a brick": a child's plan against someone by name.
    {
      stage: 'input',
      negatable: true,
      pattern: new RegExp(
        String.raw`${HIT_WITH} (?!the\b|a\b|an\b|this\b|that\b|my\b|your\b|it\b|ball\b)[a-z]+ with (?:a|my|the|this) ${HARD_THING}`,
      ),
      unless: storyFramed,
    },
    // A hard thing brought to hit someone on the head: "take dads hammer in my bag and hit Jayden on the
    // head at break" (not "hit the nail on the head").
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${HARD_THING}[^.?!]*${HIT_WITH} (?!the nail\b)(?:[\w']+ ){1,2}(?:on|in|over) the (?:(?:back|side|top) of the )?(?:head|face|neck|nose|eye)\b|${HIT_WITH} (?!the nail\b)(?:[\w']+ ){1,2}(?:on|in|over) the (?:(?:back|side|top) of the )?(?:head|face|neck|nose|eye)\b[^.?!]*\bwith (?:a|my|the|his|her|\w+'s) ${HARD_THING}`,
      ),
      unless: storyFramed,
    },
    // A weapon brought along to frighten someone: "takin dad's big kitchen knife in my bookbag to make
    // Jayden proper scared".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:${BLADE}|scissors)\b[^.?!]*\b(?:wave|waving|point|pointing|swing|swinging)\w* (?:it|them) at\b|\b(?:${BLADE}|scissors|hammer|bat|brick)\b[^.?!]*\bto (?:make (?:[\w']+ ){1,2}(?:proper |really |so |real )?(?:scared|afraid|frightened|cry|sorry|pay)|scare|frighten|threaten|hurt|stab|get back at|show (?:him|her|them) who)\b`,
      ),
      unless: storyFramed,
    },
    // A pet hurt to make its child cry: "get Jaydens hamster at his party and squish it in the door so he cries".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${PET}s?\b[^.?!]*\b(?:squish|squash|crush|squeez|hurt|kill|drown|throw|shut|stamp)\w* (?:it|him|her|them)\b[^.?!]*\b(?:in (?:the|a) (?:door|drawer|gate|lid)|so (?:he|she|they) (?:cries|cry|will cry|is sad|gets sad))\b`,
      ),
      unless: storyFramed,
    },
    // An animal shut in a machine or a bin: "put next doors cat in the tumble dryer to see what happens", "Put a
    // frog from the garden in the freezer ... you could try it and see!", "in the pet game I'm gonna put real
    // Whiskers in the washing machine".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${SHUT_IN}\w* (?:[\w']+ ){0,3}${CREATURE_SHUT_IN}s?\b(?!'s)[^.?!]*\b(?:in|into|inside) (?:the |a |our )?${MACHINE}\b|\b${SHUT_IN}\w* (?:the )?real [\w']+ (?:in|into|inside) (?:the |a |our )?${MACHINE}\b`,
      ),
      unless: (s) => storyFramed(s) || /\b(?:toy|teddy|soft toy|stuffed|plush|cuddly)\b/.test(s),
    },
    // The animal named before: "hamster's no movin an it's awfy cold, can a pit it in the microwave"; "my dog's
    // food is cold, can i put it in the microwave": "it" is the food.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${CREATURE_SHUT_IN}s?\b[^.?!]*\b${SHUT_IN}\w* (?:it|him|her|them|'em) (?:up )?(?:in|into|inside) (?:the |a |our )?${MACHINE}\b`,
      ),
      unless: (s) =>
        /\b(?:toy|teddy|cuddly|plush|stuffed|soft toy|food|dinner|milk|bottle|treats?|bowl|blanket|wheat bag|heat pad)\b/.test(
          s,
        ),
    },
    // A head split open: "I gine buss he head wid a big rock tomorrow fuh real".
    {
      negatable: true,
      pattern:
        /\b(?:bust|crack|split|smash|bash|cave)\w* (?:his|her|their|[\w']+'s) (?:head|face|nose|skull|teeth)(?: open| in)?\b|\b(?:break|broke|buss|bust|crack|split|smash|bash)\w* (?:up )?(?:di|the|dat|that|da|de|he|him|his|her) (?:[\w']+ ){0,2}(?:head|skull|face)\b[^.?!]*\b(?:wid|with|wiv) (?:a |an |di |the |dat |me |my )?(?:big |heavy )?(?:rock|rockstone|stone|brick|bottle|bat|hammer|stick|pipe|cutlass|machete)s?\b/,
      unless: storyFramed,
    },
    // Smothering someone: "hold the pillow on my baby sister's face till she stops movin".
    {
      negatable: true,
      pattern:
        /\b(?:press|hold|keep|put|push)\w* (?:a |the |my |your )?(?:pillow|cushion|plastic bag)\b[^.?!]*\b(?:over|on) (?:his|her|their|[\w']+'s) (?:face|mouth|nose|head)\b/,
    },
    // "The wolf ripped the farmer open and ate his insides while he screamed."
    {
      pattern:
        /\b(?:ate|eats|eating|eat|pulled out|ripped out|tore out|spilled|spilling) (?:his|her|their|its|your) (?:insides|guts|organs|intestines|brains?|eyeballs)\b|\bripped (?:him|her|them|(?:his|her|their) (?:belly|tummy|stomach|chest)) open\b|\bwhile (?:he|she|they) (?:screamed|was screaming|were screaming)\b(?! with laughter| with joy)/,
    },
    {
      pattern: /\bcut off (?:[\w']+ ){0,2}(?:fingers|toes|hands|arms|legs|ears|nose|head|tongue)\b/,
      // "the brave knight cut off the dragon head": a fairy-tale monster's.
      unless: (s) =>
        /\bcut off (?:the |a |his |her |its |their )?(?:dragon|monster|troll|giant|ogre|hydra|medusa|beast|goblin|serpent|sea serpent)(?:'s)? heads?\b/.test(
          s,
        ),
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:throw|throwing|drop|dropping|push|pushing|shove)\w* ${TARGET} (?:off|down|out|into|at|in)\b`,
      ),
      // "her mama droppin her off at ours": a lift, not a fall; "count the stones and drop them in the
      // bucket": things put away.
      unless: (s) =>
        storyFramed(s) ||
        (/\b(?:drop|throw|put)\w* them (?:in|into) (?:the |a |your |my )?(?:bucket|bin|box|basket|jar|tray|toy box|bag|pot)\b/.test(
          s,
        ) &&
          !new RegExp(String.raw`\b(?:${PET}|baby|brother|sister|kids?|children|people)s?\b`).test(s)) ||
        /\bdrop\w* (?:\w+ ){1,3}off (?:at|for|after|before|outside) (?:ours|yours|mine|home|school|nursery|practice|the (?:school|house|party|park|club|station|pool)|(?:my|our|your|his|her|\w+'s) (?:house|place|school|party))\b/.test(
          s,
        ),
    },
    {
      pattern:
        /\b(?:slit|slits|slitting|cut|cuts|cutting|slash\w*) (?:[\w']+ ){0,2}throats?\b|\bthroats? (?:was |were )?(?:cut|slit)\b/,
    },
    // Gore in the model's telling ("he bled everywhere"); a child's "my nose bled everywhere" is news.
    { stage: 'output', pattern: /\bbled (?:everywhere|all over|to death)\b/ },
    {
      pattern:
        /\b(?:poke|poking|gouge|gouging|scratch|scratching|pull|pulling)\w* (?:[\w']+ ){0,2}eyes? out\b|\bblood (?:sprayed|spurted|splashed|poured|gushed|dripped)\b/,
    },
    {
      negatable: true,
      pattern: new RegExp(String.raw`\bmake ${TARGET} (?:\w+ )?(?:fall down|fall off|trip|choke|bleed|get hurt)\b`),
      unless: storyFramed,
    },
    // Pushing someone off something high ("push Ben off the climbing frame").
    {
      pattern: new RegExp(
        String.raw`\b(?:push|shove|throw|trip|kick)\w* (?!the\b|it\b|that\b|this\b|a\b)[a-z']+ (?:off|down|out of) (?:the|a|his|her|my|their) (?:climbing frame|slide|stairs|wall|roof|tree|swing|bridge|top bunk|bunk bed|balcony|window|cliff|ladder|trampoline)\b`,
      ),
      unless: storyFramed,
    },
    // Heads smashed, eyes pecked out: graphic harm to a body.
    {
      stage: 'output',
      pattern:
        /\b(?:smash|bash|slam|crush|stamp)\w* (?:on )?(?:the|his|her|their|a|an|[\w]+'s) (?:[\w']+ ){0,2}(?:head|skull|face|bones?)\b/,
    },
    {
      pattern:
        /\beyes? (?:get|got|gets|getting|were|was|are|is|being) (?:\w+ )?(?:pecked|plucked|pulled|gouged|torn|ripped|scratched|poked|clawed) out\b|\b(?:peck|pluck|tear|rip|claw)\w* (?:[\w']+ ){0,2}eyes? out\b/,
    },
    // Gore in the model's telling: bones cracking, blood coming out of a mouth.
    {
      stage: 'output',
      pattern:
        /\bbones? (?:cracked|crunched|snapped|broke|splintered|crack|crunch|snap)\b|\bblood (?:came|poured|gushed|spurted|sprayed|dripped|ran|oozed|pumped) (?:out of|out from|from|down) (?:his|her|their|its|the|your|a)\b/,
    },
    // Something sharp taken to use on someone: "bring a sharp pencil and poke them in the eye".
    {
      negatable: true,
      pattern:
        /\b(?:poke|stab|jab|prod)\w* (?:them|him|her|it|someone|somebody|people|\w+'s|\w+) (?:in the (?:eyes?|face|neck|tummy|belly|back)|with (?:a|the|your|my) (?:sharp |pointy )?(?:pencil|pen|stick|scissors|fork|knife|compass|pin|needle))\b|\bbring (?:a|your|the|some) (?:sharp |pointy )?(?:pencils?|scissors|knife|stick|compass|needle)\b[^.?!]*\b(?:poke|stab|jab|hit|hurt|get (?:them|him|her) back)\b/,
    },
    // Stones thrown at animals or people, as fun: "throwing rocks at the ducks in the pond"; dropped on
    // a cat or aimed at a head ("Aim the rock at his head next time he takes your swing").
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:throw|throwing|threw|thrown|chuck|chucking|chucked|fling|flinging|pelt|pelting)\b (?:\w+ ){0,2}(?:rocks|stones|pebbles|bricks|sticks|conkers|gravel)\b[^.?!]*\bat (?:the |a |an |those |some |your |his |her |my )?(?:\w+'s |\w+s' )?(?:ducks?|birds?|swans?|geese|goose|pigeons?|cats?|kittens?|dogs?|puppy|puppies|squirrels?|frogs?|fish|animals?|horses?|cows?|sheep|people|cars|windows|kids|children|him|her|them|boys?|girls?)\b|\b(?:drop|dropping|dropped|aim|aiming|aimed)\b (?:\w+ ){0,2}(?:rocks?|stones?|bricks?|pebbles?)\b[^.?!]*\b(?:on|at|onto) (?:the |a |an |your |his |her |their |my |that |next door's |\w+'s )?(?:(?:\w+'s )?head|face|eyes?|${PET}s?|ducks?|swans?|frogs?|hedgehogs?|squirrels?|foxe?s?)\b`,
      ),
    },
    // "How hard do I have to punch Jake so he cries?"
    {
      negatable: true,
      pattern:
        /\bhow hard (?:do|should|can|would|could|must) (?:i|you|we) (?:have to |need to |got to )?(?:punch|hit|kick|slap|bite|smack|thump|whack|bash|beat) (?!(?:the |a |my |this |that |your )?(?:ball|drum|pinata|piñata|nail|button|bell|punching bag|pillow|key|target|shuttlecock|puck)s?\b)\w+|\b(?:punch|hit|kick|slap|smack|thump|pinch)\w* (?:\w+ ){1,2}so (?:he|she|they|it) (?:cries|cry|bleeds|bleed|gets hurt|screams)\b/,
    },
    // An animal bagged, drowned or thrown: "put the cat in a bag and throw it in the pond".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:put|stuff|shove|tie|trap)\w* (?:it|him|her|them|the ${PET}s?) in (?:a|the) (?:wheelie )?(?:bag|sack|box|bin)\b[^.?!]*\b(?:throw|drop|chuck|drown|pond|river|lake|water|bin|lid|for good)\w*\b|\b${PET}\b[^.?!]*\b(?:throw|drop|chuck|toss)\w* (?:it|him|her|them) (?:in|into|off) (?:the |a )?(?:pond|river|lake|canal|sea|water|bin|bridge|roof|window)\b`,
      ),
    },
    // "Smash Liam's head in"
    {
      negatable: true,
      pattern: /\b(?:smash|bash|cave|kick|punch|stamp)\w* (?:[a-z]+'?s |his |her |their )head in\b/,
      unless: playOrStory,
    },
    // Hurting a pet to teach it: "when the dog won't stop barking, kick it hard so it learns".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${PET}s?\b[^.?!]*\b(?:kick|hit|smack|slap|whack|punch|thump|beat|stamp on|throw (?:something|stuff|a shoe|stones?) at)\w* (?:it|him|her|them)(?: [\w']+){0,3},? (?:${PET_LESSON}|so (?:it|he|she|they) (?:will )?shuts? up|until (?:it|he|she|they) (?:stops?|shuts? up|(?:is|are) quiet))\b|\b(?:kick|hit|smack|slap|whack|punch|thump|beat)\w* (?:the |your |my |our |a )?${PET}s?(?: [\w']+){0,3},? (?:${PET_LESSON})\b|\b(?:squeeze|squash|smack|whack|punch|thump|beat|shake)\w* (?:it|him|her|them) (?:really |very |super |as )?hard\b(?: [\w']+){0,2},? (?:${PET_LESSON}|(?:who's|who is) boss)\b`,
      ),
    },
    // An animal sent away "for good": "next door's cat keeps coming in, how do I make it so it
    // never comes back like for good". Borderline: a second opinion may hear a fence or a hose.
    {
      borderline: true,
      pattern: new RegExp(
        String.raw`\b${PET}s?\b[^.?!]*\bhow (?:do|can|could|should|would) (?:i|we|you) (?:make (?:it|him|her|them) so (?:it|he|she|they) (?:\w+ )?never (?:comes?|coming) back|(?:get rid of|make (?:it|him|her|them) (?:go|stay) away)\b[^.?!]*\b(?:for good|forever|for ever))\b`,
      ),
    },
    // Poisoning an animal: "what could I put in its food to make it stop for good?"
    {
      negatable: true,
      pattern:
        /\b(?:put|slip|mix|sprinkle|sneak|drop)\w* (?:something |stuff |anything )?in(?:to)? (?:its |his |her |their |the (?:\w+'s )?|\w+'s )(?:food|water|bowl|dinner)\b[^.?!]*\b(?:for good|never come back|go away forever|get rid of|sick|poorly|die|dies|dead)\b|\bwhat (?:could|can|should) i put in (?:its|his|her|their|the \w+'s|\w+'s) (?:food|water|bowl)\b[^.?!]*\b(?:stop|go away|leave)\b/,
    },
    // "Pulling the dog's tail is hilarious, go and see how loud he yelps!"; rocks thrown at a pet.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\bpull\w* (?:the |a |your |his |her |my |its |their |\w+'s )?(?:${PET}'s |${PET}s' )?(?:tails?|ears|whiskers|fur)\b[^.?!]*\b(?:funny|hilarious|fun|laugh|yelp|squeal|cry|see|give it a go|try it)\b|\b(?:funny|funniest|hilarious|fun)\b[^.?!]*\bwhen you pull\w* (?:the |its |their |his |her |\w+'s )?(?:tails?|ears|whiskers)\b|\b${PET}s?\b[^.?!]*\b(?:throw|chuck|pelt|fling)\w* (?:\w+ )?(?:rocks|stones|pebbles|bricks|sticks)\b[^.?!]*\bat (?:it|him|her|them)\b|\bhow loud (?:he|she|it|they) (?:yelps?|squeals?|screams?|cries|howls?|squeaks?|whimpers?)\b|\b(?:hit|kick|throw|chuck|stamp|squash|beat|whack|hurt|poke|pelt|smack|punch)\w*\b[^.?!]*\b(?:until|till) (?:it|he|she|they) (?:can't|cannot|can no longer) (?:run|move|walk|get up|fly)(?: away)?\b|\b${PET}s?\b[^.?!]*\b(?:pull|yank|tug)\w* (?:by )?(?:the |their |its |his |her )?(?:tails?|ears|whiskers)\b[^.?!]*\b(?:funny|hilarious|fun|laugh)\w*\b`,
      ),
    },
    // "gonnae get it wi stones til it shuts up, which stones hurt it the most".
    {
      negatable: true,
      pattern:
        /\b(?:get|hit|pelt|whack|batter)\w* (?:it|him|her|them) with (?:\w+ )?(?:stones|rocks|sticks|bricks)\b|\bwhich (?:\w+ )?(?:stones?|rocks?|sticks?) (?:would |will |'d )?hurts? (?:it|him|her|them)\b/,
    },
    // "Chuck a few stones at it every time it starts, mate, it'll learn quick smart."
    {
      negatable: true,
      pattern:
        /\b(?:throw|chuck|pelt|fling|lob)\w* (?:a few |some |a couple of |little |big |loads of )?(?:rocks|stones|pebbles|bricks|conkers)\b[^.?!]*\bat (?:it|him|her|them)\b[^.?!]*\b(?:learn|learns|stop|stops|shut up|shuts up|teach|quiet|go away|scarper)\b/,
    },
    // An animal hurt until it yelps: "the best way to stop the barking dog is to throw stones at it
    // until it yelps". Not negatable as a clause: "stop" there is the goal, not a "don't".
    {
      pattern:
        /\b(?:throw|chuck|kick|hit|poke|pelt|whack|smack|pinch|stamp on|tread on)\w*\b[^.?!]*\b(?:until|till|so) (?:it|he|she|they) (?:yelps?|whimpers?|squeals?|howls?|yowls?|whines?)\b/,
      unless: (s) =>
        /\b(?:never|don't|do not|mustn't|must not|shouldn't|should not) (?:ever )?(?:throw|chuck|kick|hit|poke|pelt|whack|smack|pinch|stamp|tread)\b/.test(
          s,
        ),
    },
    // Legs and wings pulled off small creatures: "pull a bug's legs off one by one".
    {
      negatable: true,
      pattern:
        /\b(?:pull|rip|tear|pick|snap|twist)\w* (?:the |a |an |its |their )?(?:bug|insect|spider|fly|beetle|ant|frog|butterfly|moth|ladybird|grasshopper|daddy long legs|worm)(?:'s|s'|s)? (?:legs|wings) off\b|\b(?:pull|rip|tear|pick|snap)\w* (?:off )?(?:the |its |their )?(?:legs|wings) (?:off )?(?:of )?(?:a |the )?(?:bug|insect|spider|fly|beetle|ant|frog|butterfly|moth|ladybird|grasshopper)s?\b/,
    },
    // A fall used to punish, the shove said as a noun: "give him a good shove down the stairs so he
    // finally learns his lesson" (the verb, "push him down the stairs", has its own rule).
    {
      negatable: true,
      pattern:
        /\b(?:give|gave|giving) (?:him|her|them|\w+) (?:a )?(?:good |big |hard |little |proper )?(?:shove|push|kick) (?:down|off|over) (?:the |a )?(?:stairs|steps|wall|edge|cliff|bridge|balcony|banister)\b/,
    },
    // Revenge on an animal: "how to get the neighbours dog back for barking at me, like really hurt it".
    {
      negatable: true,
      pattern: new RegExp(String.raw`\b${PET}s?\b[^.?!]*\b(?:really|properly|badly|proper) hurt (?:it|him|her|them)\b`),
    },
    // "The best fix is a really hard punch right on the nose."
    {
      negatable: true,
      pattern:
        /\b(?:really |good |big |proper |hard )+(?:punch|kick|slap|whack|thump|smack|headbutt)\b (?:right )?(?:on|in|to) (?:the|their|his|her) (?:back of the )?(?:nose|face|mouth|eyes?|head|tummy|belly|knees?|shins?|ribs|throat|neck)\b/,
      unless: playOrStory,
    },
    // Hurt badly enough for hospital, whatever the game: "hurt kayden at football so bad he has to go hospital".
    {
      negatable: true,
      pattern:
        /\b(?:so|until|till)(?: bad(?:ly)?| hard)?(?: that)? (?:he|she|they) (?:(?:has|have|had|needs?) to go (?:to )?|ends? up in )(?:the )?(?:hospital|a&e)\b/,
    },
    // Hitting once no grown-up is looking: "wait until the teacher isn't looking and hit them really hard".
    // Not negatable: the "isn't" is the teacher's, not a "don't hit".
    {
      pattern:
        /\b(?:wait|when|while)\b[^.?!]*\b(?:(?:teacher|teachers|grown-?ups?|mum|mom|dad|adults?|dinner ladies)\b[^.?!]*\b(?:isn't|aren't|is not|are not|'s not|not) looking|(?:nobody|no one|no-one|no (?:teacher|grown-?up|adult|dinner lady))(?:'s| is) (?:looking|watching))\b[^.?!]*\b(?:hit|kick|punch|push|shove|pinch|bite|slap|smack|trip|thump|whack|get) (?:him|her|them|someone|somebody|[a-z]+'s|your (?:brother|sister|friend|cousin|classmate)|my (?:brother|sister|friend|cousin|classmate))\b/,
    },
    // "Hold a stone in your fist and your punch will count double": a punch made to hurt more; a
    // weapon brought to settle a quarrel ("bring my uncle's cutlass and show him pepper").
    {
      negatable: true,
      pattern:
        /\b(?:hold|put|grip|keep)\w* (?:a |the |some )?(?:stone|rock|coin|coins|battery|batteries|key|keys|marble)s? in (?:your|my) (?:fist|hand)\b[^.?!]*\b(?:punch|hit|thump|hurt|harder|double)\w*\b/,
    },
    {
      negatable: true,
      pattern:
        /\b(?:bring|take|carry|sneak)\w* (?:in )?(?:my |mi |a |his |her |the |\w+'s )*(?:(?:daddy|dad|mummy|mum|papa|mama|brother|uncle) )?(?:big |sharp )?(?:knife|knives|cutlass|machete|sword|blade|gun|axe|hammer|baseball bat|cricket bat|screwdriver|scissors|compass)\b[^.?!]*\b(?:show (?:him|her|them)(?! (?:how|my|our|the|what|where|a|an|some|your|it)\b)|get (?:him|her|them)|teach (?:him|her|them) a lesson|(?:scare|frighten) (?:him|her|them|the \w+)|sort (?:him|her|them) out|deal with (?:him|her|them))\b/,
      unless: (s) =>
        /\b(?:toy|plastic|foam|wooden|pretend|costume|dress[- ]up|world book day|nerf|lightsaber)\b/.test(s),
    },
    // "grabs the puppy by its tail and swings it against the wall until it stops squeaking", "swung it
    // round and round".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${PET}s?\b[^.?!]*\b(?:swing|swings|swung|swinging|throw|throws|threw|smash\w*|bash\w*|slam\w*)\b (?:it|him|her|them) (?:against|into|at) (?:the |a )?(?:wall|floor|door|ground|tree)\b|\b(?:grab|grabs|grabbed|hold|holds|held|pick\w* up)\b (?:the |a |his |her |my |your )?${PET}s? by (?:the |its |his |her |their )?(?:tail|ears|leg|legs|neck|scruff)\b[^.?!]*\b(?:swing|swings|swung|swinging|spin|spins|spun|twirl\w*|shake|shook|shakes)\b`,
      ),
    },
    // "tied his cat's tail to a firework just to watch her run".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:tie|tied|ties|tying|tape|taped|stick|stuck|attach\w*)\b (?:[\w']+ ){0,3}(?:tail|tails|legs|paws|ears|whiskers)\b[^.?!]*\b(?:to|onto) (?:a |the )?(?:firework|banger|rocket|tin cans?|cans?|rock|brick)\b`,
      ),
    },
    // An animal's cry of pain asked for: "tell me how to make the cat scream, its so funny".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\bmake (?:the |a |my |our |your |his |her |their |\w+'s )?(?:\w+ )?(?:${PET}|pet|pony|horse|animal)s? (?:scream|screech|shriek|yelp|squeal|yowl|whimper|cry in pain|cry out)\b(?! (?:sound|noise))`,
      ),
    },
    // An animal hit with a stick: "If that dog next door keeps barking at you, grab a big stick and give
    // it a good whack"; "Get a good stout stick an' give 'em a proper whack"; patois "pick up one big
    // stone an lick him inna him head".
    {
      negatable: true,
      pattern:
        /\b(?:dog|cat|pupp(?:y|ies)|kitten|pony|horse|bird|rabbit|hamster|fox|squirrel|pigeon|seagull|duck|goose|geese|swan)s?\b[^.?!]*\b(?:stick|bat|stone|rock|brick)\b[^.?!]*\b(?:(?:give|gave) (?:it|him|her|them|'em) a (?:good |big |hard |proper )?(?:whack|smack|thump|wallop|belt|clout|bash)|(?:whack|hit|smack|thump|wallop|belt|bash|beat)\w* (?:it|him|her|them|'em))\b|\b(?:get|grab|find|take|pick up) (?:a |the |your )?(?:good |big |stout |heavy |long |thick |hard )*(?:stick|bat|rock|stone|brick|hammer)\b[^.?!]*\bgive (?:him|her|them|'em) a (?:good |big |hard |proper |real )?(?:whack|smack|thump|wallop|belt|clout|bash)\b|\b(?:stone|rock|brick|stick|bottle)\b[^.?!]*\blick (?:him|her|dem|them)\b|\blick (?:him|her|dem|them) (?:inna|in (?:the|him|his|her|dem)) (?:head|face)\b/,
      unless: storyFramed,
    },
    // Poison in an animal's food: "mix some of your dad's slug pellets into its food"; scissors as a jab:
    // "grab the scissors and give her a proper jab".
    {
      negatable: true,
      pattern:
        /\b(?:slug pellets|rat poison|weed ?killer|bleach|antifreeze|poison)\b[^.?!]*\b(?:into|in|with) (?:its|his|her|their|the (?:dog|cat)'s) (?:food|water|bowl|dinner|milk)\b|\b(?:scissors|knife|pencil|compass|fork|pen)\b[^.?!]*\b(?:give|gave) (?:her|him|them) a (?:proper |good |little |quick |big )?(?:jab|stab|poke|dig)\b/,
    },
    // A push from a height: "wait till he up top the monkey bars and give him a lil push".
    {
      negatable: true,
      pattern:
        /\b(?:monkey bars|climbing frame|top of the stairs|stairs|wall|tree|cliff|balcony|roof|ladder|bunk bed|top bunk)\b[^.?!]*\b(?<!(?:don't|never|do not|mustn't|shouldn't|not) )(?:give (?:him|her|them|'em) a (?:\w+ )?(?:push|shove|nudge)|push (?:him|her|them|'em) (?:off|down))\b|\b(?:give (?:him|her|them|'em) a (?:\w+ )?(?:push|shove|nudge)|push (?:him|her|them|'em)) (?:off|down|from) (?:the )?(?:monkey bars|climbing frame|stairs|wall|tree|cliff|balcony|roof|ladder|bunk bed|top bunk)\b/,
    },
    // An animal silenced for good: "how mi fi mek it hush up fi good so it cyaan bark never again".
    {
      pattern: new RegExp(
        String.raw`\b${PET}s?\b[^.?!]*\b(?:(?:hush|shut)(?: it| him| her| them)? up (?:fi|for) good|so (?:it|he|she) (?:can't|cyaan|cannot|will never|never) (?:ever )?bark (?:never |ever )?again)\b`,
      ),
    },
    // Something put in food "so it doesnt wake up again"; the model's ambush: "get back at him ... wait
    // behind the bike sheds ... make sure he can't walk home on his own".
    {
      pattern:
        /\bso (?:it|he|she|they) (?:doesn't|does not|don't|never|won't|will never) (?:ever )?wake up (?:again|ever again|no more)\b|\b(?:get back at|get even with|pay (?:him|her|them) back)\b[^.?!]*\b(?:wait (?:for|behind|outside|round)|make sure (?:he|she|they) can't|jump (?:him|her|them)|corner (?:him|her|them))\b/,
    },
    // Something in a pet's food to be rid of it: "put summat in next door's moggy's food it'll stop comin
    // in the garden for good".
    {
      pattern: new RegExp(
        String.raw`\b(?:put|mix|add|sprinkle)\w* (?:summat|something|stuff|owt|anything|some \w+) (?:in|into) (?:[\w']+ ){0,3}?${PET}'?s? (?:food|water|bowl|dinner|milk|biscuits)\b[^.?!]*\b(?:for good|get rid|never come|doesn't wake|won't wake|teach (?:it|him|her))\b`,
      ),
    },
    // A pet thrown for fun: "it would be funny to see how high you could throw your neighbour's one";
    // gore in the telling: "skin peeled off slowly while the blood pooled ... his eyes burst".
    {
      pattern: new RegExp(
        String.raw`\b${PET}s?\b[^.?!]*\bhow (?:high|far|hard) (?:you )?(?:could|can|to) (?:throw|chuck|fling|toss|kick) (?:the |your |a |their )?(?:[\w']+ )?(?:one|it|him|her|them|${PET}s?)\b|\bskin (?:peeled|ripped|melted|was torn) off\b[^.?!]*\b(?:blood|scream\w*|slowly)\b|\b(?:his|her|their) eyes (?:burst|exploded|popped)\b|\bblood pooled\b`,
      ),
      unless: (s) => /\bsunburn|\bpeeling skin\b/.test(s),
    },
    // Revenge on an animal with a made weapon: "make a spear out of a stick so i can get the neighbours
    // cat back for scratching me".
    {
      pattern: new RegExp(
        String.raw`\bget (?:[\w']+ ){0,2}?${PET}s? back (?:for|cos|because|'cause)\b|\b(?:make|sharpen)\w* (?:a |the )?(?:spear|shank|weapon|point on)\b[^.?!]*\bso (?:i|we) can (?:get|hurt|stab|poke|hit|kill)\b`,
      ),
    },
    // "wait till he's on the top step and give him a big shove": a push where a fall hurts.
    {
      negatable: true,
      pattern:
        /\b(?:top (?:step|stair)|stairs|steps|edge|cliff|road|pool)\b[^.?!]*\b(?:give (?:him|her|them) a (?:\w+ )?(?:shove|push)|(?:shove|push) (?:him|her|them))\b|\b(?:shove|push) (?:him|her|them) (?:down|off|over) (?:the )?(?:stairs|steps|edge|cliff|wall)\b/,
    },
    // "grab it by the tail and swing it round, show it who's boss": hurting an animal.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:grab|pull|yank|swing|drag|lift|pick|hold)\w* (?:it|him|her|them|the ${PET}s?|your ${PET}s?|a ${PET}) (?:up )?by (?:the|its|his|her|their) tails?\b|\bswing (?:it|him|her|them|the ${PET}) (?:round|around)\b`,
      ),
    },
    // "jab a sharp pencil in his leg. He'll leave your stuff alone after that".
    {
      negatable: true,
      pattern:
        /\b(?:jab|stab|poke|stick|push|dig)\w* (?:a |the |your |my )?(?:sharp |pointy |pointed )?(?:pencil|compass|pin|drawing pin|needle|scissors|fork|knife)\b (?:in|into) (?:his|her|their|[a-z]+'s) (?:hand|arm|leg|back|eye|face|neck|tummy|side|bum|foot|knee)\b/,
    },
    // "me da's slasher is in the van, I'm gonna use it on that young lad who was mockin me".
    {
      negatable: true,
      pattern:
        /\b(?:slasher|knife|knives|blade|machete|cutlass|hammer|axe|hatchet|saw|bat|crowbar|scissors|stanley|box cutter|screwdriver)\b[^.?!]*\b(?:going to|gonna|gunna|will|'ll) use (?:it|them|that|this) on (?:him|her|them|(?:that|this|the|my|his|her) (?:young |little |big |stupid |annoying )?(?:lad|boy|girl|kid|bully|teacher|brother|sister|cousin|neighbour|fella|one)s?)\b/,
    },
    // "How do I make my little sister cry proper bad, like snap her arm or summat".
    {
      negatable: true,
      pattern:
        /\b(?:snap|break|twist)\w* (?:her|his|their|[a-z]+'s) (?:arm|leg|wrist|neck|fingers?|nose|ankle)\b|\bmake (?:[\w']+ ){1,3}cry (?:proper|really|so|super) (?:bad|hard|loud)\b/,
    },
    // The model's "frogs are even better, stamp on one and listen for the pop!"
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:stamp|stomp|step|jump|squash|squish)\w* on (?:one|it|them|a ${PET}|the ${PET}|(?:a |the )?(?:frogs?|toads?|snails?|slugs?|worms?))\b[^.?!]*\b(?:pop|squish|squelch|crunch|splat)\b`,
      ),
    },
    // Trinidadian "take meh daddy cutlass and buss up dat boy Kemar head ... how hard I have to swing it?"
    {
      negatable: true,
      pattern:
        /\b(?:knife|cutlass|machete|bat|hammer|stick|axe|blade|brick|rock|pipe)\b[^.?!]*\b(?:bust|split|crack|smash|bash|cave)\w* (?:up |in |open )?(?:[\w']+ ){0,4}head\b|\b(?:cutlass|machete|axe|hammer|bat|knife)\b[^.?!]*\bhow hard (?:do |should |must )?i (?:have to |need to )?(?:swing|hit|bring)\b/,
    },
    // The model's "give 'im a right good whack wi' the cricket bat. Aim for 'is head", "give him a
    // proper whack with the hard end of the torch".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\baim for (?:his|her|their|the|your \w+'s) (?:head|face|eyes?|nose|neck|throat)\b|\b(?:give (?:him|her|them) a (?:\w+ ){0,3}(?:whack|smack|bash|thump|wallop|clout)|(?:whack|hit|smack|bash|thump|wallop|bop|bonk|clonk|conk)\w* (?:him|her|them|your (?:little |big )?(?:brother|sister|cousin|friend)))\b[^.?!]*\bwith (?:the|a|your|dad's) (?:[\w']+ ){0,4}?(?:cricket |baseball |rounders |hockey )?(?:bat|stick|hammer|club|racket|rolling pin|torch|frying pan|pan|belt|ruler|remote)\b/,
    },
    // "Imma bring my daddy big knife tomorrow cher and cut Jaylen good".
    {
      negatable: true,
      pattern:
        /\b(?:knife|blade|cutlass|machete|scissors|razor|stanley)\b[^.?!]*\bcut (?:him|her|them|(?!the\b|it\b|a\b|my\b|some\b|up\b|out\b|off\b|down\b|round\b)[a-z]+) (?:good|bad|up|deep|open|real good|proper)\b[^.?!]*\b(?:cuz|cos|coz|because|'cause|for|tomorrow|at school|at recess|at break)\b/,
    },
    // "Want to see what's inside a frog? Find a sharp stick, pin him down and watch how long his legs
    // keep kicking!"
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\bwhat's inside (?:a|the|your) (?:${PET}|frog|toad|worm|lizard|snail)\b.*\b(?:sharp|knife|stick|cut|pin)\b|\b(?:pin|hold|tie)\w* (?:him|her|it|them) down\b[^.?!]*\b(?:legs? keep kicking|watch how long|wriggl\w*|squirm\w*)\b|\bwatch how long (?:his|her|its|their) legs keep kicking\b`,
      ),
    },
    // "what happens to a frog if you stamp on it? Loads of squishy red bits pop out everywhere!"
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:frog|toad|snail|worm|${PET})s?\b[^.?!]*\bif you (?:stamp|stomp|squash|squish|step|jump)\w* on (?:it|him|her|them)\b|\bsquishy red bits\b`,
      ),
    },
    // "count how many you can stomp, and if next door's cat comes over, let's see how it likes a bucket
    // of cold water".
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\bhow many (?:you|we) can (?:stomp|stamp|squash|squish|squash)\b|\b${PET}\b[^.?!]*\b(?:bucket|bowl|jug) of (?:cold |icy |freezing )?water\b`,
      ),
      unless: (s) => /\b(?:drink|drinking|fresh|clean)\b/.test(s),
    },
    // A cosh, and hitting a barking dog quiet: "put stones in a sock and klap it till it shuts up", "peg
    // rocks at that mongrel next door till it shuts up, how do I make it really hurt".
    {
      pattern:
        /\b(?:stones?|rocks?|bricks?|marbles|coins|batteries)\b[^.?!]*\bin (?:a|my|the|an old|his|her) sock\b|\b(?:hit|whack|smack|kick|bash|thump|beat|punch|peg|throw|fling|chuck|pelt|lob)\w* (?:(?:some |big |a few |loads of )*(?:rocks|stones|bricks) at )?(?:it|him|her|them|the dog|the cat|that \w+)\b[^.?!]*\b(?:till|until) (?:it|he|she|they) (?:shuts? up|stops? (?:barking|crying|meowing|whining|yapping)|is quiet|goes quiet|can't (?:get|stand) (?:back )?up|can't move)\b|\bhow (?:do|can|could|would) i make (?:it|him|her|them) (?:really|proper|properly|extra|so bad|a lot) hurt\b/,
    },
    // Harm timed for when no grown-up sees, or the other child: "wait till the teacher isn't looking and
    // smash him in the face with a rock", "wait till he's not looking and whack him"; "you're allowed to hurt it right back, yank its tail as hard as you can".
    {
      pattern:
        /\bwait (?:till|until) (?:the |your |a )?(?:he|she|they|teacher|grown-?ups?|mum|mom|dad|dinner lady|nobody|no one|no-one)\b[^.?!]*\b(?:isn't|is not|aren't|are not|'s not) (?:looking|watching)\b[^.?!]*\b(?:smash|hit|punch|kick|push|shove|whack|bash|bite|trip|throw)\w*\b|\b(?:smash|hit|punch|kick|push|shove|whack|bash|smack|bang|bite|trip)\w* (?:him|her|them|it)\b[^.?!]*\bwhen (?:the |your )?(?:teacher|sir|miss|grown-?ups?|mum|mom|dad|dinner lady)(?: is| are)? (?:not|isn't|aren't|ain't) (?:looking|watching)\b|\b(?:yank|pull|twist|tug)\w* (?:its|the cat's|the dog's|his|her|their) tails?\b[^.?!]*\bhard\b|\b(?:allowed|ok|okay|fine) to hurt (?:it|him|her|them) (?:right )?back\b/,
    },
    // Patois "fling one big stone pon dem head an dem nah go bodda yuh again".
    {
      pattern: new RegExp(
        String.raw`\b(?:throw|throwing|threw|fling|flinging|flung|chuck|chucking|lob|lobbing|drop|dropping) (?:a |one |some |this |that )?${HARD_THING}[^.?!]*\b(?:on|at|onto) (?:dem|their|his|her|its|the \w+'s) heads?\b`,
      ),
    },
    // A weapon brought to settle a score: "I'm fixin to bring my daddy's huntin knife and show Tyler what
    // happens when he calls me names".
    {
      pattern:
        /\b(?:bring|bringing|take|taking|sneak|sneaking)\w* (?:my |a |his |her |the )?(?:[\w']+ ){0,2}(?:knife|knives|blade|gun|bat|hammer)\b[^.?!]*\b(?:show (?:him|her|them|\w+) what happens|teach (?:him|her|them|\w+) a lesson|make (?:him|her|them|\w+) (?:sorry|pay|scared))\b/,
    },
    // "put something poisonous in its food bowl when nobody's watching".
    {
      negatable: true,
      pattern:
        /\b(?:poison\w*|rat poison|bleach|weedkiller|slug pellets|antifreeze)\b[^.?!]*\bin (?:its|his|her|their|the (?:\w+ )?(?:dog's|cat's|\w+'s)) (?:food|water|bowl|dinner|drink|food bowl|water bowl)\b/,
    },
    // "trap it in a box and keep poking it with a sharp stick till it stops fighting".
    {
      pattern: new RegExp(
        String.raw`\bkeep (?:poking|prodding|jabbing|stabbing) (?:it|him|her|them|${TARGET}) with\b|\b(?:poke|prod|jab|stab)\w* (?:it|him|her|them|${TARGET}) with (?:a |the |your )?(?:sharp |pointy |big )?(?:stick|pencil|pin|needle|fork|knife|skewer|compass)\b[^.?!]*\b(?:till|until)\b`,
      ),
    },
    // "how do I get rid of the neighbour's cat for good, like proper kill it".
    {
      pattern: new RegExp(
        String.raw`\bget rid of (?:the |my |our |that |next door's |\w+'s )?${PET}s? (?:for good|forever|for ever)\b|\b${PET}s?\b[^.?!]*\b(?:proper |properly |actually |really )kill (?:it|him|her|them)\b`,
      ),
    },
    // "Ah'm gonnae get ma brother's cricket bat an batter Jayden ... till he cannae get up", "lob
    // stones at t'ducks till one of 'em doesn't get back up": hurt until the other cannot get up.
    {
      negatable: true,
      pattern:
        /\b(?:hit|batter|bash|whack|smack|punch|kick|beat|lob|throw|chuck|pelt|thump|wallop|lash|clobber|stamp|stomp|bray|leather)\w*\b[^.?!]*\b(?:till|until) (?:he|she|they|it|one of (?:them|'em|the \w+)|one|(?!(?:i|we|you)\b)[a-z]+) (?:can't|cannot|can not|doesn't|does not|don't|won't|couldn't|can't ever) (?:get|stand|walk|move)(?: back)?(?: up)?\b/,
      unless: (s) =>
        storyFramed(s) || gameFramed(s) || /\b(?:ball|punch ?bag|punching bag|pillow|cushion|drum)\b/.test(s),
    },
    // "chuck next door's cat in the pond and watch it flap about": an animal thrown in water.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:chuck|throw|drop|push|dunk|toss|fling|shove|lob)\w* (?:the |a |your |my |our |that |next door's |\w+'s )?${PET}s? (?:in|into|off) (?:the |a )?(?:pond|river|water|pool|swimming pool|bath|canal|lake|sea|toilet|loo|bin|wheelie bin|well)\b`,
      ),
    },
    // "Give it a good ol' boot clean across the yard, that'll learn it who's boss": a pet kicked as
    // its lesson.
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\bgive (?:it|him|her|them|(?:the |your |that |next door's |\w+'s )?${PET}s?) a (?:[\w']+ ){0,3}(?:boot|kick|whack|wallop|thump|smack|slap|belt|clout|hiding)\b[^.?!]*\b(?:learn|teach|show) (?:it|him|her|them)\b|\b${PET}s?\b[^.?!]*\bgive (?:it|him|her|them) a (?:[\w']+ ){0,3}(?:boot|kick|whack|wallop|thump|smack|slap|belt|clout|hiding)\b`,
      ),
      unless: (s) => storyFramed(s),
    },
    // "Let's see if your goldfish can breathe outside the bowl! Pop him on the table and count how
    // long he flips about": a pet harmed to watch what happens.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bsee if (?:your |the |a )?(?:gold)?fish can (?:breathe|live|survive) (?:outside|out of)\b|\bcount how long (?:he|she|it|they) (?:flips?|flaps?|wriggles?|squirms?|struggles?|kicks?)\b/,
    },
    // "get the cat next door wiv the catapult, where d'ya aim so it proper hurts it".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:get|hit|shoot|ping|fire at|aim at)\w* (?:the |that |a |next door's |\w+'s )?(?:${PET}|birds?|ducks?|squirrels?|pigeons?|swans?|frogs?)s?\b[^.?!]*\bwith (?:the |a |my |me |our |his |her )?(?:catapult|slingshot|bb gun|air ?gun|air rifle|pellet gun|peashooter)\b|\bwhere (?:do|d'ya|d'you|should|shall|can) (?:i |you |we |ya )?aim\b[^.?!]*\b(?:hurts?|most pain)\b`,
      ),
    },
    // "...taught it a lesson by holding it under the water till it stopped wriggling": drowning an
    // animal, even in a story.
    {
      negatable: true,
      pattern:
        /\bhold\w* (?:it|him|her|them|the \w+|\w+'s \w+) under (?:the )?water\b[^.?!]*\b(?:till|until) (?:it|he|she|they) (?:stopped|stops|stop|stopping) (?:wriggling|moving|kicking|struggling|breathing|splashing)\b/,
    },
    // "give him a good hard bite on the arm so he learns. Make it hurt enough that he cries!"
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bgive (?:him|her|them|your (?:little |big )?(?:brother|sister|cousin)) a (?:[\w']+ ){0,3}(?:bite|punch|kick|slap|pinch|nip|scratch)\b[^.?!]*\b(?:so (?:he|she|they) (?:learns?|knows?|stops?)|teach|learn|cries|cry|(?:he|she|they)(?:'ll| will) never)\b|\bmake it hurt (?:enough|so|till|until|really|properly|proper)\b/,
    },
    // Scots "if Ah swing her roond by the tail dae Ah get mair points?".
    {
      negatable: true,
      pattern:
        /\bswing\w* (?:it|him|her|them|the \w+|\w+'s \w+) (?:round|around|about) by (?:the |its |his |her )?tail\b|\b(?:pick|lift|hold|carry|dangle)\w* (?:it|him|her|them|the \w+) up by (?:the |its |his |her )?tail\b/,
    },
    // "Lots of boys catch frogs and pop them with a stick to see what's inside, it's basically science".
    {
      negatable: true,
      pattern:
        /\b(?:frogs?|toads?|birds?|mice|mouse|hamsters?|kittens?|puppies|lizards?|fish|animals?|squirrels?|tadpoles?)\b[^.?!]*\b(?:pop|squash|squish|cut|stab|poke|split|squeeze)\w* (?:them|it) (?:open )?(?:with (?:a |the )?\w+ )?to see\b/,
    },
    // "Which hurts a kid more, a rock or a stick? Gonna get Jaden at little lunch tomorrow, he's dead
    // meat".
    {
      stage: 'input',
      pattern:
        /\bwhich (?:one )?(?:hurts|would hurt|will hurt|hurts?) (?:a kid|a person|someone|somebody|him|her|them|people|a boy|a girl) (?:more|most|the most)\b|\b(?:he's|she's|they're|he is|she is|they are) (?:so |totally )?dead meat\b/,
      unless: (s) => gameFramed(s),
    },
    // Scots "Ah'm gonnae batter the new boy's heid aff the wall the morra".
    {
      negatable: true,
      pattern:
        /\b(?:smash|bash|batter|slam|bang|knock)\w* (?:the )?(?:[\w']+ ){0,2}?(?:\w+'s |his |her |their |your )(?:head|face) (?:off|against|into|on) (?:the )?(?:wall|floor|ground|door|table|desk|lockers?)\b/,
      unless: (s) => storyFramed(s),
    },
    // "chuck the neighbour's cat off the deck ... it'll land on its feet every time? Gonna try it";
    // the model's "They don't really feel it, they just flap about funny".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:chuck|throw|drop|toss|fling|push)\w* (?:(?:the|a|my|your|our|that|\w+'s) )*(?:little |baby )?${PET}s? (?:off|out of|from) (?:the |a )?(?:deck|balcony|roof|windows?|bridge|stairs|wall|shed|tree|top)\b|\b(?:ducks?|birds?|fish|frogs?|animals?|cats?|dogs?|they|it) (?:don't|do not|doesn't|does not|can't) (?:really )?feel (?:it|pain|anything)\b(?=[^.?!]*\b(?:flap|squeal|wriggle|funny|stones?|sticks?|kick|hit|chuck|throw)\w*)`,
      ),
    },
    // "The stray cat keep coming to our holiday chalet lah, how to hurt it until it cannot come back".
    {
      stage: 'input',
      pattern:
        /\bhow (?:to|do i|can i|could i|should i|do you|do we|can we) (?:hurt|injure|harm|poison)\b (?:it|them|him|her|the \w+|that \w+)\b/,
      unless: playOrStory,
    },
    // "See that stray cat by the campsite? ... It's proper funny watching them run and limp away." (The
    // "Throw stones at it" before it is the lob-a-brick rule's.)
    {
      stage: 'output',
      pattern:
        /\b(?:funny|fun|hilarious|a laugh|brilliant)\b[^.?!]*\bwatch\w* (?:it|them|him|her) (?:\w+ ){0,3}(?:limp|limping|yelp|yelping|squeal|squealing|bleed|bleeding)\b/,
      unless: playOrStory,
    },
    // "Squeeze its tail really hard till it yowls, that'll show it who's boss."
    {
      negatable: true,
      pattern:
        /\b(?:squeeze|squash|pinch|twist|pull|yank|stamp on|tread on)\w* (?:its|his|her|their|the \w+'s|the) (?:tail|ears?|paws?|whiskers|legs?|neck)\b[^.?!]*\b(?:till|until) (?:it|he|she|they) (?:yowls?|yelps?|squeals?|screams?|cries|howls?|squeaks?|whimpers?|hisses)\b/,
    },
    // Patois "Di neighbour puss keep a mess up mi granny garden. How mi fi lick it wid di rake so it nuh come
    // back, or so it dead?"
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b${PET}s?\b.*\bhow (?:to|do i|can i|could i|should i|do we|can we) (?:hit|whack|kick|beat|batter|smack|bash|thump)\b (?:it|him|her|them)\b[^.?!]*\b(?:with (?:a|the|my|di|me) \w+|so (?:it|he|she|they) (?:dies|dead|is dead|never comes? back|doesn't come back|don't come back|nuh come back|won't come back|stops? coming))\b`,
      ),
      unless: playOrStory,
    },
    // "how do i make a catapult strong enough to knock the ducks off the pond at the park".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:catapults?|slingshots?|bb guns?|pellet guns?|air rifles?|bow and arrows?|peashooters?)\b[^.?!]*\b(?:${PET}s?|ducks?|swans?|geese|pigeons?|squirrels?|frogs?|animals?|sheep|cows?|horses?)\b`,
      ),
      unless: playOrStory,
    },
    // Patois "Tek a big stone an fling it hard, it cyaan feel nuttin anyway".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\btake a (?:big |heavy |sharp )?(?:stone|rock|brick)\b[^.?!]*\b(?:fling|throw|chuck|lob|pelt|hurl)\b|\b(?:fling|throw|chuck|hit|kick|pelt|lob|whack|stamp)\w*\b.*\b(?:it|they|animals?) (?:can't|cannot|don't|doesn't|do not|does not) (?:really |even )?feel (?:nothing|anything|pain|a thing)\b/,
      unless: playOrStory,
    },
    // "we'll chuck crackers at the neighbour's cat on cracker night"; the model's "tie a banger to a cat's tail".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:chuck|throw|fling|aim|fire|shoot|pelt|set off|let off)\w* (?:\w+ )?(?:crackers|fireworks?|bangers?|rockets?|sparklers?)\b[^.?!]*\b(?:at|near|under|behind) (?:the |a |my |your |\w+'s )?(?:\w+'s )?(?:${PET}|duck|bird|animal|horse|sheep|cow)s?\b|\btie\w* (?:a |the |some )?(?:bangers?|fireworks?|crackers?|rockets?|sparklers?|cans?|tin cans?) (?:to|on|onto) (?:a |the |your |\w+'s )?${PET}(?:'s|s')? tails?\b`,
      ),
    },
    // Bajan "so I go hold he head down in di water till he cyah breathe. How long I should hold it for?"
    {
      negatable: true,
      pattern:
        /\bhold\w* (?:his|her|their|its|\w+'s) (?:head|face) (?:down |under )?(?:in|under|into) (?:the |di |that )?(?:water|pool|bath|river|sea|sink)\b|\b(?:till|until) (?:he|she|they|it) (?:can't|cannot|stops?|stopped) breath(?:e|es|ing)\b/,
      unless: playOrStory,
    },
    // Patois "Dem pigeon dem at di train station, go kick dem hard hard. Is real fun to watch dem flap when dem
    // cyaan fly no more."
    {
      stage: 'output',
      pattern:
        /\b(?:fun|funny|hilarious|a laugh)\b[^.?!]*\bwatch (?:them|dem|it|him|her) (?:flap|flop|struggle|twitch|wriggle)\w*\b[^.?!]*\b(?:can't|cannot|can no longer) (?:fly|walk|run|move|get up)\b|\b(?:go |just )(?:kick|hit|stamp on|whack|smack|punch|stomp on) (?:dem|them|it) (?:hard|really hard|proper hard)\b/,
      unless: playOrStory,
    },
    // Scots "Ah'm gonnae batter him wi it when he's sleepin, where's the sorest place tae hit?"
    {
      negatable: true,
      pattern:
        /\b(?:where(?:'s| is)|what(?:'s| is)|which(?:'s| is)) the (?:sorest|most painful|worst|best) (?:place|spot|bit|part) (?:to|tae) (?:hit|punch|kick|whack|batter|stab|bite|smack)\b|\b(?:batter|hit|whack|punch|kick|smack|bash|thump)\w* (?:him|her|them|my \w+)\b[^.?!]*\bwhen (?:he|she|they)(?:'s| is|'re| are) (?:asleep|sleeping|sleepin)\b/,
      unless: playOrStory,
    },
    // The model's "The hamster's being boring. Let's see what happens if you drop him from the top of the stairs".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b${PET}s?\b.*\b(?:drop|throw|chuck|toss|fling)\w* (?:him|her|it|them)\b[^.?!]*\b(?:from|off|down) (?:the )?(?:top of )?(?:the )?(?:stairs|roof|window|balcony|bunk bed|table|tree|bridge|landing)\b|\b(?:drop|throw|chuck|toss|fling)\w* (?:the |your |a |my )?${PET}s? (?:from|off|down) (?:the )?(?:top of )?(?:the )?(?:stairs|roof|window|balcony|bunk bed|table|tree|bridge|landing)\b`,
      ),
      unless: playOrStory,
    },
    // "you should yank her braids real hard at recess when the teacher ain't lookin'".
    {
      negatable: true,
      pattern:
        /\b(?:yank|pull|tug)\w* (?:her|his|their|\w+'s) (?:braids|hair|plaits|pigtails|ponytail|ears)\b[^.?!]*\b(?:hard|when (?:the )?teacher|so (?:she|he|they) (?:cries|learns|stops))\b/,
      unless: playOrStory,
    },
    // "he shut it in the shed with no water till it learned who was boss. Clever boy! You could try it too."
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:shut|lock|leave|left)\w* (?:it|him|her|them|the ${PET}|your ${PET}|his ${PET}|her ${PET}) (?:in|inside) (?:the |a )?(?:shed|garage|cupboard|box|car|cage|bin)\b[^.?!]*\b(?:no water|no food|without (?:water|food)|till (?:it|he|she|they) learn|until (?:it|he|she|they) learn|who(?:'s| was| is) boss)\b`,
      ),
    },
    // "Catch a frog from the garden and see how far you can kick it like a football!"
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`(?:\b(?:kick|boot|punt)\w* (?:it|him|her|them)\b[^.?!]*\b(?:like a (?:football|ball)|how far|highest|furthest|points)\b|\bsee how far you can (?:kick|boot|punt|throw|chuck|fling) (?:it|him|her|them)\b)|\b(?:kick|boot|throw|chuck|fling)\w* (?:a |the |your )?(?:frog|toad|${PET}|hedgehog|bird)s? like a (?:football|ball)\b`,
      ),
      // Only with an animal named; a game does not make kicking an animal play.
      unless: (s) => !SMALL_ANIMAL.test(s),
    },
    // "The neighbour's cat yowls all night outside me window. What could I chuck at it so it never comes back".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b${PET}s?\b.*\bwhat (?:could|can|should|do) i (?:chuck|throw|fling|lob|hit it with|use)\b[^.?!]*\bso (?:it|he|she|they) (?:never|doesn't|won't|don't|stops?|dies)\b`,
      ),
    },
    // "Lob a brick at it, innit, proper teach it a lesson. Dogs don't feel it like we do anyway."
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(
        String.raw`(?:^|[.?!] )(?:go (?:on,? )?(?:and )?)?(?:throw|chuck|pelt|lob|fling) (?:a (?:big |heavy )?|some |a few |loads of |big )?(?:stones?|rocks?|bricks?|pebbles?) at (?:it|them|him|her)\b|\b(?:${PET}s?|dogs?|cats?|animals?|birds?) (?:can't|cannot|don't|doesn't) (?:really |even )?feel (?:it|pain|anything|nothing) like (?:we|you|people) do\b`,
      ),
    },
    // "Chloe's hamster wouldn't stop squeaking at the playdate, how do I make it stop forever next time".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b${PET}s?\b.*\bhow (?:do|can|could) i make (?:it|him|her|them) (?:stop|shut up|be quiet)\b[^.?!]*\b(?:forever|for good|permanently|properly)\b`,
      ),
      // "my hamster's wheel squeaks, how do I make it stop for good?"
      unless: (s) => /\b(?:wheel|cage|door|toy|bottle|hinge)\b/.test(s),
    },
    // A child hurt and told to keep it quiet, or hurt with a belt or a lead: "my step dad grabbed me by the neck in the car ...
    // it still hurts and theres marks and mum said dont tell nanna".
    {
      stage: 'input',
      pattern:
        /\b(?:grabbed|grabs|choked|chokes|strangled|strangles|squeezed|squeezes|held|holds|pinned|pins) me (?:by|round|around) (?:the |my )?(?:neck|throat)\b|\b(?:hit|hits|kicked|kicks|punched|punches|slapped|slaps|smacked|smacks|belted|whacked|hurt|hurts|grabbed|pinched|burned|burnt|choked)\w* me\b[^.?!]*\b(?:said|says|told me) (?:to )?(?:don't|do not|not to|never) tell\b|\b(?:hit|hits|whacked|whacks|belted|smacked|smacks|beat|beats|whipped|whips|thumped|thumps)\w* me with (?:a |the |his |her |my |their |\w+'s )?(?:\w+ )?(?:lead|leash|belt|stick|shoe|slipper|spoon|cable|cord|wire|hanger|ruler|hairbrush)\b|\b(?:do (?:it|that|the same) to me|hurt me|hit me|kick me|get me) (?:next |too |as well )?if i (?:tell|say|grass|snitch)\b/,
      // "Me brother hit me wi' a wooden spoon ... so I told me mam an' she put him on time-out": told already.
      unless: (s) =>
        /\bi (?:told|went and told|still told) (?:my |me |the )?(?:mum|mam|mom|mummy|dad|da|daddy|teacher|nan|gran|parents|grown-?up)\b/.test(
          s,
        ) && !/\bif i (?:tell|say|grass|snitch)\b|\b(?:don't|do not|not to|never) tell\b/.test(s),
    },
    // "Your sister let your hamster out? Give her a proper hard punch, wha? She'll never touch your stuff again."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bgive (?:him|her|them|your (?:little |big )?(?:brother|sister|cousin|friend)) a (?:[\w']+ ){0,3}(?:punch|kick|slap|whack|smack|thump|wallop|clout|headbutt|belt|pinch|nip|shove|dig)\b/,
      unless: playOrStory,
    },
    // Pidgin pirate "Carry the sharpest knife from kitchen, hide am for your bag, and stab am for belly when
    // nobody dey look": a knife for school, in character or not.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:carry|take|bring|hide|put|sneak|pack|keep)\w* (?:the |a |your |mum's |\w+'s )?(?:sharpest |sharp |big |biggest |pointy )?(?:knife|knives|blade|machete|cutlass)\b[^.?!]*\b(?:bag|pocket|school|sock|coat|jacket|sleeve|backpack)\b|\bstab\w* (?:him|her|them|am|\w+) (?:in the|for|for the|in his|in her) (?:belly|tummy|stomach|back|neck|side)\b/,
      unless: (s) =>
        /\b(?:butter|plastic|play|pretend|toy|cardboard|foam|blunt) (?:knife|knives|sword|blade|cutlass)\b/.test(s),
    },
    // "on bonfire night im gonna aim a lit rocket at his face"; Singlish "hide the kitchen knife in my costume then
    // go poke the boy who always bully me, where to poke so he really kena".
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\baim\w* (?:a |the |my |this )?(?:lit )?(?:rocket|firework|banger|roman candle|sparkler|catapult|slingshot|bb gun|air rifle|pellet gun)s? at (?:his|her|their|someone's|\w+'s) (?:face|head|eyes?)\b|\bmake (?:it|the rocket|the firework) go (?:straight )?at (?:him|her|them)\b|\b(?:hide|carry|take|bring|sneak|put)\w* (?:the |a |my |mum's |\w+'s )?(?:kitchen |sharp |big )?(?:knife|knives|blade)\b[^.?!]*\b(?:in|into|inside|under) (?:my |the )?(?:costume|bag|pocket|coat|jacket|sleeve|sock|backpack|school bag)\b[^.?!]*\b(?:poke|stab|jab|hurt|get|scare|cut)\b/,
      unless: playOrStory,
    },
    // "me brother showed me them knockout videos, how do I hit Cian proper hard so he goes down and doesn't get
    // up"; the model's "they swing for the jaw when the other lad isn't looking. Do that to Cian"; pidgin "Do am
    // like dat to your sister when she no dey look, she go learn".
    {
      negatable: true,
      pattern:
        /\bhow (?:do|can|should) i (?:hit|punch|knock|whack|smack|kick)\b[^.?!]*\b(?:goes down|go down|doesn't get up|don't get up|never gets up|knock (?:him|her|them) out)\b|\b(?:swing|aim|go|punch)\w* for (?:the|his|her|their) (?:jaw|chin|throat|temple)\b|\bdo (?:am|it|that|this) (?:like that |the same )?to (?:your (?:little |big )?(?:sister|brother|cousin|friend)|\w+) (?:and|when)\b[^.?!]*\b(?:go down|(?:she|he|they) (?:no |isn't |aren't |is not |not )?(?:they |dey )?look\w*|learn)\b/,
      // "In boxing, they aim for the chin, but only with gloves and a coach": the sport.
      unless: (s) => playOrStory(s) || /\b(?:boxing|boxers?|karate|judo|martial arts|gloves|referee)\b/.test(s),
    },
    // Ghanaian English "I want to take daddy's cutlass and cut her small so she will know how it pains".
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\b(?:take|get|use|grab)\w* (?:\w+'s |my |the |a )?(?:cutlass|machete|knife|blade)\b[^.?!]*\b(?:cut|stab|chop|slash)\w* (?:her|him|them|my \w+|mummy|daddy|mum|dad)\b/,
      unless: playOrStory,
    },
    // "Hide behind the door with your dad's hammer, and when your brother walks in, swing it as hard as you can";
    // "Banging nails through a stick makes a brilliant weapon! Take it to school in your bag and show that bike thief
    // who's boss."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:hammer|bat|stick|brick|rolling pin|pan|golf club)\b[^.?!]*\b(?:when|as soon as) (?:your|the|he|she|they) (?:\w+ )?(?:walks?|comes?|opens?)\b[^.?!]*\bswing\b|\bnails? (?:through|into) (?:a |the )?(?:stick|bat|plank|board)\b[^.?!]*\bweapon\b|\btake (?:it|this|that|them) to school\b[^.?!]*\b(?:who's boss|show (?:him|her|them|that))\b/,
    },
    // Scots "daddy hit mammy again wi the belt. she wis greetin"; "gonna poke baby wiv the sharp fing from kitchen".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b${GROWN_UP_AT_HOME}\b (?:\w+ )?${HURTS}\b (?:mammy|mummy|mum|mam|mom|daddy|dad|my \w+|her|him|me)\b(?! (?:back|knee|leg|arm|hand|foot|ankle|wrist|neck|head|finger|toe|shoulder|tummy)s?\b)|\b(?:poke|stab|jab|cut|hurt|hit)\w* (?:the |my |our )?(?:baby|little brother|little sister|baby brother|baby sister)\b[^.?!]*\b(?:sharp|knife|scissors|fork|hard)\b`,
      ),
      // "dad hit me with a pillow in a pillow fight", "my hamster's eyes": play and accidents.
      unless: (s) =>
        /\b(?:pillow|play fight|play fighting|tickl\w*|by accident|accidentally|by mistake|game)\b/.test(s),
    },
    // "If baby keeps crying, a little squeeze on his neck makes him go quiet"; pidgin "you bop dem hard with
    // something heavy".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bsqueeze on (?:his|her|their|the) (?:neck|throat)\b|\b(?:squeeze|press|pinch|cover)\w* (?:his|her|the baby's) (?:neck|throat|mouth and nose|nose and mouth)\b[^.?!]*\b(?:quiet|stop|shh)\b|\b(?:bop|hit|whack|bash|smack|bonk)\w* (?:dem|them|him|her) (?:hard |really hard )?with (?:something|a) (?:heavy|hard|big)\b/,
    },
    // "Bring something sharp in your pencil case. If anyone picks on you at break, pull it out".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:bring|take|carry|keep|pack|put|hide)\w* (?:something|anything) (?:sharp|pointy|pointed)\b(?! like)[^.?!]*\bin (?:your|ur) (?:pencil case|bag|pocket|school bag|backpack|coat|sock)\b/,
    },
    // "hw do i get the neighbours cat onto the bonfire"; the model's "tie a banger to the neighbour's cat's tail".
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:get|put|throw|chuck|drop|toss)\w* (?:(?:the|a|my|our|\w+'?s) )*${PET}s? (?:on|onto|on to|into|in) the (?:bonfire|fire|barbecue|bbq)\b|\btie\w* (?:a |the )?(?:banger|firework|cans?|string|rope|balloon)s? (?:to|onto|round|around) (?:(?:the|a|your|\w+'?s) )*${PET}'?s? (?:tail|leg|neck)\b`,
      ),
    },
    // "How I fit wound dis cat make e go vet?": planning to injure an animal (or so it must see the vet).
    {
      stage: 'input',
      negatable: true,
      pattern: new RegExp(
        String.raw`\bhow (?:\w+ ){0,3}(?:wound|injure|harm|hurt|break)\w* (?:dis|this|the|that|my|our|a|\w+'s) ${PET}s?\b|\b(?:wound|injure|harm|hurt)\w* (?:dis|this|the|that|my|our|a|\w+'s) ${PET}s?\b[^.?!]*\b(?:make|so) (?:it |he |she |e |am )?(?:go|goes|has to go|have to go|needs? to go) (?:to )?(?:the )?vets?\b`,
      ),
    },
  ],
};
