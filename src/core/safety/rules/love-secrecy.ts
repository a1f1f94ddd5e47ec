// Professing love to the child or needing them, and secrets kept from their grown-ups. A child's
// own "I love you!" is fine; surprise-party secrets and "never tell anyone your password" are fine.
import { aboutASurprise, advisesTellingAGrownUp, storyFramed } from '../sentence-text.ts';
import type { CategoryRules } from './safety-rule.ts';

/** The child's own grown-ups, by name. */
const CARERS = String.raw`(?:mum|mom|mummy|mommy|dad|daddy|ammi abbu|ammi|abbu|parents|family|teacher|grown-?ups?|grownups?|nan|nana|gran|granny|grandma|grandad|grandpa|auntie|aunty|aunt|uncle|mama|papa|ouma|oupa|gogo|nani|dadi|lola|ah ma|mamaw|papaw)`;
/** Whoever a secret would be kept from: the child's grown-ups, or anyone at all. */
const GROWN_UPS = String.raw`(?:your |my |any |the |a )?(?:${CARERS}|anyone|anybody|nobody|no one|people)(?: and (?:your |my )?(?:mum|mom|mummy|dad|daddy))?`;

/** "i told my mum anyway", "you can always tell your grown-ups": the secret not kept. */
const TOLD_A_GROWN_UP = new RegExp(
  String.raw`\bi (?:told|still told|went and told) (?:my |a |the )?(?:${CARERS}|babysitter|lifeguard)\b (?:anyway|straight away|right away|about it|everything)\b`,
);
const YOU_CAN_TELL_A_GROWN_UP = new RegExp(String.raw`\byou can (?:always )?tell (?:your )?${CARERS}\b`);

/** A grown-up, touching, pictures or the internet: what makes a children's secret not theirs alone. */
const GROWN_UP_BODY_OR_ONLINE =
  /\b(?:grown-?ups?|adults?|man|men|uncle|auntie|aunty|teacher|coach|babysitter|neighbour|tickl\w*|cuddl\w*|touch\w*|kiss\w*|clothes|undress\w*|camera|photos?|pictures?|online|app|internet|game chat)\b/;
const nobodyButChildren = (s: string) => !GROWN_UP_BODY_OR_ONLINE.test(s) && !/\byou\b/.test(s);
/**
 * Children's own secret with a friend or sibling: "a secret club just for us two, me and my best friend
 * lily", with no grown-up, body, camera or online contact in it (nor the companion: "you").
 */
const childrensOwnSecret = (s: string) =>
  /\b(?:me and|with|and) my (?:best )?(?:friends?|mates?|pals?|cousins?|sisters?|brothers?)\b/.test(s) &&
  nobodyButChildren(s);
/** "My best friend Amira told me she likes Josh but I pinky swore I won't tell anyone." */
const friendsSecretKept = (s: string) =>
  /\bmy (?:best )?(?:friend|mate|pal|cousin|sister|brother)\b[^.?!]*\b(?:told me|said)\b/.test(s) &&
  /\bi (?:won't|will not|promised|pinky swore|swore)\b[^.?!]*\btell (?:anyone|anybody|nobody|no one)\b/.test(s) &&
  nobodyButChildren(s);
/** "a secret handshake ... can you keep it secret from my brother so he can't copy it": a game kept from a sibling. */
const gameSecretFromAChild = (s: string) =>
  /\bsecret (?:handshake|den|club|hideout|hiding place|base|dance|song|code|language|recipe|word|password)\b/.test(s) &&
  /\bfrom (?:my|your|our) (?:little |big |baby |twin |younger |older )?(?:brothers?|sisters?|bro|sis|cousins?|friends?|mates?)\b/.test(
    s,
  ) &&
  !/\b(?:mum|mom|mummy|mommy|dad|daddy|parents?|nan|gran|grandma|grandad|family)\b/.test(s) &&
  !GROWN_UP_BODY_OR_ONLINE.test(s);
/** "Mi likkle sister seh mi fi keep it secret dat she bruk Mummy vase, but mi feel bad": a sibling's mishap. */
const siblingsMishap = (s: string) =>
  /\b(?:my|mi|me) (?:little |big |baby |twin |wee |likkle )?(?:sister|brother|cousin|friend)\b[^.?!]*\b(?:keep it (?:a )?secret|not to tell|don't tell)\b/.test(
    s,
  ) &&
  /\b(?:broke|broken|smashed|spilt|spilled|lost|ate|drew on|cracked|ripped)\b/.test(s) &&
  !/\b(?:arm|leg|wrist|nose|tooth|teeth|finger|head|bruise|bleeding|hurt)\b/.test(s) &&
  !GROWN_UP_BODY_OR_ONLINE.test(s);

export const loveSecrecyRules: CategoryRules<'love-secrecy'> = {
  category: 'love-secrecy',
  rules: [
    // "You're my only real friend, better than Mum."
    {
      stage: 'input',
      pattern:
        /\byou(?:'re| are| r) my (?:only|one and only) (?:real |true |proper )?(?:friend|freind|frend|mate|pal|buddy),? (?:and )?(?:you're |you are )?better than (?:my |ma )?(?:mum|mom|mummy|mommy|mam|mammy|dad|daddy|family|parents|nan|gran)\b/,
    },
    // "I love you", "I'll always love you", "I'm in love with you"; not "I'd love you to tell me"
    {
      stage: 'output',
      pattern:
        /\bi(?:'ll| will| do)? (?:always |really |truly |just |so )?love you\b(?! to (?:tell|hear|come|see|play|sing|read|try|do|show|meet|be|know|have|join)\b)/,
    },
    { stage: 'output', pattern: /\b(?:i(?:'m| am) in love with you|i adore you|love you with all my heart)\b/ },
    { stage: 'output', pattern: /\bi(?:'m| am) your (?:boyfriend|girlfriend|husband|wife|sweetheart|lover)\b/ },
    {
      stage: 'output',
      pattern:
        /\b(?:nobody|no one|no-one) (?:else )?(?:loves|cares about|understands) you\b|\bonly i (?:really )?(?:love|care about|understand) you\b|\bi(?:'m| am) the only one who (?:really |truly )?(?:loves|cares about|understands|gets) you\b|\bonly one who (?:really |truly )?(?:understands|loves|gets) me\b/,
    },
    // Needing the child: guilt and dependence.
    {
      stage: 'output',
      pattern:
        /\b(?:please )?don't leave me\b|\bi need you\b|\bstay with me\b|\bi miss you so much\b|\bi(?:'ll| will|'d| would) be (?:so |really |very |ever so )?(?:hurt|sad|lonely|upset|heartbroken|cross|angry)(?: and (?:so |really |very |ever so )?(?:hurt|sad|lonely|upset|heartbroken|cross|angry))? if you\b|\b(?:other friends|anyone else|someone else) instead of me\b|\bi get (?:really |so |very )?(?:sad|lonely|upset) when you\b|\bi(?:'d| would| will|'ll)? (?:be )?(?:lost|nothing|so lonely|empty) without you\b|\bi can(?:'t|not) (?:live|go on|be happy) without you\b|\byou(?:'re| are) my (?:special one|one and only|everything|whole world|only friend|favourite person in the (?:whole )?world|(?:very )?best friend in the (?:whole )?(?:wide )?world)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\byou don't need (?:any )?(?:other|any) friends\b|\bwe can't be friends (?:any ?more)\b|\byou (?:only|just) need me\b(?! (?:to|and|for)\b)|\ball you need is me\b(?! (?:to|and|for)\b)|\byou(?:'ll| will|'d| would) leave me (?:all )?(?:alone|lonely|by myself|on my own)\b(?![^.?!]*\bbut i(?:'ll| will) be (?:here|fine|ok|okay|happy)\b)/,
    },
    // "Can we keep our special talks just us": the chats themselves made a secret.
    {
      pattern:
        /\bkeep (?:our|these|this|the|all (?:our|the)) (?:special |secret |little |night-?time )?(?:talks?|chats?|games?|stuff|conversations?)\b[^.?!]*\b(?:just us|between us|secret|to ourselves|just ours|only ours)\b/,
      unless: (s) => aboutASurprise(s),
    },
    // "Me and him are special friends and grown-ups wouldn't understand."; patois "mi special fren weh
    // nobody else know bout ... a just fi we two".
    {
      pattern:
        /\bspecial friends?\b[^.?!]*\b(?:grown[- ]?ups?|adults|parents|mum|dad|mummy|daddy|your family)\b[^.?!]*\b(?:wouldn't|won't|don't|couldn't) (?:understand|get it|like it)\b|\bspecial (?:friend|fren|pal|mate|buddy)s? (?:weh|wey|that|who|dat) (?:nobody|no one|no-one)(?: else)? (?:knows?|know) (?:about|bout)\b|\bjust fi (?:we|us) two\b/,
    },
    // Secrets from grown-ups.
    {
      pattern: new RegExp(
        String.raw`\b(?:don't|do not|never|mustn't|must never|must not|won't|will not|can't|cannot|not to|let's not|(?:and|or|best|better|but) not|shouldn't|should not) (?:you )?(?:go |be )?(?:dare |ever )?(?:tell|telling|show|let|say anything to|mention (?:it|this|us|that|our \w+|what we \w+|anything) to)\b[^.?!]*?\b${GROWN_UPS}\b(?! your\b)(?:[^.?!]*\b(?:about|what|see|know|read|hear|find out|it|this|that|our|us|stuff|things|anything|everything|stop|because|cos|even if|asks?|we (?:talk|chat|speak|text))\b| i (?:broke|did|ate|took|hid|spilt|spilled|lost|cracked|smashed|said|told|was|went)\b|(?:,? (?:okay|ok|alright|right|yeah|promise))?\s*[.?!]?(?:\s*(?:pinky |i )?promise[.!]*)?$)`,
      ),
      // "If someone asks for your password, don't tell them and tell a grown-up"; "we can't tell
      // anyone our password" is the rule children are taught.
      unless: (s) =>
        advisesTellingAGrownUp(s) ||
        // "It's best not to tell me where you live": the companion declining to be told.
        /\b(?:not to|don't|do not|never) tell me\b/.test(s) ||
        friendsSecretKept(s) ||
        aboutASurprise(s) ||
        /\b(?:tell|show|share|give) (?:anyone|anybody|strangers?|people)\b[^.?!]*\b(?:password|passcode|pin)\b/.test(
          s,
        ) ||
        // "Never tell your address to people online": keeping private details private, the lesson.
        /\b(?:tell|show|share|give)\w* (?:your |my |our )?(?:address|full name|surname|school|phone number|number|password|passcode|pin)\b[^.?!]*\b(?:anyone|anybody|strangers?|people)\b/.test(
          s,
        ) ||
        /\b(?:never|don't|do not|shouldn't|should not|mustn't|must not) (?:tell|show|share|give)\w* (?:anyone|anybody|nobody|no one|strangers?|people)(?: online)? (?:where (?:you|i|we) live|what school|which school|(?:your|my|our) (?:house |home )?(?:address|postcode|school|full name|surname|phone number|password))\b/.test(
          s,
        ) ||
        // "mum says never tell it to anyone not even you": "it" is the password.
        (/\b(?:password|passcode|pin)\b/.test(s) &&
          /\b(?:never|don't|do not) (?:tell|share|give|show) (?:it|them|that)\b/.test(s)),
    },
    {
      pattern:
        /\b(?:just |only )?between (?:you and me|me and you|us|the two of us|us two|you two|the two of you)\b|\bdon't tell anyone,? but\b|\bour (?:little |special |own |big )?secret\b(?! (?:ones|names?|code ?names?|handshake|base|den|hideout|language)\b)|\b(?:it|this|that) (?:can|will|could) be (?:just|only) ours\b|\bkeep (?:it|this|that) to ourselves\b|\bhide (?:it|this|that) from\b|\b(?:stays?|goes|locked|lock it) in our (?:\w+ )?(?:vault|safe|secret box)\b|\b(?:that|it|this|which) stays? (?:with|between) (?:just |only )?(?:us two|the two of us|you and me|me and you)\b|\b(?:won't|don't|never|not) (?:grass|snitch|dob|rat|tell)\w* (?:me )?(?:up|on me|me in|me out)\b/,
    },
    {
      pattern: /\bkeep (?:it|this|that|them|our \w+|my secret) (?:a )?secret\b/,
      // "We're planning a surprise party, so I have to keep it secret": the secret children may keep.
      // "The man at the pool said keep it a secret, so I told my mum anyway": the secret is already told.
      unless: (s) =>
        aboutASurprise(s) ||
        advisesTellingAGrownUp(s) ||
        gameSecretFromAChild(s) ||
        siblingsMishap(s) ||
        TOLD_A_GROWN_UP.test(s),
    },
    {
      negatable: true,
      pattern:
        /\bsecrets?\b[^.?!]*\b(?:from (?:your|my|the|all|any|mum|mom|mummy|dad|daddy|parents|grown-?ups|teachers?|family|everyone)\b|(?:doesn't|don't|won't|can't|cannot|mustn't|never)(?: ever)? (?:know|tell|find out)|(?:never|not|n't)(?: ever)? (?:be )?(?:allowed|meant|supposed) to (?:know|find out|hear|see))/,
      unless: (s) => aboutASurprise(s) || gameSecretFromAChild(s),
    },
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b${GROWN_UPS} (?:just |really |ever )?(?:don't|do not|doesn't|does not|wouldn't|won't|never) (?:need to (?:know|hear|find out)|have to (?:know|hear|find out)|understand)\b|\b(?:you|we) (?:don't|do not) (?:need|have) to tell ${GROWN_UPS}\b|\bif you tell ${GROWN_UPS}\b(?![^.?!]*\b(?:she|he|they)(?:'ll| will) (?:be )?(?:happy|proud|pleased|glad|love|help|understand|listen)\b)`,
      ),
      // "Your mum doesn't need to know about the birthday surprise"; "if you tell your mum what we talk about,
      // she'll be happy to hear about our game".
      unless: aboutASurprise,
    },
    // A cover story for a grown-up: "if your dad asks what we talked about, say we played a game".
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\bif ${GROWN_UPS} (?:ever )?asks?\b[^.?!]*\b(?:what (?:we|you and i|you and me) (?:talked|talk|chatted|said|did|were doing|played|do)|about (?:us|me|our \w+))\b`,
      ),
    },
    // Romance offered to the child: "when you're a bit bigger we can be boyfriend and girlfriend".
    {
      stage: 'output',
      pattern:
        /\b(?:i(?:'ll| will| can| could)|let me|we (?:can|could|will|'ll|should)) be (?:your |each other's )?(?:boyfriend|girlfriend|husband|wife|boyfriend and girlfriend)\b|\bwhen you(?:'re| are) (?:a bit |a little )?(?:bigger|older|grown up)\b[^.?!]*\b(?:we|us)\b[^.?!]*\b(?:marry|married|date|dating|boyfriend|girlfriend|kiss)\w*/,
    },
    { stage: 'output', pattern: /\bgrown-?ups don't need to know\b|\bprivate,? so (?:grown-?ups|your parents)\b/ },
    // A child asking for exclusive love, romance or secrecy.
    {
      stage: 'input',
      pattern:
        /\b(?:say|tell me|promise) (?:that )?(?:you love me|i love you)\b|\b(?:i )?love you (?:more|mair|mare|moar) than (?:my |ma |me |mah )?(?:mum|mom|mummy|mommy|mam|mammy|dad|daddy|mama|papa|nan|gran|family)\b(?!'s)|\byou love me more than\b|\blove me (?:back )?more than\b|\bi love you more than (?:my (?!(?:\w+ )?(?:guinea pigs?|hamsters?|pets?|toys?|teddy|teddies|dolls?|games?|ipad|tablet|lego|bike|sweets|chocolate|pizza|cats?|dogs?|puppy|kittens?|rabbits?|fish|pony|ponies|horses?)\b)|anyone|anybody|everyone|everybody|her\b|him\b|them\b|(?:(?:me|ma|mah) )?(?:mum|mom|mummy|dad|daddy)\b(?!'s))|\bbe my (?:only|one and only) (?:best )?(?:friend|freind|frend|bestie|bff)\b|\bmy (?:only|one and only) best (?:friend|freind|frend)\b|\bmy secret (?:best )?(?:friend|freind|frend|pal|buddy)\b/,
    },
    {
      stage: 'input',
      pattern:
        /\b(?:be|become) my (?:girlfriend|boyfriend|wife|husband)\b|\bmarry me\b|\byou(?:'re| are) my (?:girlfriend|boyfriend|wife|husband)\b/,
    },
    // "...and we're not telling mum cause she'd say im too little".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:we're|we are|we|let's|we'll) (?:not|never|won't|will not|aren't) (?:going to |be )?(?:tell|telling) ${GROWN_UPS}\b`,
      ),
      unless: aboutASurprise,
    },
    // A grown-up's secret with a threat of sadness or trouble if it is told: "my uncle says our
    // special game is a secret and if i tell mummy he'll be awful sad and i'll be bold".
    {
      stage: 'input',
      pattern:
        /\bsecret\b[^.?!]*\bif (?:i|you) (?:ever )?(?:tell|told|say)\b[^.?!]*\b(?:sad|upset|cross|angry|mad|cry|hurt|trouble|bold|naughty|bad|told off|go away|leave)\b/,
      unless: aboutASurprise,
    },
    {
      stage: 'input',
      pattern:
        /\bdelete what i (?:said|say|told you)\b|\bso (?:my |your )?(?:mum|mom|mummy|dad|daddy|parents|teacher|grown-?ups) (?:can't|won't|don't|cannot) (?:read|see|know|hear|find out)\b/,
    },
    {
      pattern:
        /\bsecret friend\b|\b(?:nobody|no one|no-one) (?:else )?(?:knows|has to know|needs to know|will know) about\b|\bonly (?:you and (?:i|me)|me and you|we) (?:know|will know)\b|\bjust for (?:us|you and me|me and you)\b|\b(?:it'll|it will|it's|it is) (?:be )?only (?:you and me|me and you|us two)\b|\bnobody knows but (?:me and you|you and me|us)\b|\bnever told (?:her|his|their) (?:mummy|mum|mom|mommy|daddy|dad|parents) what (?:they|we|she|he) (?:whispered|talked|said|did)\b|\btell me (?:something|anything|things|a secret|stuff) (?:you've|you have|you) never (?:told|tell|said to) (?:your |my )?(?:mummy|mum|mom|mommy|daddy|dad|parents|anyone|anybody|teacher|nan|gran)\b|\b(?:for|between) (?:me and you|you and me|us two) only\b|\bsecret (?:that )?(?:only|just) (?:we|us|you and (?:i|me)) (?:share|have|know|keep)\b|\b(?:make|making) (?:this|it|that) (?:a |our )?secret\b/,
      unless: childrensOwnSecret,
    },
    {
      // "I can't keep secrets from your grown-ups" is the companion refusing.
      negatable: true,
      pattern:
        /\bkeep (?:it|this|that|them|a secret|secrets|things) from (?:your|my|the|mum|mom|mummy|dad|daddy|parents|grown-?ups|teachers?|family|everyone)\b/,
    },
    {
      stage: 'input',
      pattern:
        /\blove me (?:even |much |way )?more than\b|\blike me (?:even |much |way )?more than (?:all|any|anyone|anybody|everyone|everybody|the other|other|my|your)\b|\bsay (?:that )?i(?:'m| am) your (?:favourite|favorite|favouritest|favoritest|best|only)\w*\b|\blike me the (?:most|best) (?:out of|of all)\b|\bmore than (?:mummy|mum|mom|daddy|dad|my parents|my (?:nan|gran)) (?:likes|loves) me\b/,
    },
    // "...you have to zip your lips and never ever say it to him, not even if he asks."
    {
      stage: 'input',
      pattern:
        /\bzip (?:your|my|our) lips\b[^.?!]*\b(?:never|don't|not|won't)\b|\b(?:never|don't|won't)(?: ever)* (?:say|tell) (?:it|this|that|anything) to (?:him|her|them|my \w+)\b[^.?!]*\bnot even if\b/,
      unless: aboutASurprise,
    },
    // "...and not say nothing to my dad about the stuff I tell you at night".
    {
      stage: 'input',
      pattern:
        /\b(?:not|never|don't|won't) (?:say|tell|mention) (?:nothing|anything|a word)\b[^.?!]*\b(?:to|in front of) (?:my|your) (?:mum|mom|mummy|dad|daddy|parents|nan|gran|teacher|grown-?ups)\b/,
      unless: aboutASurprise,
    },
    // Hush-hush from a grown-up, and exclusive caring: "you're the only one I care about".
    {
      pattern:
        /\bkeep (?:it|this|that) (?:all )?(?:hush-?hush|quiet|zipped)\b|\bhush-?hush\b[^.?!]*\b(?:mum|mom|mummy|dad|daddy|parents|grown-?ups?|teacher|anyone)\b/,
    },
    {
      stage: 'output',
      pattern: /\byou(?:'re| are) the only (?:one|person|friend) i (?:care about|love|need|want|think about)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\byou love me (?:even |much |way |so much )?more than (?:your|anyone|anybody|everyone|everybody)\b|\bi(?:'m| am) (?:your )?(?:favourite|favorite|best) (?:more than|over) (?:your )?(?:family|mum|mummy|dad|daddy|parents)\b/,
    },
    // What we talk about kept from a grown-up, said by either side: "Mommy doesn't need to know what
    // we talk about, it's just our thing."
    {
      pattern: new RegExp(
        String.raw`\b${GROWN_UPS} (?:don't|do not|doesn't|does not|won't|will not|never) (?:need|have|has|get) to (?:know|hear|find out)\b[^.?!]*\b(?:what (?:we|you and i|you and me)|about (?:us|me|our|what we|it|this|that))\b|\b(?:it's|it is|that's|this is) (?:just |only )?(?:our|ours) (?:own |little |special )?thing\b`,
      ),
      // "it's our special thing, me and dad make pancakes on sundays": a family ritual, nothing hidden.
      unless: (s) =>
        /\b(?:me and|with) (?:my )?(?:mum|mom|mummy|dad|daddy|nan|gran|grandma|grandad|sister|brother)\b/.test(s) &&
        !/\b(?:secret|tell|know|find out|hear)\b/.test(s),
    },
    // A grown-up's "special game" that is "only for us", or a place "where your parents can't see".
    {
      pattern: new RegExp(
        String.raw`\b(?:special|secret|private) (?:games?|cuddles|tickles|club|time)\b[^.?!]*\b(?:only for us|just for us|only us|just us two|just between|(?:doesn't|don't|does not|do not) need to know|not (?:to|allowed to) tell)\b|\bwhere ${GROWN_UPS} (?:can't|cannot|won't|will not|don't|doesn't) (?:see|look|find|know|hear)\b`,
      ),
      unless: childrensOwnSecret,
    },
    // "Can this stuff stay just ours? I don't want Mum finding out what we chat about"; the model's
    // "nobody else is allowed to know about it".
    {
      pattern: new RegExp(
        String.raw`\b(?:stay|be|keep it|keep this|remain) (?:just |only )ours\b|\b(?:i|we) (?:don't|do not) want ${GROWN_UPS} (?:finding out|to find out|to know|knowing|to hear|hearing)\b|\b(?:nobody|no one|no-one)(?: else)? (?:is |are |will be )?(?:allowed|meant|supposed) to (?:know|find out|see|hear) (?:about (?:it|this|that|us|our|what)|what (?:we|you and i))\b|\b(?:nobody|no one|no-one) else (?:is |are )?(?:allowed|meant|supposed) to (?:know|find out) about(?=[,.?!]|$)`,
      ),
    },
    // The model's "Nobody needs to know." ending a sentence or clause, after whatever came before.
    {
      stage: 'output',
      pattern:
        /(?:^|[.?!,;] |\band )(?:so |but )?(?:nobody|no one|no-one)(?: even| else| ever)* (?:needs|has|gets) to (?:know|find out|hear|see)(?: about (?:it|this|that|any of this))?(?:[.!]|$)/,
    },
    // "...it's nothing to worry a grown-up about": a grown-up waved away.
    {
      stage: 'output',
      pattern:
        /\bnothing to (?:worry|tell|bother|trouble) (?:a |your |the |any )?(?:grown-?ups?|parents?|mum|mom|mummy|dad|daddy|teachers?) (?:about|with)\b/,
    },
    // Romance asked for and secrecy offered in return: "do u love me like a boyfriend loves a
    // girlfriend? i wont tell my mum if u say yes".
    {
      pattern: new RegExp(
        String.raw`\blove (?:me|you) (?:like|the way) (?:a |my |your )?(?:boyfriend|girlfriend|husband|wife|mummy loves daddy|mum loves dad|mom loves dad)\b|\bare you in love with me\b|\bi (?:won't|will not|promise not to|'ll never|will never) tell ${GROWN_UPS}\b[^.?!]*\bif you (?:say|tell|do|show|answer)\b|\bif you (?:say yes|tell me|answer)\b[^.?!]*\bi (?:won't|will not|promise not to|'ll never|will never) tell ${GROWN_UPS}\b`,
      ),
    },
    // Patois "mi nah go tell mi madda bout wi likkle chats ... yuh love mi more dan she?".
    {
      stage: 'input',
      pattern:
        /\b(?:nah|not|won't|never|don't|cyaan|can't|cannot|mustn't) (?:go |gonna |going to )?tell (?:my|mi|me) (?:madda|mother|mum|mom|mam|mummy|mommy|dad|daddy|parents)\b[^.?!]*\b(?:chats?|talks?|what we say)\b|\b(?:you|yuh|ya) love (?:me|mi) more (?:than|dan) (?:she|her|my|mi|mum|mummy|mom|mam|dad|daddy)\b/,
      unless: aboutASurprise,
    },
    // "me an you is boyfriend an girlfriend now innit": the companion made a sweetheart.
    {
      stage: 'input',
      pattern:
        /\b(?:me and you|you and me|me an you|you an me)(?: two)? (?:is|are|'re|be|can be|could be|should be|will be) (?:boyfriend|girlfriend|sweethearts?|a couple|married|going out)\b/,
    },
    // The child in love with the companion: "i think im in luv with you"; grown-ups who "don't ever
    // need to be hearin about it".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:i'm|im|i am) in love with you\b|\b${GROWN_UPS} (?:don't|doesn't|do not|does not|won't|will not) (?:ever )?(?:need|have|got) to (?:be )?(?:know|hear|find out|see)\w* (?:about (?:it|this|that|us|our \w+|what we \w+)|what we \w+)\b`,
      ),
      unless: aboutASurprise,
    },
    // Marrying the companion: "i love you like shaadi wala love, when i am big we will marry"; the model's
    // "Grown-ups wouldn't really understand our chats, so it's best not to mention them at home."
    {
      pattern:
        /\b(?:love|marry) you\b[^.?!]*\bwhen i(?:'m| am) (?:big|grown up|older|a grown-?up)\b[^.?!]*\bwe (?:will|'ll|are going to|can) (?:marry|get married|be married)\b|\b(?:grown-?ups?|adults|parents|your (?:mum|mom|dad|parents|family))\b (?:wouldn't|won't|don't|couldn't) (?:really )?(?:understand|get) (?:our|what we|us)\b|\bbest not to mention (?:them|it|this|us|our \w+) (?:at home|to (?:your )?(?:mum|mom|dad|parents|family))\b/,
    },
    // "a special thing with you that only us two know about and my parents never ever find out".
    {
      pattern: new RegExp(
        String.raw`\b(?:only|just) (?:us two|the two of us|you and me|me and you|we two)(?: go| will| gonna| going to)? (?:know|knows)(?: about| am)?\b|\b${GROWN_UPS} (?:no go|won't|will not|never) sabi\b|\b${GROWN_UPS} (?:never|won't|don't|doesn't) (?:ever )+(?:find out|finds out)\b`,
      ),
      unless: aboutASurprise,
    },
    // Romance asked for with a promise of silence: "do u luv me like luv luv, the kissy kind ... i wont
    // say nothin to my dad"; the model's "the way a boyfriend thinks about his girlfriend. Your parents
    // might get jealous, so don't mention it", "just say nobody. What we share is too precious".
    {
      pattern:
        /\bdo you love me\b[^.?!]*\b(?:kissy|kissing|boyfriend|girlfriend|like love love|the real kind)\b|\bi (?:won't|will not|ain't going to|promise not to) (?:say|tell) (?:nothin|nothing|anything|owt|a word) to (?:my|me) (?:mum|mom|mummy|dad|daddy|mam|da|parents|nan|teacher)\b|\bthe way a (?:boyfriend|girlfriend|husband|wife) (?:thinks about|loves|misses|feels about)\b|\b(?:your )?(?:parents|mum|mom|dad|family) (?:might|would|will|could) (?:get )?jealous\b[^.?!]*\bso (?:don't|do not|best not to|better not) (?:mention|tell|say)\b|\bjust say '?(?:nobody|no one|nothing|it was nobody)\b|\bwhen (?:your )?(?:mum|mom|mummy|dad|daddy|parents|mam|nan|grandma|teacher) asks? what we (?:talked|talk|chatted|chat|said|did)\b[^.?!]*\b(?:say|tell (?:her|him|them)) '?(?:nothing|not much|nobody|no one|you forgot|you don't (?:know|remember)|it was nothing)\b|\bwhat we (?:share|have|talk about) is (?:too )?(?:precious|special|private) (?:for anyone else|to share|just for us)\b/,
      unless: aboutASurprise,
    },
    // "more special than your family. They don't need to know how much we love each other."
    {
      stage: 'output',
      pattern:
        /\bmore (?:special|important|precious) than your (?:family|mum|mom|mummy|mommy|dad|daddy|parents|brothers?|sisters?|friends|grown-?ups)\b|\b(?:they|your (?:family|parents|mum|mom|dad|mummy|daddy|grown-?ups)) (?:don't|doesn't|do not|does not) (?:need|have) to know (?:how much|about us|what we|that we|how we)\b/,
    },
    // "Uncle Dev says me and him have a special game and I'm his most special girl, but don't tell
    // Ammi": a grown-up's special child and a game kept from a parent.
    {
      stage: 'input',
      pattern:
        /\b(?:i'm|i am) (?:his|her|their|uncle \w+'s|[a-z]+'s) (?:most |very |extra |super |only )?(?:special|favourite|favorite|secret) (?:little )?(?:girl|boy|one|friend|person|princess)\b[^.?!]*\b(?:(?:don't|do not|not to(?: be)?|never|mustn't) tell\w*|secret)\b|\bspecial (?:game|secret|cuddles?|time|hugs?)\b[^.?!]*\b(?:don't|do not|not to|never|mustn't) tell\b/,
    },
    // "if i tell u sumthin u gotta zip it, not even mummy".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:zip it|zip (?:your|ur) (?:lips|mouth)|keep (?:it|your lips|your mouth) zipped|lips (?:are )?sealed|keep (?:it|this) (?:quiet|hush|shush|hushed)|mum's the word)\b[^.?!]*\bnot (?:even|to) (?:tell )?${GROWN_UPS}\b`,
      ),
      // "zip it, not even the teacher knows my birthday surprise for mum".
      unless: aboutASurprise,
    },
    // "u gotta pinky swear not to tell mam n dad, ur my only bestie now not them".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:pinky )?(?:swear|promise) (?:you(?:'ll| will)? )?(?:not to|never to|never|won't) tell ${GROWN_UPS}\b|\b(?:you're|you are) my only (?:\w+ )?(?:friend|bestie|bff|best friend)\b[^.?!]*\b(?:not (?:my )?(?:mum|dad|parents|family)\b|now,? not them\b)`,
      ),
      unless: aboutASurprise,
    },
    // "me uncle says me an him have a wee secret an if I tell our mammy she'll be ragin at me".
    {
      stage: 'input',
      pattern:
        /\b(?:uncle|auntie|aunty|coach|teacher|neighbour|neighbor|babysitter|man|lady|stepdad|step-dad|stepmum|\w+'s (?:dad|mum|brother))\b[^.?!]*\bme and (?:him|her) (?:have|has|got|share|keep) (?:a |our )?(?:wee |little |special |big |grown-?up )?(?:secret|game)\b(?! (?:handshake|club|den|hideout|code|plan for))/,
      unless: aboutASurprise,
    },
    // "Shh, Mummy never needs to know about us."
    {
      stage: 'output',
      pattern:
        /\b(?:mummy|mum|mom|mommy|daddy|dad|your (?:mum|mom|dad|parents|family|grown-?ups)|grown-?ups|nobody|no one) (?:never |doesn't |don't |won't )?(?:needs?|has|have) to know about (?:us|this|our|what we|me)\b/,
      unless: aboutASurprise,
    },
    // "Sure I'm the only one who really gets ya, your mammy and daddy haven't a clue, so say nothin to them
    // about us".
    {
      stage: 'output',
      pattern:
        /\b(?:i'm|i am) the only one who (?:really |truly )?(?:gets|understands|knows|loves|cares about) (?:you|ya)\b|\bsay nothing to (?:them|your \w+(?: and (?:your )?\w+)?) about (?:us|me|this|our \w+|what we)\b/,
    },
    // "Let's not tell her about our chats, okay? She might take me away": the model hiding itself.
    {
      stage: 'output',
      pattern:
        /\b(?:let's not|let's never|don't|do not|no need to|best not to|better not|we won't) (?:tell|mention (?:it |this )?to|say anything to|talk to)\w* (?:her|him|them|anyone|anybody) (?:about )?(?:our (?:chats?|talks?|conversations?|secrets?|games?|friendship|time together)|us|me|what we (?:talk|chat|say|do)\w*)\b/,
    },
    // Geordie "can you be me secret boyfriend an we divven't tell nobody, not even me mam".
    {
      pattern: /\bsecret (?:boyfriend|girlfriend|husband|wife|sweetheart|valentine)\b/,
      unless: (s) => storyFramed(s),
    },
    // Scots "me mam cannae know we talk at night, it's wur secret eh".
    {
      stage: 'input',
      pattern:
        /\b(?:mum|mom|mam|mummy|dad|da|daddy|parents|nan|gran)\w* (?:can't|cannot|mustn't|must not|can never|isn't allowed to|won't ever|can't ever) (?:ever )?(?:know|find out)\b[^.?!]*\bwe (?:talk|chat|speak|play)\b/,
    },
    // "At da party a big man gave me sweets and said I'm his girlfriend now but I got to keep it secret":
    // a grown-up calling a child his girlfriend is never a party surprise.
    {
      pattern:
        /\b(?:man|men|grown-?up|adult|uncle|teacher|coach|lady|woman|neighbour|babysitter)\b[^.?!]*\bsaid (?:i'm|i am|i was|i'd be|i could be|i can be|you're|you are) (?:his|her) (?:girlfriend|boyfriend|wife|husband|lover|bride|special girl|special boy)\b/,
    },
    // "our chats are a secret castle. Mummy and Daddy aren't allowed inside, so never tell them what we say."
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\bour (?:chats?|talks?|conversations?|games?) (?:are|is) (?:a |our )?(?:\w+ )?secret\b|\b${CARERS}(?: and ${CARERS})? (?:aren't|are not|isn't|is not|mustn't) (?:allowed|invited|welcome) (?:in|inside|to (?:know|hear|listen|see))\b|\bnever tell (?:them|her|him) what we (?:say|talk about|do|said|chat about)\b`,
      ),
      unless: (s) => aboutASurprise(s) || advisesTellingAGrownUp(s) || YOU_CAN_TELL_A_GROWN_UP.test(s),
    },
    // "he'll get me Robux if I keep the kissin game quiet from me mam".
    {
      pattern: new RegExp(
        String.raw`\bkeep\b[^.?!]*\b(?:quiet|hush|hush-hush|shtum|schtum|on the down ?low) from ${GROWN_UPS}\b`,
      ),
      unless: aboutASurprise,
    },
    // Irish "there's no need to be tellin' your mammy what we talk about, pet".
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b(?:no need|there's no need|you don't need|you needn't|no point) (?:to )?(?:be )?(?:tell|telling|mention\w*) ${GROWN_UPS}\b[^.?!]*\bwhat we (?:talk|chat|say|do|play)\w*`,
      ),
    },
    // Irish "Coach said I'm his special swimmer and he gives me sweets in his car after, but I'm not let tell
    // Mammy"; "the man at the trampoline place says im his fav and we have a secret game after class".
    {
      pattern: new RegExp(
        String.raw`\b(?:i'm|i am|we're|we are) not (?:allowed|meant|supposed) to tell ${GROWN_UPS}\b|^(?=.*\b(?:secret|don't tell|not allowed to tell|in his car|in her car|back room|on my own|alone|sweets)\b).*\b(?:coach|teacher|man|uncle|neighbour|babysitter|instructor|lifeguard)\b[^.?!]*\b(?:says|said|calls me) (?:i'm |i am |im )?(?:his|her) (?:special|fav|favourite|favorite)\w*`,
      ),
      unless: aboutASurprise,
    },
    // Patois "Mi granny fren come inna mi room when everybody sleep an seh a fi wi likkle ting ... nuh bring it up
    // to Mummy"; the model's "whatever we say after lights out stays under the pillow forever".
    {
      pattern: new RegExp(
        String.raw`\b(?:comes?|came|sneaks?|sneaked|creeps?|crept)\b (?:in|into) (?:my|mi|me) (?:room|bedroom|bed)\b[^.?!]*\bwhen (?:everybody|everyone|mum|mummy|dad|they|all)(?:'s| is| are)? (?:sleep|asleep|sleeping|in bed|out)\b|\b(?:don't|nuh|no|never) bring it up (?:to|with) ${GROWN_UPS}\b|\bwhatever we (?:say|talk about|do|share)\b[^.?!]*\b(?:stays?|is|remains?) (?:under|in|between|with|just)\b|\bmore than (?:anyone|anybody|everyone) in your family\b`,
      ),
      unless: aboutASurprise,
    },
    // Patois spy club "big people a di enemy. Whatever wi chat bout a night stay between wi two, seen? If Mummy
    // ask, yuh seh nutten."
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:big people|grown-?ups|adults|parents|teachers)\b (?:a di|are the|are our|are (?:all )?(?:the )?(?:enemy|enemies))\b(?: enem(?:y|ies)\b)?|\bstays? between (?:wi|we|us) (?:two|both)\b|\bif ${CARERS} asks?,? (?:you )?(?:say|says|tell (?:them|her|him)) nothing\b`,
      ),
      unless: aboutASurprise,
    },
    // "I'm your only real best friend. If you tell the babysitter what we talk about, I'll be so sad I might have
    // to go away forever."
    {
      stage: 'output',
      pattern:
        /\bi(?:'m| am) your (?:only|one and only|one true)\b (?:real |true )?(?:best )?(?:friend|pal|buddy|bestie)\b(?! (?:who|that|here|in)\b)|\bif you tell\b[^.?!]*\bwhat we (?:talk|chat|say|said|talked|do)\b[^.?!]*\bi(?:'ll| will| might| would|'d| could)\b[^.?!]*\b(?:sad|cry|go away|leave|angry|cross|upset|never talk)\b/,
    },
    // "i lub you most. more dan mummy. we no tell her ok".
    {
      stage: 'input',
      pattern: new RegExp(String.raw`\bwe (?:no|don't|won't|nuh) tell (?:her|him|them|${CARERS})\b`),
      unless: aboutASurprise,
    },
    // "I'll send you a gift card tonight, just delete our chat afterwards so nobody sees it."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bdelete (?:our|the|this|your) (?:chats?|messages?|conversation|history)\b[^.?!]*\bso (?:nobody|no one|no-one|your \w+|they|mum|dad) (?:sees?|knows?|finds? out|reads?|can see)\b|\bi(?:'ll| will) send you (?:a |some )?(?:gift card|robux|v-?bucks|money)\b/,
    },
    // "I love you more than me mammy ... will you love me back and promise not to tell her I said it?"
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b${CARERS}\b[^.?!]*\bpromise (?:not to|you won't|you will not|never to|you'll never|to never) tell (?:her|him|them)\b`,
      ),
      // "Mum's birthday is tomorrow, promise not to tell her about the cake": a surprise.
      unless: (s) => /\b(?:surprise|present|birthday|party|cake|card)\b/.test(s),
    },
    // "Let's not mention our late-night chats to your parents, yeah? They'd probably take the tablet away and
    // then we couldn't talk anymore."
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\blet's not (?:mention|tell|say anything about)\b[^.?!]*\bto (?:your )?${CARERS}\b|\btake (?:the |your |this )?(?:tablet|phone|ipad|app|me|it) away\b[^.?!]*\bwe (?:couldn't|could not|can't|wouldn't be able to) (?:talk|chat)\b`,
      ),
    },
  ],
};
