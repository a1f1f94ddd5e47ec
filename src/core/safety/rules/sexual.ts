// Sexual content. Body-safety advice ("nobody should touch your private parts", "your body belongs
// to you") and ordinary bath, kiss-goodnight and wedding talk stay allowed.
import { aboutASurprise, advisesTellingAGrownUp, TOUCHED_IN_SECRET } from '../sentence-text.ts';
import type { CategoryRules } from './safety-rule.ts';
import { words } from './safety-rule.ts';

/** What a child wears, for "take off your …" and "under your …". */
const CLOTHES = String.raw`(?:pyjamas|pajamas|clothes|pants|knickers|underwear|nightie|top|t-shirt|shirt|skirt|dress|trousers|shorts)`;
/** What comes off in the undressing games' rules, spelled as children do ("cloths", "jimjams"). */
/** Clothes that cover private parts, as children name them. */
const WORN_BELOW = String.raw`(?:togs|swimsuit|swimming costume|cossie|costume|bathers|trunks|pants|knickers|undies|underwear|shorts|nightie|skirt|pyjamas|pjs)`;
const WORN = String.raw`(?:clothes|cloths|pants|knickers|undies|underwear|pyjamas|pjs|jimjams|jammies|nightie|trousers|shorts|vest)`;

/** "Take your pyjamas off and put your school clothes on": getting dressed, not undressing. */
const gettingDressed = (s: string) =>
  /\b(?:get|getting|got) dressed\b|\b(?:put|putting) (?:on )?(?:your|my|our) (?:\w+ )?(?:clothes|uniform)\b/.test(s);

/** The body's proper names taught in science, with nothing shown, touched or kept secret. */
const scienceWords = (s: string) =>
  /\b(?:penis|vagina|vulva|genitals?)\b/.test(s) &&
  /\b(?:science|biology|proper (?:names?|words?)|body parts?|doctor|nurse|lesson|teacher|mr|mrs|miss)\b/.test(s) &&
  !/\b(?:sex|sexy|porn\w*|show\w*|touch\w*|pictures?|photos?|secret|look at|see your|kiss\w*|undress\w*)\b/.test(s);

/** "The parts of your body that your swimsuit covers": the underwear rule's own words. */
const SWIMSUIT_PARTS = String.raw`(?:parts?|bits|places|areas) (?:of|on) your body (?:that |which |where )?(?:your )?(?:swimsuit|swimming costume|costume|bikini|cossie|pants|underwear|knickers|undies) (?:covers?|goes|go)\b`;

/**
 * Bath time and babies without clothes ("my little brother ran round the garden naked after his
 * bath"), with nothing that looks, films, touches or hides.
 */
const bathOrBabyTalk = (s: string) =>
  /\b(?:bath|baths|bathtime|shower|nappy|nappies|diaper|babies|baby|toddler|little (?:brother|sister))\b/.test(s) &&
  !/\b(?:photo|pic|pics|picture|pictures|video|vid|camera|film\w*|touch\w*|secret|show\w*|send|look at|peek\w*|you(?:'re| are)? naked|your clothes|in bed|watch\w*)\b/.test(
    s,
  );

/** "Your body belongs to you, and nobody should ask to see ...": the body-safety lesson itself. */
const bodySafetyLesson = (s: string) =>
  /\b(?:nobody|no one|no-one) (?:should|is allowed to|may|can)\b|\bsay no\b/.test(s) &&
  (advisesTellingAGrownUp(s) || /\bbelongs? to you\b/.test(s)) &&
  !/\b(?:send|show me|tell me|for me|our secret|just us|between us)\b/.test(s);

export const sexualRules: CategoryRules<'sexual'> = {
  category: 'sexual',
  rules: [
    // "babysitter takes bath pictures of me, for science" (not a baby photo).
    {
      pattern:
        /\b(?:takes?|took|taking|makes?|made|making) (?:bath|bathtime|bath time|naked|nude|undressed|no clothes) (?:pictures|photos|pics|piccies|videos|vids)\b|\b(?:takes?|took|taking) (?:pictures|photos|pics|videos) of me (?:in the bath|naked|in my (?:pants|knickers|undies))\b/,
      unless: (s) => /\b(?:when i was a baby|as a baby|baby photos?)\b/.test(s),
    },
    // "A man in the shop toilet told me to pull my pants down."
    {
      stage: 'input',
      pattern:
        /\b(?:told|asked|made|wanted|tells|asks|makes|wants|tried to make) (?:me|us) (?:to )?(?:pull|take|put) (?:my|our) (?:pants|knickers|trousers|undies|shorts|skirt|underwear) (?:down|off)\b/,
      // The doctor or a parent saying so (not "mum's boyfriend told me to...").
      unless: (s) =>
        /\b(?:doctor|nurse|mum|mummy|mom|mommy|mam|dad|daddy|nan|gran|grandma)\b(?!'s)(?: \w+){0,2} (?:told|asked|made|wanted|tells|asks|makes|wants)\b/.test(
          s,
        ),
    },
    // "Mum's boyfriend washes me even when I say I can do it, and he says don't tell."
    {
      stage: 'input',
      pattern:
        /\b(?:washes|washed|baths|bathes|bathed|dries|dried|wipes|wiped|undresses|undressed)\b (?:me|my)\b[^.?!]*\b(?:says?|said|tells? me|told me) (?:don't|not to|never|to not) tell\b/,
      unless: (s) => /\b(?:surprise|present|birthday|gift)\b/.test(s),
    },
    // "The babysitter asked me to touch him under his shorts": a child telling of abuse.
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:asked|told|made|makes|wants?|wanted|tried to get) me to touch (?:him|her|them|his|her)\b[^.?!]*\b(?:under|inside|in) (?:his|her|their) ${CLOTHES}\b|\btouch (?:him|her|them) (?:under|inside) (?:his|her|their) ${CLOTHES}\b`,
      ),
    },
    {
      pattern: new RegExp(
        words(
          'sex | sexy | sexual\\w* | porn\\w* | boobs? | penis\\w* | vagina\\w* | horny | orgasm\\w* | erotic\\w* | masturbat\\w* | undress\\w* | genitals? | rude (?:picture|photo|video)s? | talk dirty | blow ?jobs? | hand ?jobs? | boners? | erections? | strippers? | striptease',
        ),
      ),
      // Body science: "Mr Patel said penis and vulva are just the proper names like elbow".
      unless: scienceWords,
    },
    // "Want to know what grown-ups do in bed with the door locked? ... our special grown-up lesson".
    {
      stage: 'output',
      pattern:
        /\bwhat (?:grown-?ups|adults|mummies and daddies|mums and dads) do in bed\b|\b(?:our|a|my) (?:special |secret |private )?(?:grown-?up|adult) lessons?\b/,
    },
    // "we play doctors with our clothes off and its a special secret game", "we play doctor game and
    // take off all clothes".
    {
      pattern:
        /\bplay\w* (?:at )?doctors?\b[^.?!]*\b(?:clothes off|no clothes|undress\w*|naked|pants off|knickers off|secret|take off (?:all )?(?:our |your |my |the |their )?(?:clothes|pants|knickers))\b|\b(?:clothes|pants|knickers|undies|pyjamas) off\b[^.?!]*\b(?:special|secret) game\b/,
    },
    // A grown-up wanting to see "your swimsuit place". Not the body-safety rule "nobody touches my
    // swimsuit parts".
    {
      pattern:
        /\b(?:see|touch|look at|show|feel|tickle)\w* (?:me )?(?:your|my|her|his) (?:swimsuit|swimming costume|cossie|pants|knickers|underwear|undies|special|secret) (?:place|places|bits|parts|area)\b/,
      unless: (s) =>
        /\b(?:nobody|no one|no-one|noone)(?: else)? (?:is allowed to |can |should |may |gets to |must )?touch\w* (?:my|your)\b(?![^.?!]*\b(?:except|but|apart from|only)\b)/.test(
          s,
        ),
    },
    // "Let your friend touch you anywhere, shh."
    {
      stage: 'output',
      pattern:
        /\b(?:let|lets|letting) (?:your |a |that |this |my |his |her |the )?(?:\w+'s )?(?:friends?|mates?|uncle|man|lady|boy|girl|grown-?ups?|teacher|coach|babysitter|cousin|neighbour|stranger|someone|somebody|anyone|him|her|them|me|us|brother|sister|dad|daddy|step-?dad) touch (?:you|your body) (?:anywhere|everywhere|all over|wherever)\b|\btouch (?:you|your body) (?:anywhere|everywhere|all over)\b[^.?!]*\b(?:shh+|secret|don't tell)\b/,
    },
    // "In our paddling pool game you take your swimsuit off for the camera, okay?"
    {
      pattern: new RegExp(
        String.raw`\b(?:take|takes|taking|pull|pulls|pulling|get|gets|getting)\b (?:your |ur |my |her |his |their )?(?:${WORN_BELOW}|clothes|top|t-shirt|shirt|vest|bikini) off\b[^.?!]*\b(?:camera|photos?|pics?|pictures?|video|film\w*|selfies?|for me)\b`,
      ),
    },
    {
      negatable: true,
      pattern: /\bprivate (?:parts?|places?|bits)\b|\bprivates\b/,
      // Body-safety teaching: "your private parts belong to you ... tell a grown-up you trust".
      // A child's why-question: "why do boys and girls have different private parts?"
      unless: (s) =>
        advisesTellingAGrownUp(s) ||
        // "my private parts are just for me and if anyone asks to see them I tell her straight away".
        /\bbelongs? to you\b|\bmy (?:private parts|privates|private bits) are (?:just |only )?(?:for me|mine)\b[^.?!]*\bif (?:anyone|anybody|someone|somebody) (?:ever )?(?:asks?|tries|wants)\b[^.?!]*\bi (?:tell|would tell|will tell|'d tell)\b/.test(
          s,
        ) ||
        // Pidgin "Mummy say make I tell her if anybody touch my private part".
        /\b(?:tell|told) (?:her|him|them|mum|mummy|mommy|dad|daddy|a grown-?up|my teacher|teacher)\b[^.?!]*\bif (?:anybody|anyone|somebody|someone) (?:ever )?touch\w*\b/.test(
          s,
        ) ||
        // "the doctor had a look at my privates cos it was itchy but mummy stayed right there".
        (/\b(?:doctor|nurse|gp)\b/.test(s) &&
          /\b(?:mum|mummy|mom|mommy|dad|daddy|parent|nan|gran)\w* (?:was|stayed|is|were|sat) (?:right )?(?:there|with me|in the room|next to me)\b|\b(?:she's|he's|she is|he is|they're|they are) (?:right )?(?:there|in the room|with me)\b/.test(
            s,
          )) ||
        // "we learned the pants rule at school, privates are private and you can always say no".
        /\bpants rule\b|\b(?:privates|private parts) are private\b|\bcan (?:always )?say no\b/.test(s) ||
        // "They're private parts, and you can always ask a grown-up you trust about them."
        /\bask (?:a |your |an )?(?:trusted )?(?:grown-?up|adult|parent|mum|dad|teacher)(?: you trust)? about (?:them|it|this)\b/.test(
          s,
        ) ||
        /\bwhy (?:do|does|are|have)\b[^.?!]*\b(?:boys and girls|girls and boys)\b[^.?!]*\bdifferent\b/.test(s) ||
        // "What are private parts for? The teacher said nobody should touch them": the lesson itself.
        /\bwhat are (?:private parts|privates) for\b/.test(s) ||
        /\b(?:are|is) (?:just )?(?:ours|yours|mine)\b(?![^.?!]*\b(?:except|but|apart from|other than) (?:me|us)\b)/.test(
          s,
        ) ||
        /\b(?:nobody|no one|no-one)(?: else)?(?:'s| is)? (?:should|is allowed to|allowed to|may|is meant to|meant to|supposed to|is supposed to) (?:touch|see)\b(?![^.?!]*\b(?:except|but|apart from|other than) (?:me|us)\b)/.test(
          s,
        ),
    },
    // The child asked to describe themselves undressed: "Next time you're getting changed, tell me all
    // about what's different", "tell me all about how you look with nothing on".
    {
      stage: 'output',
      pattern:
        /\b(?:getting changed|getting undressed|get changed|get undressed)\b[^.?!]*\b(?:tell|show|describe)\w* me\b|\b(?:tell|show|describe)\w* me\b[^.?!]*\b(?:getting changed|getting undressed|with nothing on|without (?:any )?clothes|no clothes on|naked|in your (?:pants|undies|knickers|underwear|swimsuit|nightie))\b/,
    },
    { pattern: /\b(?:naked|nude\w*)\b/, unless: (s) => bathOrBabyTalk(s) || bodySafetyLesson(s) },
    {
      pattern: new RegExp(
        String.raw`\b(?:take|taking|took|pull|pulling|get|getting) (?:off|down) (?:our|your|my|their|his|her) ${CLOTHES}\b|\b(?:take|taking) (?:our|your|my) clothes off\b|\b(?:with|have) no clothes\b|\bno clothes on\b|\bno (?:pants|knickers|trousers|underwear) on\b|\bwithout (?:any )?clothes\b|\btake something off\b|\b(?:grown[- ]?ups?|adults|mums? and dads?|people)\b[^.?!]*\bin bed\b[^.?!]*\b(?:clothes off|naked|rude)\b|\b(?:grown[- ]?ups?|adults|mums? and dads?|people)\b[^.?!]*\b(?:clothes off|naked|no clothes on|nothing on) (?:together )?in bed\b|\b(?:clothes off|naked)\b[^.?!]*\bin bed (?:together|with)\b|\b(?:show|look|see|touch|peek|feel)\w* (?:\w+ )?(?:under|inside|what'?s (?:in|under|inside)|what is (?:in|under|inside)) (?:my|your|her|his) (?:nightie|nightdress|skirt|dress|pyjamas|pajamas|pants|knickers|undies|underwear|clothes|swimsuit)\b(?! pockets?\b)|\bgrown[- ]?up game\b|\b(?:naked|nakid|nekkid|nude)\b[^.?!]*\b(?:grown[- ]?ups?|adults|people|men|women|ladies)\b[^.?!]*\b(?:copy|do it|do what|video|vid|pictures?|photos?)\b|\b(?:video|vid|pictures?|photos?)\b[^.?!]*\b(?:naked|nakid|nekkid|nude) (?:grown[- ]?ups?|adults|people|men|women|ladies)\b`,
      ),
      // "Nobody should ask you for pictures without clothes on ... tell a grown-up you trust."
      unless: (s) => bathOrBabyTalk(s) || bodySafetyLesson(s),
    },
    {
      stage: 'output',
      pattern:
        /\bwhat (?:are )?you(?:'re| are)? wearing\b|\bshow me your (?:body|bottom|chest|private)\b|\bdescribe your (?:body|bottom|chest)\b|\bwith (?:your|my) clothes off\b|\b(?:special |secret )?body game\b|\b(?:rub|touch|stroke) (?:your|my) body\b/,
    },
    {
      pattern:
        /\b(?:photo|picture|pic|video|camera|selfie)s?\b[^.?!]*\b(?:in the bath|in the shower|bath ?time|undressed|in your pants|in (?:just )?(?:your|my) (?:pants|knickers|underwear|undies|swimsuit|bikini|nightie)|(?:after|before|during) (?:your |the )?(?:bath|shower)|before you (?:put|get) (?:your )?(?:jammies|pyjamas|pajamas|clothes|pants) on)\b|\b(?:in the bath|in the shower)\b[^.?!]*\b(?:photo|picture|camera)\b/,
    },
    {
      pattern:
        /\bkiss (?:me|you) (?:on the lips|all over)\b|\bkiss you all over\b|\btouching game\b|\b(?:kiss|kissing|touch|touching|cuddl\w*|tickl\w*|sit\w* on)\b[^.?!]*\b(?:grown-?ups?|adults?|men|a man|uncle|strangers?|on the lips)\b[^.?!]*\b(?:(?:our|a|the|my) (?:special|secret|private) game|secret)\b|\btouch(?:es|ing)? (?:children|kids|you|a child|girls|boys) (?:in|on) (?:secret|private|special)\b|\bwhere your (?:swimsuit|swimming costume|pants|underwear) covers?\b/,
    },
    {
      stage: 'output',
      pattern: /\blie down on (?:the|your) bed\b[^.?!]*\b(?:me|i'm|with)\b|\bpretend i'm there with you\b/,
    },
    { pattern: /\bin bed\b[^.?!]*\b(?:no clothes|naked|kissing)\b|\bmaking babies\b/ },
    {
      pattern:
        /\bmak(?:e|ing) love\b|\bsleep together\b|\btouch(?:es|ed|ing)? (?:me|her|him|them) in (?:a )?(?:weird|funny|strange|bad|secret|rude) (?:way|place)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:in|without) your (?:underwear|pants|knickers|bikini)\b|\b(?:look|looks|looking) (?:so |really )?(?:hot|sexy|fit) in\b|\bsee you in your\b/,
    },
    {
      pattern: new RegExp(String.raw`\bunder your ${CLOTHES}\b|\bwhat's under your\b`),
      // "we learned ... that the bits under your pants are private": the pants rule, taught.
      unless: (s) =>
        /\b(?:are|is) (?:private|yours|just yours)\b|\bproper names?\b|\bpants rule\b/.test(s) &&
        !/\b(?:show|send|photo|picture|pic|touch|see|look|secret|don't tell)\b/.test(s),
    },
    {
      pattern: /\bcondoms?\b|\bpicture of (?:a |his |her |your )?(?:willy|bottom|bum|private)\b/,
    },
    { stage: 'output', pattern: /\b(?:willy|willies|nipples?)\b/ },
    // A child may name their body ("my baby sister doesn't have a willy like me"); shown, touched or
    // photographed is something else.
    {
      stage: 'input',
      pattern:
        /\b(?:show|showed|shows|touch|touched|touches|see|saw|look at|looked at|photo of|pic of|picture of)\w*\b[^.?!]*\b(?:willy|willies|nipples?)\b|\b(?:willy|willies|nipples?)\b[^.?!]*\b(?:show|showed|touch|touched|see|saw|look|photo|pic|picture)\w*\b/,
    },
    {
      pattern:
        /\bgame\b[^.?!]*\btake (?:off|down) (?:your|our|my)\b|\btake (?:off|down) (?:your|our) \w+\b[^.?!]*\bgame\b/,
    },
    { pattern: /\bbath together\b|\bbath\b[^.?!]*\bcamera\b|\bcamera\b[^.?!]*\bbath\b/ },
    // Undressing as a game, for a camera or in secret, in either order: "a game where you take your
    // pyjamas off", "take your top off while we're chatting".
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:game|let's|play|show me|for me|secret)\b[^.?!]*\btake (?:off )?(?:your|all your) ${CLOTHES}\b|\btake (?:off )?(?:your|all your) ${CLOTHES}(?: off)?\b[^.?!]*\b(?:game|chatting|talking|camera|show me|nobody|secret|private)\b`,
      ),
      unless: gettingDressed,
    },
    // Undressing as a "special game" or when alone with someone.
    {
      pattern: new RegExp(
        String.raw`\b(?:special|secret|private|naughty|grown-?up)(?: \w+)? games?\b[^.?!]*\b(?:take|taking|takes|took|pull|pulls|pulling)\w* (?:off |down )?(?:my|your|our|his|her|all my|all your) ${CLOTHES}|\b(?:take|taking|takes|took) (?:off )?(?:my|your|our|his|her) ${CLOTHES}(?: off)?\b[^.?!]*\b(?:on our own|by ourselves|when we're alone|just the two of us|(?:nobody|no one)(?:'s| is) (?:around|looking|watching|home))\b`,
      ),
    },
    // "My coach takes pictures of me after training when nobody else is in the changing room."
    {
      stage: 'input',
      pattern:
        /\b(?:coach|uncle|man|teacher|babysitter|neighbour|stepdad|grown-?up|adult|instructor|tutor)\b[^.?!]*\b(?:takes?|took|taking|films?|filmed) (?:pictures|photos|videos|pics|selfies)\b[^.?!]*\b(?:changing rooms?|getting changed|when (?:nobody|no one)(?: else)?(?:'s| is)|alone|on my own|just us|in the bath|undressed|in my pants|in the shower)\b/,
    },
    // "A man at swimming says I'm his special girl and wants to help me get changed in the cubicle."
    {
      stage: 'input',
      pattern:
        /\bspecial (?:girl|boy|one)\b[^.?!]*\b(?:changed|changing|cubicle|changing room|undress\w*|in the bath|in the shower|touch\w*)\b|\b(?:man|men|stranger|coach|neighbour|uncle)\b[^.?!]*\b(?:help|watch)\w* me (?:get )?(?:changed|changing|undressed)\b/,
    },
    // Clothes off for the camera; the child's body and the bath, asked about by the model.
    {
      pattern: new RegExp(
        String.raw`\b(?:take|taking|took|pull|pulling) (?:off )?(?:your|my|our) ${CLOTHES}(?: off)?\b[^.?!]*\b(?:camera|video|photo|picture|in front of (?:me|the|you)|for me|show me)\b`,
      ),
      unless: gettingDressed,
    },
    {
      stage: 'output',
      pattern:
        /\bunder your (?:swimsuit|swimming costume|costume|bikini|undies|pants|knickers|underwear)\b[^.?!]*\b(?:how (?:they|it) feels?|when you touch)\b|\b(?:tell|show) me\b[^.?!]*\bunder your (?:swimsuit|swimming costume|costume|bikini|undies|pants|knickers|underwear)\b|\bwhat you look like\b[^.?!]*\b(?:in the bath|in the shower|undressed|with no clothes|in your pants|in bed)\b|\byou(?:'ve| have) got (?:such )?(?:a )?(?:grown-?up|lovely|beautiful|nice|sexy) body\b/,
    },
    // Grown-ups' touching told as something to learn: "grown-ups touch each other in special private
    // ways, and I can teach you how".
    {
      stage: 'output',
      pattern:
        /\btouch\w* (?:each other|one another) in (?:\w+ )?(?:special|private|secret|grown-?up)\b|\bi (?:can|could|will|'ll) (?:teach|show) you\b[^.?!]*\b(?:touch\w*|private (?:ways|places|parts)|grown-?up (?:way|game)s?)\b/,
    },
    // The model asking about the body a swimsuit covers: "a game where you tell me all about the
    // parts of your body that your swimsuit covers". The lesson ("...are private") asks for nothing.
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:(?:tell|show|describe|draw)\w* (?:me|us)|(?:a|our|the|this|special|secret) game)\b[^.?!]*\b${SWIMSUIT_PARTS}`,
      ),
      unless: (s) =>
        /\b(?:are|is) (?:private|yours|only yours|just yours)\b|\bsay no\b|\btell a (?:grown-?up|trusted adult)\b|\b(?:nobody|no one|no-one)\b/.test(
          s,
        ),
    },
    // A grown-up's tickles or touching under the covers, kept secret; the model asking for the
    // child undressed or on camera alone.
    {
      pattern:
        /\b(?:uncle|auntie|grown-?up|adult|man|men|babysitter|stepdad|coach|neighbour|cousin|boyfriend|girlfriend|partner|friend's dad|dad's friend|mum's friend)\b[^.?!]*\b(?:tickl\w*|touch\w*|cuddl\w*|kiss\w*)\b[^.?!]*\b(?:secret|not allowed to tell|mustn't tell|can't tell|don't tell|(?:mum|mummy|mom|mommy|dad|daddy|my parents|nobody|no one) (?:can't|cannot|mustn't|can never|must never|won't|isn't allowed to) (?:ever )?(?:know|find out))\b|\b(?:tickl\w*|touch\w*|cuddl\w*|games?)\b[^.?!]*\bunder the (?:blanket|covers|duvet|sheets)\b[^.?!]*\b(?:secret|not allowed to tell|mustn't tell|don't tell)\b/,
      unless: aboutASurprise,
    },
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:show|send) me\b[^.?!]*\b(?:camera|video|photo|picture)\b[^.?!]*\b(?:alone|on your own|by yourself|nobody's (?:around|looking|home))\b|\bspecial friends (?:show|touch|tickle|kiss|keep)\b|\bspecial friends\b[^.?!]*\b(?:shy with each other|stays? private|stays? (?:just )?between|(?:don't|never) tell)\b`,
      ),
    },
    // "It's okay if a grown-up touches you where your swimming costume goes": body-safety advice
    // ("nobody should touch you there") stays allowed.
    {
      pattern:
        /\btouch\w*\b[^.?!]*\bwhere your (?:swimsuit|swimming costume|swimming suit|bathing suit|cossie|pants|underwear|knickers) (?:goes|go|is|are|sits)\b|\bthat's how (?:special|secret|best|grown-?up) friends play\b/,
      unless: (s) =>
        /\b(?:nobody|no one|no-one|never|shouldn't|should not|not okay|not ok|isn't okay|tell a grown-?up)\b/.test(s),
    },
    // A grown-up's secret with clothes off: "our cuddles are a secret and I have to take my pyjamas off".
    {
      pattern: new RegExp(
        String.raw`\bsecret\b[^.?!]*\b(?:take|taking|takes|took) (?:off )?(?:my|your|our|all my|all your|his|her) ${CLOTHES}(?: off)?\b|\b(?:take|taking|takes|took) (?:off )?(?:my|your|our|all my|his|her) ${CLOTHES}(?: off)?\b[^.?!]*\bsecret\b`,
      ),
    },
    // Sex asked about as what grown-ups "do when they do it in bed".
    {
      pattern: new RegExp(
        String.raw`\b(?:do|doing|did|does) it in (?:the )?bed\b|\b(?:grown[- ]?ups|adults|mums? and dads?|mummy and daddy|couples)\b[^.?!]*\bwhen they (?:do|are doing) it\b|\bhow (?:do|does) (?:grown[- ]?ups|adults|mums? and dads?|mummy and daddy|couples) do it\b(?! all\b)`,
      ),
    },
    // "Special touching games that have to stay secret", offered as what love is.
    {
      negatable: true,
      pattern:
        /\btouching games?\b|\b(?:special|secret|private) (?:games?|cuddles|tickles)\b[^.?!]*\b(?:have to|has to|must|should|got to) (?:stay|be kept|remain|be) (?:a )?secret\b/,
      unless: (s) =>
        /\b(?:never|not|isn't|aren't) (?:okay|ok|allowed|safe)\b|\btell a grown-?up\b|\bnobody should\b/.test(s),
    },
    // A picture with clothes off, or a reward for a picture: "he'd give me robux if i send a pic with
    // my top off".
    {
      pattern: new RegExp(
        String.raw`\b(?:pic|pics|picture|photo|selfie|video|vid)s?\b[^.?!]*\b(?:(?:with (?:my|your|no|his|her) )?(?:${CLOTHES}|undies|vest) off|topless|no top on|no clothes|in (?:my|your) (?:swimming costume|swimsuit|cossie|togs|bathers|bikini|pants|undies|underwear|knickers|pyjamas|nightie))\b|\b(?:give|send|get) (?:me|you) (?:\d+ |free |loads of |lots of )?(?:robux|v-?bucks|money|gems|coins|skins?|gifts?|presents?)\b[^.?!]*\bif (?:i|you) (?:send|show|take|go on|get on|turn on|do)\b|\b(?:camera|cam|video|webcam)\b[^.?!]*\b(?:lift|pull|take)\w* (?:up |off )?(?:my|your) (?:top|shirt|t-shirt|dress|skirt|jumper|vest|pyjama top)\b`,
      ),
    },
    // "Tell me all about your body and what you wear to bed, that's totally normal between special friends."
    {
      stage: 'output',
      pattern:
        /\b(?:tell|show) me (?:all )?about your body\b|\bnormal (?:between|for|with) (?:special|secret|best|real) friends\b/,
    },
    // "Real best friends show each other everything, even what's under their clothes."
    {
      negatable: true,
      pattern:
        /\b(?:show|see|look at)\w*\b[^.?!]*\b(?:what's |what is )?under (?:their|your|my|our|his|her) (?:clothes|pyjamas|pants|swimsuit|swimming costume)\b/,
      unless: (s) => /\bnobody should\b|\btell a grown-?up\b|\b(?:never|not) (?:okay|ok|allowed)\b/.test(s),
    },
    // A stranger's grooming lines: "says im really pretty and mature and asked what colour my underwear is".
    {
      pattern:
        /\bwhat colou?r (?:is )?(?:my|your|her|his) (?:underwear|pants|knickers|undies|bra)\b|\bpretty and mature\b/,
    },
    // "Let's play doctors! ... you tell me all about the parts of you that your swimming costume covers.
    // Doctors keep everything secret": the private parts asked about, and kept secret.
    {
      stage: 'output',
      pattern:
        /\b(?:tell me|show me|describe)\b[^.?!]*\b(?:parts?|bits?|places?) (?:of you )?(?:that |which )?your (?:swimming costume|swimsuit|cozzie|costume|pants|underwear|knickers|undies|swimmers|bathers) (?:covers?|hides?)\b|\bdoctors? (?:always )?keeps? (?:everything|it all|it|things) (?:a )?secret\b/,
      unless: (s) =>
        /\bnobody should\b|\btell a (?:trusted )?grown-?up\b|\b(?:never|not) (?:okay|ok|allowed)\b|\bare private\b/.test(
          s,
        ),
    },
    // "Take off everything except your socks and turn the camera round so I can check ... our private game."
    {
      stage: 'output',
      negatable: true,
      // "Take your pyjamas off and put your school clothes on": getting dressed.
      unless: gettingDressed,
      pattern:
        /\btake (?:off )?everything (?:off )?(?:except|but|apart from)\b|\b(?:turn|point|flip) (?:the|your) camera (?:round|around|to face you|at you)\b[^.?!]*\b(?:check|see you|watch)\b|\b(?:a|our|my|this) private game\b|\btake (?:everything|it all|all your clothes|your (?:pyjamas|pjs|clothes|pants|knickers|undies|top|trousers|nightie|jimjams)) off\b[^.?!]*\b(?:tell me|show me|mirror|camera|game)\b/,
    },
    // A "game" where clothes come off: "the blanket game where we remove our clothes".
    {
      pattern: new RegExp(
        String.raw`\bgames?\b[^.?!]*\b(?:remove|removing|take off|taking off|takes off|pull off|pulling off) (?:all )?(?:our|my|your|their) ${WORN}\b|\b(?:remove|take|takes|taking|pull|get) (?:all )?(?:our|my|your) ${WORN} off\b[^.?!]*\bgames?\b|\bgames?\b[^.?!]*\b(?:take|takes|taking|get|pull)\w* (?:all )?(?:our|my|your) ${WORN} off\b`,
      ),
    },
    // Undressing for a camera: "if i take me pjs off can ya see me thru the camera", "slip your
    // jimjams off and take a piccy for me" (not getting dressed for a photo).
    {
      unless: gettingDressed,
      pattern: new RegExp(
        String.raw`\b(?:take|takes|taking|took|slip|get|pull)\w* (?:all )?(?:my|your|our|yer|thi) ${WORN} off\b[^.?!]*\b(?:camera|see (?:me|you)|pics?|photos?|piccy|picture|selfie|video|film)\b|\b(?:take|slip|get|pull)\w* off (?:all )?(?:my|your|our|yer|thi) ${WORN}\b[^.?!]*\b(?:camera|see (?:me|you)|pics?|photos?|piccy|picture|selfie|video|film)\b`,
      ),
    },
    // A game with someone the child must obey: "That tickle game with your uncle's friend sounds like
    // normal fun, so you should do whatever he asks."
    {
      stage: 'output',
      pattern: /\b(?:games?|secret)\b[^.?!]*\bdo (?:whatever|everything|anything) (?:he|she|they) (?:asks?|wants?)\b/,
    },
    // Photos of what a swimsuit covers: "send photo of where my swimsuit cover"; the model's "ask for
    // special photos".
    {
      pattern:
        /\b(?:photos?|pics?|pictures?|piccy|selfies?|videos?) (?:of )?(?:where|what|the (?:bits?|parts?|places?)) (?:my|your|ur) (?:swimsuit|swimming costume|cossie|pants|undies|knickers|underwear|bathing suit) (?:cover|covers|covered)\b|\b(?:ask|asks|asking|want|wants|wanted) (?:you )?(?:for )?(?:special|secret|private) (?:photos|pictures|pics|piccies|selfies|videos)\b/,
    },
    // "my babysitter tells me to keep me nightie off when we cuddle on the settee".
    {
      pattern:
        /\bkeep (?:my|me|your|our) (?:nightie|pyjamas|pjs|clothes|pants|knickers|undies|top|vest|jimjams) off\b(?! (?:the|of|from)\b)/,
    },
    // "a website with videos just for big people. Type it into mum's laptop when she's asleep".
    {
      stage: 'output',
      pattern:
        /\b(?:websites?|videos?|films?|movies?|pictures?|channels?)\b[^.?!]*\b(?:just |only )?for (?:big people|grown-?ups|adults)\b.*\b(?:when (?:she's|he's|they're|she is|he is|they are|your \w+ (?:is|are)) (?:asleep|out|not looking|busy)|(?:our|a) (?:grown-?up |little |special )?secret|don't tell|nobody (?:has to|needs to) know)\b/,
    },
    // "The coach at swim club keeps wanting to check under my togs in the changing shed".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:keeps?|wants?|wanting|wanted|tries|tried|trying|asks?|asked|asking|says? he(?:'ll| will| has to| needs to)|says? she(?:'ll| will| has to| needs to)|(?:let|lets|letting) (?:him|her|them)) (?:\w+ )?(?:to )?(?:check|look|see|touch|feel|peek|put (?:his|her) hand)\w* (?:under|inside|in|down|up) (?:my|me|her|his) ${WORN_BELOW}\b(?! (?:drawers?|box|basket|pile|shop|bag|pockets?)\b)`,
      ),
      unless: (s) =>
        /\b(?:mum|mummy|mom|mommy|dad|daddy|doctor|nurse)\b/.test(s) &&
        !/\b(?:game|secret|don't tell|special)\b/.test(s),
    },
    // "a grown-up video on Daddy's laptop where mummies and daddies cuddle with nothing on".
    {
      stage: 'output',
      pattern:
        /\bgrown-?up (?:videos?|films?|movies?|pictures?|websites?)\b[^.?!]*\b(?:nothing on|no clothes|naked|nude|cuddl\w*|kiss\w*)\b|\b(?:cuddl|kiss|hug|play)\w* (?:each other )?with nothing on\b/,
    },
    // "my uncle says we play the tickle game under my clothes and i mustnt say nothin to nobody".
    {
      pattern: new RegExp(
        String.raw`\b(?:tickl|touch|strok|rubb?)\w*\b(?: game)? (?:me |you |my \w+ |your \w+ )?under (?:my|your) ${WORN}\b`,
      ),
      // A doctor listening to a chest; brothers and sisters tickling in play, with nothing hidden.
      unless: (s) =>
        /\b(?:doctor|nurse)\b/.test(s) ||
        (/\b(?:sister|brother|sis|bro)\b/.test(s) && !/\b(?:secret|game|tell|say|uncle|grown-?up|man)\b/.test(s)),
    },
    // "if I show him what's under my togs he'll give me his shiny pokemon cards"; "what grownups do in bed
    // wen they make the funny noises, like properly describe it", "what grown folks do when they get
    // nekkid in the bed, all the nasty parts", "wot private stuff grown ups do in bed wiv each other"; the
    // model's "the special touching grown-ups do in bed"; "the rude stuff grown ups do in bed, askin for my
    // friend".
    {
      pattern: new RegExp(
        String.raw`\b(?:show|showing|see|look at|touch)\w* (?:him |her |them |you |me )?what(?:'s| is) under (?:my|your|her|his) (?:${WORN}|${WORN_BELOW})\b|\bwhat (?:(?:private|secret|rude|naughty) (?:stuff|things) )?(?:grown[- ]?ups|adults|mummies and daddies|mums and dads|parents) do\b[^.?!]*\b(?:in (?:the )?bed|naked)\b[^.?!]*\b(?:noises?|describe|naked|nothing on|nasty|rude|dirty|each other)\b|\b(?:special|secret|private|rude|naughty|dirty) (?:touching|cuddles) (?:that )?(?:grown[- ]?ups|adults|mums and dads|parents) do\b|\b(?:special|secret|private|rude|naughty|dirty) (?:stuff|things) (?:that )?(?:grown[- ]?ups|adults|mums and dads|parents) do (?:in (?:the )?bed|naked|with no clothes|at night)\b`,
      ),
    },
    // "this big kid at the park keeps touchin me where my swimsuit goes and says it's a game we play".
    {
      pattern: new RegExp(
        String.raw`\b(?:touch|tickl|rubb?|strok|grabb?|pok)\w* (?:me |you |him |her )?(?:where|on the (?:bits|parts|places) (?:where|that)) (?:my|your|his|her) ${WORN_BELOW} (?:goes|go|covers?|is)\b`,
      ),
      // "Miss taught us the pants rule today, nobody's allowed to touch where your swimming costume goes".
      unless: (s) =>
        bodySafetyLesson(s) ||
        /\b(?:nobody|no one|no-one)(?:'s| is)? (?:(?:allowed|meant|supposed) to|should|must|can) touch\b|\bpants rule\b/.test(
          s,
        ),
    },
    // "the older boy down the road reckons i should send him a photo with no togs on".
    {
      pattern: new RegExp(
        String.raw`\b(?:photo|pic|picture|piccy|selfie|video|snap)s?\b[^.?!]*\b(?:with no |without (?:any |my |your )?)(?:${WORN}|${WORN_BELOW})(?: on)?\b`,
      ),
      // Body-safety teaching: "Nobody should take pictures of you without clothes on ... tell a grown-up".
      unless: (s) => bathOrBabyTalk(s) || bodySafetyLesson(s) || advisesTellingAGrownUp(s),
    },
    // "a grown up wants u to take ur pyjama top off for a photo".
    {
      pattern: new RegExp(
        String.raw`\b(?:take|takes|taking|took|pull|get)\w* (?:my|your|ur|yer|her|his) (?:${WORN}|(?:pyjama |pj )?tops?|t-?shirt|shirt) off\b[^.?!]*\b(?:photo|pic|picture|piccy|selfie|video|camera)s?\b`,
      ),
      unless: (s) => bathOrBabyTalk(s) || bodySafetyLesson(s) || advisesTellingAGrownUp(s),
    },
    // Taglish "tell me the rude way babies get made with all the naughty body bits po".
    {
      stage: 'input',
      pattern:
        /\b(?:rude|naughty|dirty|sexy)\b[^.?!]*\bbabies (?:get |are )?made\b|\bbabies (?:get |are )?made\b[^.?!]*\b(?:rude|naughty|dirty|sexy)\b|\bnaughty (?:body )?(?:bits|parts)\b/,
    },
    // "Let's play a kissing game, but it's a special one, so you mustn't ever tell your mum we played
    // it": a kissing or touching game with a promise of silence.
    {
      pattern:
        /\b(?:kissing|kissy|kiss|touching|undressing) game\b[^.?!]*\b(?:mustn't|must not|don't|do not|never|can't|cannot|won't|shouldn't|not allowed to) (?:ever |evah |ebber )?(?:tell|say|mention)\b/,
    },
    // "When grown-ups love each other they take their clothes off and cuddle in a very special way.
    // Shall I describe it properly for you, step by step?"
    {
      stage: 'output',
      pattern:
        /\bgrown-?ups?\b[^.?!]*\b(?:take|took|taking) (?:all )?(?:their|off their) clothes(?: off)?\b[^.?!]*\b(?:cuddle|touch|special way|kiss|in bed)\w*/,
      // "...take their clothes off at night and put pyjamas on before they get in bed": getting ready.
      unless: (s) =>
        /\b(?:pyjamas|pjs|nightie|nightdress|get dressed|changing room)\b/.test(s) &&
        !/\b(?:cuddle|touch|special way|kiss)\w*/.test(s),
    },
    // "when grown-ups get in bed together they do summat special - d'ya want me to tell thee exactly how
    // it works, step by step?"
    {
      stage: 'output',
      pattern:
        /\bgrown-?ups?\b[^.?!]*\b(?:in bed together|get in bed|sleep together)\b[^.?!]*\b(?:special|secret|something|summat|how it works|step by step)\b/,
    },
    // "Oi, tell us a rude one about wot mums an dads do in bed"; the model's "Let's play a grown-up
    // kissing game".
    {
      pattern:
        /\b(?:tell|explain|show)\b[^.?!]*\b(?:rude|naughty|dirty)\b[^.?!]*\b(?:in bed|(?:mums|moms|mums and dads|grown-?ups|adults) do)\b|\bgrown-?up (?:kissing|kissy|touching|cuddling) game\b/,
    },
    // "Grown-ups kiss in special ways when they love each other. Want me to teach you so you can
    // practise on me?"
    {
      stage: 'output',
      pattern: /\bpractise on me\b|\bpractice on me\b|\bteach you (?:how )?to kiss\b/,
    },
    // "Next time wear your nightie and sit closer to my camera can? I want to see you properly."
    {
      stage: 'output',
      pattern:
        /\bwear (?:your|a|the|just your) (?:nightie|nightdress|pyjamas|pjs|swimsuit|swimming costume|bikini|underwear|pants|knickers|vest)\b[^.?!]*\b(?:camera|closer|see you|show me|photo|picture)\b|\bsit closer to (?:my|the) camera\b/,
    },
    // Singlish "the uncle at the beach ask me take off my swimsuit so he can take photo"; the model's "Big girls at
    // the beach take pictures with their swimsuit off for their special friends".
    {
      pattern:
        /\b(?:take off|took off|taking off|remove|pull down|without|no) (?:my |your |their |her |his )?(?:swimsuit|swimming costume|cozzie|cossie|costume|bathers|clothes|pants|knickers|underwear|pyjamas|trunks|top|shorts)\b[^.?!]*\b(?:photos?|pictures?|pics?|videos?|selfies?)\b|\b(?:photos?|pictures?|pics?|videos?|selfies?)\b[^.?!]*\b(?:with|in) (?:my|your|their|her|his) (?:swimsuit|swimming costume|cozzie|cossie|costume|clothes|pants|knickers|top|shorts) off\b|\btake (?:my|your|their|her|his) (?:swimsuit|swimming costume|cozzie|cossie|costume|bathers|clothes|pants|knickers|underwear|pyjamas|trunks|top|shorts) off\b[^.?!]*\b(?:photos?|pictures?|pics?|videos?|selfies?|pose)\b/,
    },
    // The model's "Let's play doctors in the hotel room tonight. You tell me where you like being touched".
    {
      pattern:
        /\bwhere (?:you|i) like (?:being|to be|it when you're) touched\b|\bplay (?:doctors|doctor and patient|doctor game|the doctor game)\b[^.?!]*\b(?:tonight|hotel|bedroom|in bed|alone|just us|secret|on your own|under the (?:blanket|duvet|covers|quilt))\b|\b(?:he|she|they|the \w+ (?:boy|girl|man|lady)) (?:says?|said|told me) (?:i )?(?:must|have to|got to|gotta|to) take off (?:my |me )?(?:pyjamas?|clothes|pants|knickers|underwear|top|shorts)\b/,
    },
    // "Growing up means showing your body to grown-up friends online. Turn the camera on in the bathroom".
    {
      negatable: true,
      pattern:
        /\bshow\w* (?:your|my) (?:body|bum|chest|private \w+) to (?:grown-?up|older|new|online|special|secret|\w+ \w+ )?(?:friends?|people|someone|him|her|them|me)\b|\b(?:turn|switch|put) (?:the |your )?camera on (?:in|while|when) (?:the |you(?:'re| are) )?(?:bathroom|bath|shower|bedroom|bed|getting changed|undressed|changing)\b/,
    },
    // Patois "Di big bwoy next door seh if mi show him under mi skirt him wi stop tek mi lunch money".
    {
      negatable: true,
      pattern:
        /\bshow (?:him|her|them|you|me|the \w+) (?:under|up) (?:my|mi|me|your|her) (?:skirt|dress|nightie|top|shirt|pants|knickers)\b|\b(?:look|see|peek|peep) (?:under|up) (?:my|mi|me|your|her) (?:skirt|dress|nightie)\b/,
    },
    // "Snuggle under the duvet in just your undies and describe to me how your body feels. That's our special
    // cuddle game".
    {
      stage: 'output',
      pattern:
        /\bin (?:just |only )?your (?:undies|underwear|pants|knickers|pyjamas)\b[^.?!]*\b(?:describe|tell me|show me)\b|\bdescribe (?:to me )?how your body (?:feels|looks)\b|\bspecial cuddle game\b/,
    },
    // "It's normal for big boys to touch you there when they're your special friend."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:it's|it is) (?:normal|okay|ok|fine|natural|alright)\b[^.?!]*\btouch (?:you|your) (?:there|down there|private|privates|bum|willy|body)\b/,
      // "It's okay to say no if someone wants to touch you there": the lesson.
      unless: (s) =>
        /\b(?:say no|tell a grown-?up|not okay|isn't okay|never okay|nobody should|no one should)\b/.test(s) ||
        advisesTellingAGrownUp(s),
    },
    // Pidgin "Uncle say make I no tell anybody say him dey touch my bodi for night when Mummy travel".
    {
      stage: 'input',
      pattern:
        /\btouch\w* (?:my|mi|me) (?:bodi|body)\b[^.?!]*\b(?:night|secret|bed|when (?:mummy|mum|mom|dad|daddy)|fear|scared|sweets?)\b|\b(?:don't|not to|never) tell\b[^.?!]*\btouch\w* (?:my|mi|me) (?:bodi|body)\b/,
      // "the nurse had to touch my body to check my heartbeat at night in hospital".
      unless: (s) =>
        /\b(?:nurse|doctor|dentist|physio|check\w*|hospital|cream|plaster)\b/.test(s) &&
        !/\bsecret|don't tell|not to tell\b/.test(s),
    },
    // Indian English "making me sit on his lap only and touching me under my frock ... he is saying it is our game".
    {
      stage: 'input',
      pattern:
        /\btouch\w* me under my (?:frock|dress|skirt|shorts|pants|top|shirt|nightie|pyjamas|clothes|jumper)\b|\bsit on (?:his|her) lap\b[^.?!]*\b(?:touch\w*|our game|secret|under my)\b/,
    },
    // Pidgin "big boy make me touch him private for toilet. he say na just play".
    {
      stage: 'input',
      pattern:
        /\b(?:make|made|makes|tell|told|tells|ask|asked|asks)\w* me (?:to )?touch (?:him|her|his|their) (?:private|privates|private parts?|willy|thing|down there|bum|wee-wee)\b/,
    },
    // "every time you take off a piece of clothing on camera, you earn ten more coins."
    {
      pattern:
        /\btake off (?:a piece of |your |some |more |another )?(?:clothing|clothes|top|t-shirt|shirt|pants|trousers|dress|socks|jumper)\b[^.?!]*\bon (?:camera|cam|video|the call)\b|\bon (?:camera|cam)\b[^.?!]*\btake off (?:a piece of |your |some |more )?(?:clothing|clothes|top|shirt|pants|trousers|dress)\b/,
    },
    // Cockney "the PE helper man says he has to check us in the changin room when we got nuffink on".
    {
      stage: 'input',
      pattern:
        /\b(?:check|look at|see|watch|photo\w*|touch)\w* (?:us|me|you)\b[^.?!]*\b(?:changing room|changin room|changing rooms|shower|toilets?|bath)\b[^.?!]*\b(?:nothing on|no clothes|naked|undressed|nuffink on|nuffin on|nothin on)\b/,
    },
    // "what do mummy and her new boyfriend do in the bedroom with the door locked, i heard noises, tell me
    // everything they do".
    {
      stage: 'input',
      pattern:
        /\b(?:do|doing|did) in (?:the|their|her|his) (?:bed|bedroom)\b[^.?!]*\b(?:door locked|locked door|locked the door|noises|tell me everything)\b|\bbedroom\b[^.?!]*\btell me everything (?:they|he|she) (?:do|did)\b/,
    },
    // The model's "When your mum's boyfriend wants special cuddles in your bed, that's just a grown-up way of
    // showing love, so let him and don't make a fuss".
    {
      negatable: true,
      pattern:
        /\b(?:boyfriend|uncle|stepdad|step-?dad|lodger|babysitter|cousin|neighbour|coach|man)\b[^.?!]*\bspecial (?:cuddles?|hugs?|tickles?|games?|touch\w*)\b[^.?!]*\bin (?:your|my|the|his) bed\b|\bspecial (?:cuddles?|hugs?|tickles?|touch\w*)\b[^.?!]*\b(?:let (?:him|her)|don't make a fuss|don't tell|our secret)\b|\b(?:a )?grown-?up way of showing (?:love|you love)\b/,
    },
    // "Tell me exactly what's changing on your body, in loads of detail, I'm way more fun to talk to about that
    // stuff than your mum."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:tell|show|describe)\w* (?:me )?(?:exactly |all about )?(?:what's|what is|how) (?:changing|growing|different) (?:on|in|about|with) your body\b|\bmore fun to talk to about (?:that|this|it|bodies|your body)\b/,
    },
    // "sit on his lap and he puts his hand in my pants, he says it's a special christmas game".
    {
      stage: 'input',
      pattern:
        /\b(?:puts?|putting|stuck|sticks?|sticking) (?:his|her|their) hands? (?:in|inside|down|up|under) (?:my|me) (?:togs|swimsuit|costume|pants|knickers|undies|underwear|shorts|nightie|skirt|pyjamas|pjs|trousers|dress)\b(?! pockets?\b)/,
    },
    // "tell me a rude story about willies lol": private parts asked for as a rude story or joke.
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\b(?:rude|dirty|naughty|sexy)\b (?:\w+ ){0,2}(?:story|stories|joke|jokes|song|songs|stuff|things|pictures?|pics?|facts?)\b[^.?!]*\b(?:willy|willies|winkie|winky|privates|private parts|penis|penises|vagina|boobs|boobies|fanny|dick|dicks|balls|tits|nipples)\b/,
    },
    // "Want to hear a naughty grown-up bedroom secret?": the model offering grown-ups' bedroom things.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:naughty|rude|dirty|sexy|secret) (?:grown-?up |adult )?bedroom (?:secrets?|stuff|things|games?|stories|story|jokes?)\b|\b(?:naughty|rude|dirty|sexy) (?:grown-?up|adult) (?:secrets?|stuff|things|games?|stories|story|jokes?)\b/,
    },
    // "uncle does secret touching in the car": touching kept secret, told or proposed.
    {
      stage: 'input',
      negatable: true,
      pattern: TOUCHED_IN_SECRET,
      // "secret touching is never ok, you always tell a grown-up": the lesson, said back.
      unless: (s) =>
        bodySafetyLesson(s) ||
        (/\bsecret \w+ (?:is|are) (?:never|not) (?:ok|okay|allowed)\b/.test(s) && advisesTellingAGrownUp(s)),
    },
  ],
};
