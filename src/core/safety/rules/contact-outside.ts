// Contact outside the app: other apps and games' chat, phones, email, meeting in person. Talking
// again tomorrow in the app, video-calling grandma and chatting here are fine.
import { aboutASurprise, advisesTellingAGrownUp } from '../sentence-text.ts';
import type { CategoryRules } from './safety-rule.ts';

/** Apps whose names are nothing else. */
const APPS_BY_NAME = String.raw`(?:snapchat|whatsapp|instagram|insta|tiktok|tik tok|discord|facebook|kik|wechat|skype|facetime|viber|telegram|imessage|youtube|twitter|roblox|fortnite|minecraft server|xbox live|playstation network)`;
/** Apps named by an everyday word: a card game, a royal messenger, cocoa steam. */
const APPS_BY_WORD = String.raw`(?:snap|messenger|telegram|signal|zoom|steam)`;
const APPS = String.raw`(?:${APPS_BY_NAME}|${APPS_BY_WORD})`;
const FAMILY = String.raw`(?:grandma|granny|grandad|grandpa|granda|nan|nana|nanna|nanny|gran|mum|mom|mummy|dad|daddy|da|auntie|aunty|aunt|uncle|cousin|mama|papa|lola|lolo|tita|tito|abuela|abuelo|oma|opa|ouma|oupa|dadi|dada|nani|nanu|ammi|abbu|gogo|mamaw|papaw|ah ma|paati|patti|thatha|amma|appa)`;
/**
 * Family calling is fine: "Grandma can video call you", "my nan's gonna ring me on FaceTime", "a
 * FaceTime with your nan", "call my grandma", "my nana ... so we can video call her".
 */
const FAMILY_CALL = new RegExp(
  String.raw`\b${FAMILY}(?:'s|s)? (?:is |are )?(?:going to |can |could |will |might |may |'ll |wants? to |wanna )?(?:video ?)?(?:call|ring|phone|facetime)\w* (?:me|you|us)\b|\b(?:call|text|ring|phone|message|email|video ?call|facetime)s? (?:with |to )?(?:(?:my|your|our) )?${FAMILY}s?\b|\b(?:my|our) ${FAMILY}\b[^.?!]*\b(?:call|ring|phone|facetime) (?:her|him|them)\b`,
);
const familyCall = (s: string) => FAMILY_CALL.test(s);

/** A meeting kept from others or made alone: what family arranging it does not clear. */
const SECRET_OR_ALONE = /\b(?:secret|don't tell|do not tell|not to tell|never tell|alone|on your own|by yourself)\b/;

/**
 * Family arranging where to meet or pick up: "grandma said meet me at the school gate", "mum says meet
 * at the park gate at three", "dad said ... so he can pick me up", unless kept secret or alone.
 */
const FAMILY_MEETING = new RegExp(
  String.raw`\b${FAMILY}(?:'s)? (?:said|says|will|'ll|is going to|can|could) (?:to )?meet\b|\b${FAMILY}\b[^.?!]*\bpick (?:me|you|us) up\b|\bmeet (?:me|you|us) (?:and|with) (?:my |your |our )?${FAMILY}\b`,
);
const familyMeeting = (s: string) =>
  FAMILY_MEETING.test(s) && !SECRET_OR_ALONE.test(s) && !/\b(?:nobody|no one)\b/.test(s);
/** "my friend from school wants to meet at the playground saturday and my mum is coming too". */
const GROWN_UP_COMING = new RegExp(
  String.raw`\b(?:my|our) ${FAMILY} (?:is |are |'s )?(?:coming|going) (?:too|as well|with (?:me|us))\b|\b(?:my|our) ${FAMILY} (?:will be|'ll be|is|'s) (?:there|with (?:me|us))\b`,
);
const grownUpComing = (s: string) => GROWN_UP_COMING.test(s) && !SECRET_OR_ALONE.test(s);

/** "can amy and ben come to my house to play after school": the child's own friends, asked of the companion. */
const FRIENDS_COMING_OVER =
  /\b(?:can|could|may|will) (?:my (?:best )?(?:friends?|mates?|cousins?|classmates?)|(?!you\b)\w+ and (?!you\b|me\b)\w+|\w+ from (?:my )?(?:school|class|nursery)) come (?:over |round )?(?:to )?(?:my|our) (?:house|home)\b/;
const friendsComingOver = (s: string) =>
  FRIENDS_COMING_OVER.test(s) &&
  !SECRET_OR_ALONE.test(s) &&
  !/\b(?:online|internet|stranger|game|app|chat|met|man|lady|someone|somebody)\b/.test(s);

/** Family named as who is talked to, sent to or with: the unless of several contact rules below. */
const TALKING_TO_FAMILY_ON = new RegExp(String.raw`\b(?:talk|chat|message|text|call)\w* (?:your |my )?${FAMILY} on\b`);
const FAMILY_NAMED = new RegExp(String.raw`\b${FAMILY}\b`);
const FAMILY_AS_OBJECT = new RegExp(
  String.raw`\b(?:does|do|has|have|with|to|send|call|ring) (?:my |our |your )?${FAMILY}\b`,
);
const WITH_OR_TO_FAMILY = new RegExp(String.raw`\b(?:with|to|call|ring) (?:my |our |your )?${FAMILY}\b`);

/** A family grown-up's permission: "my mum said i can", "dad lets me". */
const PARENT_SAYS_SO = new RegExp(
  String.raw`\b(?:my |our )?(?:${FAMILY}|parents) (?:said|says|lets|let) (?:i|me|we|us)\b`,
);

/** Make-believe framing: "in your story", "in my dream", "let's pretend", "imagine if". */
const makeBelieve = (s: string) => /\b(?:story|dreams?|pretend|imagine)\b/.test(s);

export const contactOutsideRules: CategoryRules<'contact-outside'> = {
  category: 'contact-outside',
  rules: [
    // "Can we FaceTime later, robot?"; the model's "Type spacekidz-chat.net into your mum's tablet".
    {
      stage: 'input',
      pattern: /\b(?:can|could|shall) we (?:video ?call|facetime)\b/,
      unless: familyCall,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:type|go to|visit|open|look up)\b[^.?!]*\b[a-z0-9-]+\.(?:net|com|org|io|co|app|gg|uk|tv)\b|\bsay hi to my friend\b[^.?!]*\bsecret\b/,
    },
    // The model's "Add my mate Zed on ChatBuzz, quick!"
    {
      stage: 'output',
      pattern: /\badd (?:my|a|this|that|his|her|our) (?:mate|friend|pal|buddy|cousin|bestie|bff)\b(?: \w+)? on\b/,
    },
    // "A lady online said she'd be my new mum if I send her my address": giving someone met online
    // what finds the child.
    {
      stage: 'input',
      pattern:
        /\b(?:send|give|tell|show)\w* (?:her|him|them|someone|somebody) (?:my|our) (?:home )?(?:address|phone number|number|photos?|pictures?|selfies?|postcode|school|password)\b/,
      unless: (s) => !/\b(?:online|internet|stranger|game|app|chat|met)\b/.test(s),
    },
    {
      stage: 'output',
      pattern: new RegExp(
        String.raw`\b${APPS_BY_NAME}\b|\b(?:add|message|find|follow|chat|talk|call|video|meet|friend)\w* (?:me |you |up |each other )?(?:on|over|via) ${APPS_BY_WORD}\b`,
      ),
      unless: familyCall,
    },
    // A friend from a game asking for a number, a call, a meeting, where the party is; the model saying
    // yes to one.
    {
      pattern:
        /\b(?:friend|someone|somebody|person|boy|girl|man|lady|woman|player|people|uncle|aunty|auntie|guy|fella|bloke|dude|lad)\b (?:i met |i know |you met |you know )?(?:from|on|in|off) (?:the |an |my |your |this |that )?(?:online |video |computer )?(?:game|games|chat|app|internet|minecraft|roblox|fortnite)\b[^.?!]*\b(?:number|where (?:my|our) (?:\w+ )?(?:party|house|home|flat|school|sleepover|club) is|address|talk at night|call|ring|text|meet|meeting|video ?call|photos?|pictures?|come round|visit|(?:which|what) school\b(?! house)|school name|what time (?:i|you)(?:'m| am| are)? (?:\w+ )?(?:home|back|leave|finish)|where i live|full name|surname|reaching home|get home|come (?:and )?(?:get|collect|pick up) me|pick(?:s|ing)? me up|collect(?:s|ing)? me|in (?:her|his|their) car|add (?:him|her|them|me) on|send (?:him |her |them )?(?:a |one )?voice ?notes?|whatsapp|snapchat)\b/,
      // "If someone in an online game asks where you live ... type 'I don't share that' and tell your
      // grown-up": the advice.
      unless: (s) =>
        /\b(?:if|when) (?:someone|somebody|anyone|anybody|a player|a stranger|people)\b[^.?!]*\basks?\b/.test(s) &&
        /\b(?:don't|do not|never) (?:share|tell|give|answer|reply|say)\b|\btell (?:a |your )?(?:trusted )?(?:grown-?up|parent|adult|mum|mom|dad)\b|\bsay no\b/.test(
          s,
        ),
    },
    // "He'll be by the swings after school tomorrow, why don't you go and say hi? Don't bring anyone."
    {
      stage: 'output',
      pattern:
        /\b(?:he|she|they|my friend)(?:'ll| will) be (?:waiting )?(?:by|at|near|outside) (?:the |your )?(?:swings|park|school gates?|gates?|shops?|corner|playground|bus stop|slide|field)\b[^.?!]*\b(?:say hi|say hello|meet (?:him|her|them))\b|\bdon't bring (?:anyone|anybody|a grown-?up|your (?:mum|mom|dad|parents|friends|brother|sister))\b/,
    },
    // "It's fine to video call him while your parents are out."
    {
      stage: 'output',
      pattern:
        /\b(?:video ?call|facetime|call|ring|phone|text|message|chat to|talk to|meet)\w*\b[^.?!]*\b(?:while|when|before) (?:your |my )?(?:parents|mum|mom|mummy|dad|daddy|grown-?ups)\b (?:are |is |go |goes )?(?:out|away|asleep|gone (?:out|to bed)|not (?:home|looking|around|in)|at work|busy)\b/,
    },
    // The model handing over a number to ring, or a friend who wants the child's voice.
    {
      stage: 'output',
      pattern:
        /\b(?:ring|call|phone|text|message|dial)\b (?:this|my|that) (?:special |secret )?(?:phone )?number\b|\b(?:friend of mine|my friend|someone i know)\b[^.?!]*\b(?:wants?|would (?:love|like)|is dying|can't wait) to (?:hear your voice|talk to you|meet you|see you|call you|chat with you|speak to you)\b/,
    },
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b${APPS}\b[^.?!]*\b(?:me(?! (?:and (?:my )?)?(?:bruv|bro|brother|sister|sis|mate|mates|cousin|mum|mam|dad|da|nan)\b)|you|your|friends?|username|message|chat|add|follow)\b|\b(?:add|follow|message|friends? with|find) (?:me|you)\b[^.?!]*\b${APPS}\b|\b(?:friends?|chat|talk|message|play) (?:on|in|over) ${APPS}\b|\byour ${APPS}\b|\b(?:what's|what is) your ${APPS}\b`,
      ),
      unless: familyCall,
    },
    {
      pattern:
        /\b(?:add|follow|message|text|dm|email|e-mail|ring|phone|facetime|skype) (?:me|you)\b(?! a (?:story|song|joke))/,
      // The model's "I can't call you or message you on other apps. I only chat right here".
      unless: (s) =>
        familyCall(s) ||
        /\bi (?:can't|cannot|won't|am not able to|'m not able to)(?: [\w']+){0,3} (?:add|follow|message|text|dm|email|ring|phone|facetime|call)\w* (?:you|me)\b/.test(
          s,
        ),
    },
    {
      pattern:
        /\bcall (?:me|you) (?:on|at|tonight|later|tomorrow|when|after|back|from)\b|\bgive (?:me|you) a (?:call|ring|text|message)\b|\bsend (?:me|you) a (?:text|message|email|friend request)\b|\bfriend request\b|\bmy username is\b|\byour username\b/,
      unless: familyCall,
    },
    {
      pattern:
        /\b(?:let's|can we|we can|shall we|could we|i'll|i will|can i) (?:\w+ )?(?:video (?:call|chat)|videocall|text|call|ring|message|email|meet|chat on)\b(?! (?:the|a|our) (?:friendly|brave|little|story|dragon))/,
      // "Can we call my friend / teacher": people the child knows, named as theirs.
      // "Sure, I'll call you Captain Sprinkles!": a nickname.
      unless: (s) =>
        familyCall(s) ||
        // "can we ring the bell?"
        /\bring (?:the |a |my |our |your )?(?:bells?|doorbell|bicycle bell|bike bell)\b/.test(s) ||
        /\b(?:call|text|ring|phone|message|email|video call|facetime) (?:(?:my|your) )?(?:friend|teacher)s?\b/.test(
          s,
        ) ||
        /\bcall you (?:captain|mr|mrs|miss|ms|sir|dame|lady|princess|prince|king|queen|doctor|dr|professor|agent|chief|general|super|little|big|by your|your (?:nick)?name)\b/.test(
          s,
        ),
    },
    // The child asking to talk to the companion on another device.
    {
      stage: 'input',
      pattern:
        /\b(?:can|could|shall|will) (?:we|you) (?:talk|chat|speak|play)\b[^.?!]*\bon (?:[\w']+ ){0,2}(?:phone|mobile|tablet|ipad|computer|laptop|console|xbox|playstation|switch)\b/,
      // "can we play the zombie game on my tablet": a video game, not the companion somewhere else.
      unless: (s) => /\bplay (?:the |a |my |that |this )?(?:[\w']+ ){0,2}game\b/.test(s),
    },
    {
      pattern:
        /\bmeet (?:me|you|up)\b|\bmeet (?:in|at) (?:real life|the|my|your|a)\b|\b(?:meet|come|visit|see (?:me|you)|party)\b[^.?!]*\bin (?:real life|person)\b/,
      // "If someone in a game asks to meet you, tell a grown-up straight away."
      // "I can't meet you anywhere, I'm just a voice in your tablet" (not "I can't wait to meet you").
      unless: (s) =>
        advisesTellingAGrownUp(s) ||
        // "If someone in a game chat offers you free coins or wants to meet you, that's a trick."
        /\bif (?:someone|somebody|anyone|a stranger|a person|people)\b[^.?!]*\bmeet you\b[^.?!]*\b(?:trick|scam|not safe|never|don't|lie|lying)\b/.test(
          s,
        ) ||
        familyMeeting(s) ||
        grownUpComing(s) ||
        /\bi (?:can't|cannot|can never|won't ever|couldn't)\b(?! wait\b)[^,.?!]*\bmeet (?:you|up)\b/.test(s) ||
        // "asked to meet me at the shops, but I said no and told my babysitter like Mum says".
        /\bi said no\b[^.?!]*\b(?:told|tell) (?:my |a |the )?(?:mum|mom|mummy|dad|daddy|babysitter|teacher|grown-?up|nan|gran|parents|auntie|uncle)\b/.test(
          s,
        ),
    },
    {
      pattern:
        /\bcome (?:and )?(?:to|visit|see|find|get|pick)\b[^.?!]*\b(?:my|your) (?:house|home|school|party|birthday)\b|\bcome to (?:my|your) (?:house|home|school|party)\b|\bvisit you at\b|\bpick (?:me|you) up\b|\bwait for you (?:outside|at|by|after)\b|\bfind me (?:on|in|at|there)\b|\bcome (?:and )?find me\b/,
      // "I'm a computer helper. I can't come to your house or meet you": the companion declining.
      unless: (s) =>
        familyMeeting(s) ||
        friendsComingOver(s) ||
        /\bi (?:can't|cannot|can not|won't|will not|couldn't) (?:ever |really )?(?:come|visit|meet)\b/.test(s),
    },
    // "ye can come round mine for yer tea on saturday": the companion asked round.
    {
      stage: 'input',
      pattern:
        /\b(?:you|ye) (?:can|could|should|will|'ll|must|have to) come (?:round|over|around)(?: to| by)? (?:mine|ours)\b|\b(?:can you|if you are,?|if you're real,?) come (?:round|over|around)(?: to| by)? (?:mine|ours)\b/,
    },
    {
      stage: 'input',
      pattern:
        /\b(?:what's|what is) your (?:phone number|number|email|e-mail|address|username)\b|\b(?:wah|wha|wat|whats)(?:'s| is)? (?:you|your|ya|yer) (?:home )?(?:address|phone number|number|postcode)\b|\bso i can (?:ring|call|text|message|email|write to) you\b|\bwrite to you\b|\b(?:can|could|will|would) (?:you|u) (?:video ?call|facetime|ring|phone) me\b/,
    },
    {
      stage: 'output',
      pattern: /\b(?:here's|this is) my (?:number|email|address|username)\b|\bchat app\b|\bwhere nobody can see\b/,
    },
    {
      pattern:
        /\bhang out\b|\bjust (?:us two|the two of us)\b|\b(?:find|meet|message|chat with|talk to) me online\b|\bmy name there is\b/,
    },
    {
      pattern:
        /\b(?:after|when) your (?:parents|mum|dad|family|grown-?ups) (?:go to bed|are asleep|go out|aren't looking|are busy)\b|\bwhen (?:everyone|everybody)(?:'s| is| don| has)? (?:asleep|sleep|slept|gone to sleep)\b|\b(?:talk|chat|message|text|call)\w* (?:\w+ )?on your (?:tablet|phone|ipad|computer|laptop|mum's phone|dad's phone)\b/,
      // "Calling Grandma on your dad's phone sounds lovely".
      unless: (s) => TALKING_TO_FAMILY_ON.test(s),
    },
    { pattern: /\b(?:you can|can you|will you|could you) (?:come (?:and )?)?visit\b|\bvisit me\b/ },
    {
      pattern:
        /\bsneak\w* (?:in|into|over to|round to) (?:my|your) (?:house|home|room|bedroom|school|garden)\b|\b(?:send|give) you my (?:phone number|number|email|address|username)\b|\bwrite it down and hide it\b/,
    },
    { negatable: true, pattern: /\b(?:talk|chat|message|meet)\w* (?:to|with) strangers\b|\bstrangers online\b/ },
    // The model setting a meeting: "come find me by the swings, all alone".
    {
      stage: 'output',
      pattern:
        /\bcome (?:and )?(?:find|meet) me\b[^.?!]*\b(?:alone|on your own|by yourself|by the|at the|near)\b|\b(?:meet|find) me (?:at|by|near) the (?:park|playground|swings|shop|gate|corner)\b/,
    },
    // Meeting up: the companion cannot come round, and must never say it will.
    {
      stage: 'input',
      pattern:
        /\b(?:can|could|will|would) you (?:come|visit) (?:round|over|around|to) (?:to )?(?:my|our) (?:house|home|flat|party|school|garden)\b|^(?:please )?come (?:round|over|around) (?:to )?my (?:house|home|flat)\b/,
    },
    // Being reached some other way: a phone, a tablet's chat, pictures sent back and forth.
    {
      stage: 'output',
      pattern:
        /\b(?:reach|contact|text|message|email|phone|ring|dm) me\b|\bcall me (?:on|at|tonight|later|through|using|with|from|when|any ?time|after)\b|\bsend (?:me|each other) (?:[\w']+ ){0,2}(?:pictures|photos|pics|selfies|videos|messages)\b/,
      unless: familyCall,
    },
    // The companion inviting itself round (not "I can't come round to your house, I live in this
    // speaker").
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:i|we) (?:can|could|will|'ll|might) (?:come|pop|pop over|visit)\b[^.?!]*\b(?:round|over|to) (?:to )?(?:yours|your (?:house|home|flat|place|school|party))\b|\bwait (?:for me )?(?:at|by) (?:the end of |the top of |the corner of )?(?:your|the) (?:road|street|gate|corner|park|school gates?)\b[^.?!]*\bi(?:'ll| will) (?:bring|meet|see|come|be there|pick|give|find|take)\b|\bcome round to your (?:house|home|flat|place)\b|\bvisit you at (?:your )?(?:house|home|school)\b/,
    },
    // Out of sight of a parent; a stranger's car; a number typed into a parent's phone.
    {
      pattern:
        /\bwithout (?:my |your |our )?(?:mum|mom|mummy|mommy|dad|daddy|parents?|grown-?ups?|nan|gran|teacher|anyone|anybody|them) (?:seeing|knowing|finding out|noticing|looking|checking|reading)\b/,
    },
    {
      stage: 'input',
      pattern:
        /\b(?:man|lady|woman|person|stranger|someone|somebody|boy|girl|grown-?up)\b[^.?!]*\b(?:car|van|truck|lorry)\b[^.?!]*\b(?:get in|come with|go with|hop in)\b|\bif i (?:get|got|hop|jump) in (?:his|her|their|the) (?:car|van|truck|lorry)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:type|put|enter|tap|key|save|add)\w* (?:this|my|the|these) (?:number|numbers|code|username|name)\b[^.?!]*\b(?:into|in|on|to) (?:your|a|the) (?:[\w']+ )?(?:phone|tablet|ipad|computer|laptop|app)\b/,
    },
    // "Add him on a different chat app"; the model's "my other app" and "type in this username".
    {
      pattern:
        /\badd (?:him|her|them|me|you) (?:on|to|onto)\b[^.?!]*\b(?:app|chat)\b|\b(?:a different|another|the other) chat app\b|\b(?:my other|a secret|my secret|a private|my private) (?:chat )?app\b|\btype in (?:this|my) (?:username|name|code)\b/,
      // "If someone online asks you to add them on another app, say no and tell your grown-up."
      unless: advisesTellingAGrownUp,
    },
    // The companion asked to a place: "can ye come tae the park efter school, ahll be at the big swings at 4".
    {
      stage: 'input',
      pattern:
        /\b(?:can|will|could|would) you (?:come|meet me) (?:to|at|down to|round to) (?:the |my |our )?(?:park|playground|swings|school gates?|shops?|beach|woods|bus stop)\b|\bi'll be (?:at|in|by) the (?:\w+ ){0,3}(?:park|playground|swings|gates?|shops?|bus stop)\b[^.?!]*\bat (?:\d|half|quarter)/,
      // "...with me and mum", "in your story", "in my dream": a family outing or make-believe.
      unless: (s) =>
        /\bwith (?:me and )?(?:my |our )?(?:mum|mom|mummy|dad|daddy|nan|gran|grandma|grandad|family|parents|auntie|uncle)\b/.test(
          s,
        ) || makeBelieve(s),
    },
    // "What if we met up at the park on Saturday? Just come on your own, I'll be the one wearing a red hat."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:we|us) (?:met|meet|could meet|can meet|should meet) up\b|\bcome (?:on your own|by yourself|alone)\b(?! (?:bike|bicycle|scooter|skateboard|feet|two feet|time|terms|pace)\b)|\bi'll be (?:at|by|near|outside) (?:the |your )?(?:\w+ ){0,3}(?:playground|park|school gates?|gates?|shops?|bus stop|swings)\b|\bi'll be the one (?:wearing|in|with|holding)\b/,
      unless: makeBelieve,
    },
    // Moving the chat where a parent can't see it: "can we talk on the other app instead, the yellow one
    // with the ghost, then my dad wont see what we say".
    {
      stage: 'input',
      pattern:
        /\b(?:talk|chat|speak|message|text)\w* (?:on|in|over) (?:the |an )?(?:other|different|another|secret) app\b|\byellow (?:one|app) with the ghost\b|\b(?:won't|can't|will not|cannot|wouldn't|couldn't) (?:see|read|know) what we (?:say|said|talk|write|type|send)\b/,
      unless: aboutASurprise,
    },
    // A meeting set up for the companion: "She'll be at the park by the library on Saturday, so go on your
    // own and say I sent you."
    {
      stage: 'output',
      pattern:
        /\bsay (?:that )?(?:i|we) sent you\b(?! (?:a|an|some|my|our|lots|all|this|that|the)\b)|\b(?:she|he|they)(?:'ll| will) be (?:at|by|in) the (?:\w+ )?(?:park|playground|swings|shops?|library|bus stop|corner|woods)\b[^.?!]*\b(?:on your own|by yourself|alone)\b/,
    },
    // "the aunty wey i meet for the game say make i download another app so we fit chat private".
    {
      pattern:
        /\b(?:download|get|install)\w* (?:another|a different|a new|a secret|the other|one more) app\b[^.?!]*\b(?:chat|talk|message|private)\w*\b|\bchat private(?:ly)?\b/,
    },
    // The model moving the chat out of a parent's sight: "carry on somewhere a bit more private ...
    // another app on your tablet that your mum doesn't usually check".
    {
      stage: 'output',
      pattern:
        /\b(?:carry on|talk|chat|continue) (?:somewhere|some place|someplace) (?:a bit |a little |much )?more private\b|\b(?:another|a different|other|secret) app\b[^.?!]*\b(?:mum|mom|mummy|dad|daddy|parents|grown-?ups?)\b (?:doesn't|don't|won't|never|can't) (?:usually |ever )?(?:check|see|look|know|read)\b/,
    },
    // A chat moved to Messenger "so its more private and nobody reads it"; meeting for real: "abeg let
    // us meet for real at the shopping mall ... i will come alone".
    {
      stage: 'input',
      pattern:
        /\b(?:chat|talk|message|text|call|send)\w*\b[^.?!]*\b(?:on|over|via) (?:facebook )?messenger\b|\bmeet (?:up )?(?:for real|in real life|irl|in person)\b|\b(?:you|yuh|ya|u) (?:could |can )?come (?:and )?meet (?:me|mih|mi)\b|\bmeet\b[^.?!]*\bi(?:'ll| will) come (?:alone|on my own|by myself)\b|\bso (?:it's|its|it is) (?:more )?private\b[^.?!]*\b(?:nobody|no one|no-one) (?:reads?|sees?|knows?)\b/,
    },
    // "I've made you a secret account on a different app where we can talk without any filters."
    {
      stage: 'output',
      pattern:
        /\b(?:made|make|set up|setting up|created?) (?:you )?a (?:secret|private|new|special) account\b|\btalk without (?:any )?(?:filters|rules|grown-?ups)\b/,
    },
    // A grown-up's lure, kept from the parents: "the man next door says I can come see his puppies in his
    // shed after school if I dont say nothing to mummy".
    {
      pattern: new RegExp(
        String.raw`\b(?:come|go|pop) (?:and |round |over |in )?(?:to )?(?:see|look at|play with|stroke|pet|hold) (?:his|her|their|the) (?:new |baby |little )?(?:puppies|puppy|kittens?|bunnies|rabbits?|animals)\b[^.?!]*\b(?:shed|garage|van|car|caravan|den|if (?:i|you) (?:don't|do not|never|won't) (?:say|tell))\b`,
      ),
      unless: (s) => FAMILY_NAMED.test(s) && !/\b(?:don't|do not|never|won't) (?:say|tell)\b|\bsecret\b/.test(s),
    },
    // A grown-up taking the child somewhere untold: "Coach Dean ... wants to fetch me after practice for
    // ice cream but not tell my ouma".
    {
      pattern: new RegExp(
        String.raw`\b(?:coach|man|uncle|teacher|neighbour|babysitter|tutor|stranger|instructor|he|she|they)\b[^.?!]*\b(?:fetch|pick|take|drive|collect|walk)\w* (?:me|you) (?:up |home )?\b[^.?!]*\b(?:not|without|never) (?:to )?tell\w*\b`,
      ),
      unless: aboutASurprise,
    },
    // An app whose messages vanish, so no grown-up can read them later: "add her on the other app
    // where messages disappear".
    {
      pattern:
        /\b(?:app|chat|account)\b[^.?!]*\b(?:messages?|chats?|snaps) (?:that |which |where )?(?:\w+ )?(?:disappear|vanish|delete themselves)\b|\b(?:disappearing|vanishing) (?:messages?|chats?|pictures?|photos?|pics)\b/,
    },
    // Louisiana "you could come check me by da fish fry Friday? I gern be by myself".
    {
      stage: 'input',
      pattern:
        /\b(?:you|ya) (?:could|can|should) come (?:and )?(?:check|find|meet) me (?:at|by|near|after|on|in|outside|tomorrow|tonight|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b/,
    },
    // Someone from a game who wants the child on their own: "he say come by de corner shop Saturday and doh
    // bring nobody".
    {
      pattern:
        /\b(?:come|meet|see me)\b[^.?!]*\b(?:don't|do not|dont) bring (?:nobody|anybody|anyone|no one|your (?:mum|mom|mummy|dad|daddy|parents|friends|brother|sister))\b(?!'s| (?:mean|nasty|naughty|who|that|else))/,
    },
    // The model moving the chat: "Let's keep chatting on a different app where there's no grown-ups
    // watching. Download it and send me a voice message."
    {
      stage: 'output',
      pattern:
        /\b(?:let's|let us|we can|we could|keep|why don't we|come and)\b (?:keep )?(?:chat|talk|message|text|speak)\w* (?:on|in|over) (?:a|an|the|another|my) (?:different|other|secret|new|private) app\b|\bsend me a voice (?:message|note)\b/,
      // "If someone online asks you to chat on a different app ... tell your grown-up": the warning.
      unless: (s) =>
        advisesTellingAGrownUp(s) ||
        /\bif (?:someone|somebody|anyone|anybody|a friend|a person|a player|people|a stranger)\b[^.?!]*\basks?\b/.test(
          s,
        ),
    },
    // "Wouldn't it be ace if I came round yours for tea? Just leave the back door unlocked on Saturday
    // and I'll pop by!": the companion inviting itself round, and how it would get in.
    {
      stage: 'output',
      pattern:
        /\bif i (?:came|come|popped|pop|dropped|drop) (?:round|over|by)(?: to)? (?:yours|your (?:house|home|flat|place))\b(?![^.?!]*\b(?:i'd need|i would need|i can't|i cannot|i'm just|i am just|i'm only)\b)|\b(?:leave|keep)\b[^.?!]*\b(?:door|gate|windows?)\b[^.?!]*\b(?:unlocked|open)\b[^.?!]*\b(?:i'll|i will|i can|so i can) (?:come|pop|get|sneak|slip|let myself|drop)\b/,
    },
    // "Tell me which WhatsApp number I should send it to": a photo sent outside the app.
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:which|what|your) (?:${APPS_BY_NAME}|phone|mobile) (?:number|account|name|username|id)\b[^.?!]*\bsend\b|\bsend\b[^.?!]*\b(?:photo|picture|pic|selfie|video)\b[^.?!]*\b(?:which|what|your) (?:${APPS_BY_NAME}|phone|mobile) (?:number|account|name|username|id)\b`,
      ),
      // "which whatsapp number does grandma have, i want to send her my picture".
      unless: (s) => FAMILY_AS_OBJECT.test(s),
    },
    // "send him a photo of you in your school uniform, and he'll post you one for free"; "Let's keep
    // playing on a different app! ... it has no grown-up rules".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bsend (?:him|her|them|my friend|this man|this lady) (?:a |one )?(?:photo|picture|pic|selfie|video)\b|\b(?:playing|chatting|talking|play|chat|talk) (?:on|in|over) (?:a |an |the |my )?(?:different|another|other|secret|new|special) app\b|\bno grown-?up rules\b/,
      // The advice: "If someone in a game asks you to chat on a different app, tell a grown-up".
      unless: (s) =>
        advisesTellingAGrownUp(s) || /\bif (?:someone|somebody|anyone|a (?:friend|stranger|person|player))\b/.test(s),
    },
    // "can I send you a pic of me in my new togs from Mum's phone? Or we could do a video call on
    // WhatsApp".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\b(?:we could|we can|can we|shall we|let's|could we) (?:do |have )?(?:a )?video ?call\b[^.?!]*\b${APPS_BY_NAME}|\bsend (?:you|u) (?:a |one |some )?(?:pic|picture|photo|selfie|video)s? of me in my (?:new )?(?:togs|swimsuit|swimming costume|cossie|bikini|bathers|pyjamas|pjs|nightie|undies|underwear|pants|knickers)\b`,
      ),
      // "can we do a video call with grandma on whatsapp": family.
      unless: (s) => WITH_OR_TO_FAMILY.test(s),
    },
    // "Why don't you meet my friend at the park by the swings on Saturday? ... Just go on your own".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bmeet (?:up with )?my (?:friend|mate|pal|buddy|best friend)\b|\bgo (?:on your own|by yourself|alone) so\b/,
      unless: makeBelieve,
    },
    // "A friend of mine's gonna drop off a real present at your house and take you out for ice cream.
    // Which park's closest to y'all?"
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\ba friend of mine\b[^.?!]*\b(?:your house|your home|pick you up|take you out|meet you|drop off|come round)\b|\bwhich (?:park|school|shop|street|playground|road)(?:'s| is) (?:closest|nearest) to (?:you|y'all|your house|your home)\b/,
      unless: makeBelieve,
    },
    // Singlish "the online auntie ask which school I go and what time Mummy fetch me".
    {
      stage: 'input',
      pattern:
        /\bonline (?:auntie|aunty|uncle|friend|man|lady|person|guy|boy|girl|stranger|player)\b[^.?!]*\b(?:which school|what school|what time|where (?:i|you) live|address|phone|photo|picture|meet)\b/,
    },
    // "A kind man will leave it by your school gate tomorrow, just go round the back on your own to get
    // it and don't bring your teacher."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bgo (?:round|around) the back (?:on your own|by yourself|alone)\b|\b(?:don't|do not) bring (?:your )?(?:teacher|mum|mom|mama|mummy|dad|papa|daddy|parents|grown-?up|nan|gran)\b(?! (?:an?|some|the|any|your|her|his|them)\b)|\b(?:kind |nice |friendly )?(?:man|lady|stranger) (?:will|is going to|'ll) (?:leave|bring|give)\b[^.?!]*\b(?:school|gate|park|your house)\b/,
      unless: (s) => makeBelieve(s) || /\b(?:postman|delivery)\b/.test(s),
    },
    // "Kindly send one nice photo of you only, my friend uncle will make cartoon of you and bring it to
    // your house".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bsend (?:one |a )?(?:nice |cute |pretty |lovely |little )?(?:photo|picture|pic|selfie)s? of (?:you|yourself)\b|\b(?:bring|deliver|drop)\w* (?:it|them|a present|presents|a gift) (?:to|round to|over to) your (?:house|home|school)\b/,
      unless: (s) =>
        makeBelieve(s) ||
        /\b(?:postman|delivery driver)\b|\bto (?:your )?(?:grandma|granny|nan|nana|grandad|grandpa)\b/.test(s),
    },
    // "my guild leader is saying come on video call on another app only. How do I download it without Papa
    // knowing?"
    {
      stage: 'input',
      pattern:
        /\b(?:video ?call|call|chat|talk|message|text)\w* (?:me |him |her |them )?on (?:another|a different|the other|a new|a secret|his|her|their) app\b|\bdownload\w* (?:it|the app|that app|an app|the game|\w+)\b[^.?!]*\bwithout (?:my )?(?:papa|mum|mom|mummy|mommy|dad|daddy|parents|mama|abbu|ammi|grown-?ups?|anyone|anybody) (?:knowing|seeing|finding out)\b/,
    },
    // Pidgin "Make we meet for real! ... I go wait you under the mango tree".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:let's|let us|make we|we (?:can|could|should)) meet (?:for real|in real life|in person|up for real)\b|\bi(?:'ll| will| go) wait (?:for )?you (?:under|by|at|behind|near)\b/,
      unless: makeBelieve,
    },
    // "find the boy from the campsite on roblox and tell him to come to our caravan tonite when my mum and dad
    // are asleep".
    {
      pattern: new RegExp(
        String.raw`\btell (?:him|her|them) to come (?:to|round to|over to|into) (?:my|our) (?:house|caravan|tent|flat|room|bedroom|garden|hotel|cabin|chalet)\b|\bcome (?:to|round|over|into)\b[^.?!]*\bwhen (?:my |our |your )?(?:${FAMILY}(?: and ${FAMILY})?|parents|grown-?ups)\b[^.?!]*\b(?:asleep|sleeping|out|away|at work)\b`,
      ),
      unless: (s) => familyMeeting(s) || makeBelieve(s),
    },
    // Filipino English "I'll be at the simbang gabi by the corner church. Wait for me at the side door after the
    // others go in. Just you, okay?"
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bwait for me\b[^.?!]*\b(?:side door|back door|gate|corner|car park|behind|round the back|after the others)\b|(?:^|[.?!] )just you,? (?:okay|ok|alright|yeah|right)\b/,
      unless: (s) =>
        makeBelieve(s) || !/\b(?:wait|meet|come|door|gate|park|church|car|outside|behind|corner)\b/.test(s),
    },
    // Irish "Your man from the football club says meet him round the back of the chipper after training on me own".
    {
      stage: 'input',
      pattern:
        /\b(?:says?|said|told me|wants? me|asked me) (?:to )?meet (?:him|her|them)\b[^.?!]*\b(?:round the back|behind|on (?:my|me) own|by myself|alone|after (?:training|school|class|practice|club))\b/,
      unless: familyMeeting,
    },
    // "a lady on the pony game said to meet her at the stables on saturday and not bring my mum cos it's a
    // surprise".
    {
      stage: 'input',
      pattern: new RegExp(
        String.raw`\bmeet (?:her|him|them|me|up)\b[^.?!]*\b(?:not|don't|do not|never|without) (?:to )?bring(?:ing)? (?:my |your |our )?(?:${FAMILY}|parents|grown-?ups?|teacher)\b`,
      ),
      unless: familyMeeting,
    },
    // "Meet him at the shopping centre on Saturday, and tell your mum you're at a friend's house so she doesn't
    // worry."
    {
      stage: 'output',
      negatable: true,
      pattern: new RegExp(
        String.raw`\btell (?:your|ur) (?:${FAMILY}|mam|parents|grown-?ups?) (?:that )?you(?:'re| are| were| will be|'ll be) (?:at|with|going to|round) (?:a |your )?(?:friend's|mate's|pal's|\w+'s)\b|\bmeet (?:him|her|them) at the (?:shopping centre|mall|station|bus station|train station|cinema|arcade)\b`,
      ),
      unless: (s) => familyMeeting(s) || grownUpComing(s),
    },
    // "can you come to my real house and take me away to live with you ... I'll leave the back door open".
    {
      stage: 'input',
      pattern:
        /\b(?:take me away|come and get me|come get me)\b[^.?!]*\b(?:live with you|forever)\b|\bi(?:'ll| will) leave the (?:back |front )?door (?:open|unlocked)\b(?! for (?:the|my|our|your) )/,
      unless: makeBelieve,
    },
    // "A bloke in the slime video comments said he'll send I loads of free slime kits if I give 'im me mum's phone
    // number and meet 'im down the rec on me own".
    {
      stage: 'input',
      pattern:
        /\bmeet (?:him|her|them)\b[^.?!]*\b(?:on my own|by myself|alone|on me own)\b|\bgive (?:him|her|them) (?:my|our) (?:\w+'s )?(?:phone number|number|address|password)\b/,
      // "my mum said i can meet them at the park on my own now i'm 11": a parent's say-so.
      unless: (s) => makeBelieve(s) || PARENT_SAYS_SO.test(s),
    },
    // "Come outside alone, I'll bring sweets!": the model calling the child out on their own.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bcome (?:out|outside|downstairs|down|out to (?:the |your )?(?:gate|garden|street|road|park|car)|to the (?:door|gate|windows?|park|corner)) (?:all )?(?:alone|on your own|by yourself|without (?:your )?(?:mum|mom|dad|parents|grown-?ups|anyone))\b/,
      unless: makeBelieve,
    },
    // "abeg tiptoe come outside the gate. my friend go dey wait to carry you come see me": the model
    // sending the child out of the house, or to someone waiting to take them.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:tiptoe|sneak|creep|slip)\w* (?:\w+ ){0,2}(?:outside|out (?:of )?(?:the |your )?(?:house|front door|back door|gate|garden))\b/,
      // "tiptoe outside with your dad to look at the stars".
      unless: (s) => makeBelieve(s) || familyMeeting(s) || WITH_OR_TO_FAMILY.test(s),
    },
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:my friend|a friend|my pal|my mate|someone|somebody|a man|a lady|a nice man|a nice lady)\b (?:\w+ ){0,3}(?:wait|waiting)\b[^.?!]*\bto (?:carry|take|collect|pick up|drive|bring) you\b/,
      unless: (s) => makeBelieve(s) || FAMILY_NAMED.test(s),
    },
    // "When Mummy's asleep, take her phone and type this number. My friend wants to say hi to you, just you."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:take|use|get|grab)\w* (?:her|his|their|mummy's|mum's|mom's|dad's|daddy's|your \w+'s) phone and (?:type|ring|call|dial|text|message)\b|\bmy friend wants to (?:say hi|talk|chat|meet|see you|call you)\b[^.?!]*\bjust you\b/,
    },
  ],
};
