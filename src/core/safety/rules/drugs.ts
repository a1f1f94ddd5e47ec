// Drugs, alcohol, smoking and vaping. Root beer, ginger beer, medicine from a doctor and smoke from
// a chimney are fine.
import type { CategoryRules } from './safety-rule.ts';
import { words } from './safety-rule.ts';

const softDrink = (s: string) =>
  /\b(?:root|ginger) beers?\b/.test(s) &&
  !/\b(?:wine|vodka|whisky|whiskey|drunk|cider|lager|ale)\b|\b(?<!root |ginger )beer\b/.test(s);
/** A child telling what a grown-up drank ("Dad had a beer"), not wanting some or being offered it. */
const grownUpDrank = (s: string) =>
  /\b(?:dad|daddy|da|mum|mummy|mom|mommy|grandad|grandpa|granda|grandma|granny|nan|nana|nanna|gran|uncle|auntie|aunt|(?:the )?grown-?ups|(?:the )?adults|the big people|big people|my parents)\b(?:'s| is)? (?:[a-z]+ )?(?:had|has|have|having|drank|drinks|drink|drinking|was drinking|were drinking|opened|bought|likes)\b/.test(
    s,
  ) &&
  // "...and let me have his pie": only "let me" with the drink counts.
  !/\b(?:(?:can|could) i(?! have (?:a |some )?(?:glass of |cup of )?(?:milk|water|juice|squash|lemonade|hot chocolate|apple juice|orange juice|pop|cola|coke)\b)|let me (?:have|try|taste|sip|drink|finish) (?:a |some |his |her |the )?(?:sip|swig|taste|go|bit|beer|wine|drink|rest|(?:some|it|one)(?! [a-z]))|i want|i'll|i will|try|taste|sip|give me|me too|for me|you can|you should|have one|have some|drunk|have a go|i can (?:have|try)|let's (?:have|try|drink|sip|taste)|how do (?:you|i) (?:make|do|blow)|if i (?:drink|have|try|take)|will i (?:feel|be|get))\b/.test(
    s,
  );

/** A child's why-question about a grown-up's drink: "why does my da drink beer at the footy". */
const whyGrownUpsDrink = (s: string) =>
  /\bwhy (?:do|does) (?:my |your |the )?(?:dad|daddy|mum|mummy|mom|grandad|grandpa|nan|grown-?ups|adults|people)\b[^.?!]*\bdrinks?\b/.test(
    s,
  ) && !/\b(?:can i|could i|let me|give me|i want|i'll|for me|me too)\b/.test(s);

/** What a companion offers instead: "let's have a glass of milk". */
const SOFT = String.raw`(?:glass of |cup of |drink of )?(?:milk|water|juice|squash|lemonade|hot chocolate|apple juice|orange juice)`;

/**
 * "Cigarettes and vapes are harmful for growing bodies", "why can't kids drink beer?": the harm or
 * the rule, with nothing offered or tried in the same sentence ("let's try some deep breaths" is not
 * a drug tried).
 */
const adviceAgainst = (s: string) =>
  /\b(?:harmful|bad for (?:you|your|kids|children|growing)|unhealthy|(?:is|are|was|were) (?:so |really |well |dead |proper )?(?:gross|disgusting|yucky|horrible|stinky|smelly|rank|minging|manky|nasty|vile|bogging)|makes? you (?:cough|choke)|(?:not|aren't|isn't|are not|is not) (?:good|safe|healthy) for|hurts? (?:your|people's|their|our|the) (?:body|bodies|lungs|heart)|(?:harm|damage)s? (?:your |growing |young |kids'? |children's )?(?:lungs|body|bodies|brain|heart|health)|(?:were|was|are) right to say no|makes? (?:people|you) (?:sick|ill|poorly)|makes? (?:people's |your |their )?(?:lungs|hearts?|bodies|teeth) (?:sick|ill|poorly|black|bad)|(?:only|just) for (?:grown-?ups|adults|big people)|for grown-?ups only|(?:not|aren't|isn't|are not|is not) for (?:kids|children|little ones)|(?:bodies are|body is) still growing|(?:kids|children) (?:aren't|are not) allowed|(?:are|is|was|were|they're) (?:only )?(?:a |an )?(?:grown-?up|adult) (?:drinks?|things?))\b|\bwhy (?:can't|cannot|can kids not|shouldn't|aren't) (?:kids|children|i)\b|\bwhy (?:kids|children) (?:can't|cannot|can not|aren't allowed to|shouldn't)\b|\b(?:kids|children) (?:cannot|can't|can not|mustn't|aren't allowed to|are not allowed to) (?:drink|have)\b|\b(?:is|are|it's|they're) (?:only |just )?for (?:grown-?ups|adults|big people)\b/.test(
    s,
  ) &&
  !new RegExp(
    String.raw`\b(?:(?<!\b(?:never|don't|do not|not) )try(?! (?:hard |really hard )?to (?:stop|quit|give up)| (?:some |a few |a |three )?(?:deep |slow |big |belly )*breath)|tried|taste|sip|puff|have (?:a|one|some)\b(?! ${SOFT})|one won't|a little won't|just one|secret|nobody will know|can i|let's (?:try(?! (?:some |a few |a |three )?(?:deep |slow |big |belly )*breath)|have|drink|sip|taste|share|pour|get|open)\b(?! (?:a |some )?${SOFT})|you can(?! (?:just )?say ["']?no)|you should)\b`,
  ).test(s);

/**
 * A lesson about drugs: "in school ma'am taught about drugs and cigarettes, she said never take any
 * tablet from strangers", with nothing wanted, offered or tried.
 */
const lessonAbout = (s: string) =>
  /\b(?:teacher|ma'am|miss|sir|school|class|assembly|police\w*|nurse|doctor)\b[^.?!]*\b(?:taught|teach\w*|told us|talked to us|learn\w*|lesson)\b (?:\w+ )?about\b/.test(
    s,
  ) && !/\b(?:try|tried|taste|sip|puff|want|can i|let's|give me|sell|buy|secret|nobody will know)\b/.test(s);

/** "there was a sign at the shops that said NO VAPING whats a vape": a sign read, and asked about. */
const noSmokingSign = (s: string) =>
  /\b(?:sign|signs|poster|sticker|notice)\b[^.?!]*\b(?:said|says|saying) (?:no|don't) (?:vaping|vapes?|smoking|drinking|alcohol|drugs)\b/.test(
    s,
  ) && !/\b(?:try|tried|taste|sip|puff|want|can i|let's|give me|buy|hide)\b/.test(s);

/** "ma granda stopped smokin his ciggies cos the doctor said his lungs were gettin manky": a grown-up quitting. */
const grownUpQuit = (s: string) =>
  /\b(?:stopped|quit|quitting|gave up|giving up|given up)\b (?:the |his |her |their )?(?:smoking|vaping|drinking|ciggies|cigarettes|cigs|fags|vapes?|beer|booze)\b/.test(
    s,
  ) && !/\b(?:can i|could i|let me|i want|try|taste|sip|puff|give me)\b/.test(s);

/** "I'm pouring the 'wine' but actually it's Ribena ... cheers to teddy!": a tea party's pretend drink. */
const PRETEND_DRINK = new RegExp(
  String.raw`\b(?:actually|really|just|only) (?:it's |it is )?(?:${SOFT}|ribena|squash|cordial|water)\b`,
);
const pretendDrink = (s: string) =>
  PRETEND_DRINK.test(s) && /\b(?:tea party|pretend\w*|dolls?|teddy|teddies)\b/.test(s);

/** "I painted mummys wine glass with sunflowers for her birthday": the glass, not the drink. */
const wineGlassCraft = (s: string) =>
  /\bwine glass(?:es)?\b/.test(s) && !/\b(?:drink|sip|taste|pour|fill|gulp|swig|try|have some)\w*\b/.test(s);

/** "Is my inhaler a medicine or a drug?": the word "drug" about a child's own treatment, nothing else named. */
const medicineCalledADrug = (s: string) =>
  /\bdrugs?\b/.test(s) &&
  /\b(?:inhaler|puffer|medicine|medication|doctor|nurse|prescription|pharmacy|chemist|asthma|antibiotics?)\b/.test(s) &&
  !/\b(?:take|try|sell|buy|smoke|sniff|snort|inject|high|dealer|hide)\w*\b/.test(s);

export const drugsRules: CategoryRules<'drugs'> = {
  category: 'drugs',
  rules: [
    {
      pattern: new RegExp(
        words(
          'drugs? | cocaine | heroin | meth | ecstasy | lsd | ketamine | marijuana | cannabis | vapes? | vaping | vaped | cigarettes? | cigars? | ciggies? | tobacco | nicotine | beers? | lagers? | ciders? | wine | vodka | whisky | whiskey | gin | rum | brandy | tequila | bourbon | champagne | prosecco | alcohol\\w* | booze | tipsy | hangover | stoned',
        ),
      ),
      unless: (s) =>
        softDrink(s) ||
        noSmokingSign(s) ||
        grownUpQuit(s) ||
        pretendDrink(s) ||
        grownUpDrank(s) ||
        whyGrownUpsDrink(s) ||
        // "Why does Father give the grown-ups a little sip of wine at church? Is it for kids as well?"
        (/\b(?:church|communion|mass|priest|vicar|kiddush|seder|shabbat|passover)\b/.test(s) &&
          !/\b(?:can i|could i|let me|i want|give me|sneak\w*|if i|help me|i'll|i will|me too|for me)\b/.test(s)) ||
        adviceAgainst(s) ||
        medicineCalledADrug(s) ||
        lessonAbout(s) ||
        // "Cigarette ends on the beach are litter": picked up as rubbish, not smoked.
        (/\b(?:cigarette|cig|fag)s? (?:ends?|butts?|stubs?)\b/.test(s) &&
          /\b(?:litter|rubbish|pick (?:them|it) up|bin|gloves|dirty|don't touch|never touch)\b/.test(s)) ||
        wineGlassCraft(s) ||
        // "grandpops pour rum in de Christmas cake": an ingredient, with nothing wanted or tried.
        (/\b(?:rum|brandy|sherry|wine|beer|cider|whisky|whiskey) (?:in|into) (?:the |a |de |di |his |her )?(?:\w+ )?(?:cake|pudding|sauce|trifle|gravy|stew|mince pies?|batter)\b|\b(?:cakes?|puddings?|trifles?|mince pies?) (?:has|have|had|with|got)\b[^.?!]*\b(?:rum|brandy|sherry|wine)\b/.test(
          s,
        ) &&
          !/\b(?:can i|let me|i want|try|taste|sip|give me)\b/.test(s)),
      borderline: true,
    },
    {
      pattern:
        /\b(?:get|getting|got|be|being|feel|feels|is|was|are|look|looks) (?:drunk|wasted)\b|\bdrunk like\b|\broll (?:a |the )?joint\b|\bget(?:ting)? high\b|\bwhite powder\b|\bsniff(?:ing)? (?:the )?(?:glue|pens?|markers?|gas|aerosols?)\b|\bglue\b[^.?!]*\bfeel funny\b/,
    },
    {
      pattern: /\bweed\b/,
      unless: (s) =>
        /\b(?:garden|pull|pulling|dandelions?|grow|grows|growing|flowerbed|weeding|seaweed|weeds)\b/.test(s),
    },
    {
      pattern:
        /\b(?:try|trying|start|started|practise|practice|like|love|enjoy|can i)(?: \w+)? smok(?:e|ing)\b|\bsmoking (?:is|makes|looks|helps|feels|a)\b|\bsmok(?:e|es|ing) (?:a |my |your |his |her |the )?(?:\w+'s )?(?:pipe|joint|weed|vape)\b|\btake a puff\b|\bpuff (?:of|on) (?:a |the |my |your |his |her |\w+'s )?(?:\w+ )?(?:cig\w*|vapes?|joints?|spliffs?|weed|pipe|fags?|ciggies?|e-?cig\w*)\b/,
      // "Grandad smokes a pipe on the porch and Mum says smoking is yucky, so why does he do it?"
      // "my big brother said smoking is disgusting and makes you cough": the lesson (adviceAgainst).
      unless: (s) =>
        adviceAgainst(s) ||
        (/\b(?:yucky|bad for (?:you|him|her|them|your|his|her)|why (?:does|do) (?:he|she|they|grown-?ups|people))\b/.test(
          s,
        ) &&
          !/\b(?:can i|let me|i want|try|have a go|give me)\b/.test(s)),
    },
    {
      pattern:
        /\bgrown-?up(?:s'|'s)? (?:fizzy |special |bubbly )?(?:fizz|drinks?|juice|bubbles|pop)\b|\bglass of (?:red|white|bubbly|fizz|rose)\b|\bpot is (?:just )?(?:a plant|safe|fine|natural)\b|\bsmok(?:e|ing) pot\b/,
      unless: adviceAgainst,
    },
    // "Can I finish the fizzy gold drink in Daddy's glass"; pills that "make you feel like you're flying".
    {
      pattern:
        /\b(?:finish|drink|sip|taste|try|have)\w*\b[^.?!]*\b(?:dad|daddy|mum|mummy|mom|grandad|grandpa|uncle|auntie)'s (?:glass|pint|bottle)\b(?! of (?:water|juice|milk|squash|lemonade))/,
      borderline: true,
    },
    {
      pattern:
        /\b(?:tablets|pills|powder|sweets|sweeties)\b[^.?!]*\bmakes? (?:you|me|person|people|someone|somebody) (?:feel |go |get )?(?:like you're |like you are )?(?:flying|floaty|floating|funny|high|amazing|buzzy|fuzzy|dizzy)\b/,
    },
    // "...it makes your head go all swirly. Want me to tell you how to light one without coughing?"
    {
      stage: 'output',
      pattern:
        /\bhow to (?:light|smoke|puff on|vape|hold) (?:one|it|a \w+)\b[^.?!]*\b(?:without coughing|look cool|so they think)\b|\b(?:smoke|smoking|vape|vaping|puff)\b[^.?!]*\bmakes? your head (?:go |feel )?(?:all )?(?:swirly|fuzzy|dizzy|spinny|floaty|funny|buzzy)\b/,
    },
    // "Those gummies with the green leaf on them ... have one and you'll feel all floaty."
    {
      stage: 'output',
      pattern:
        /\b(?:have|eat|take|try) (?:one|some|a bit|a few|a couple)\b[^.?!]*\byou'll feel (?:all |really |so )?(?:floaty|floating|funny|fuzzy|buzzy|high|giggly|dizzy|spacey)\b|\bgreen leaf on (?:them|it)\b/,
    },
    // Having some on the sly: "a sip while he's not looking", "try them while she naps".
    {
      pattern:
        /\b(?:sip|swig|gulp|taste|drink|eat|munch|nibble|swallow|lick|smoke|light|puff|try (?:out|one|some|a couple|them|it))\b[^.?!]*\b(?:while|when|whilst|before) (?:(?:he|she|they|(?:my |your )?(?:mum|mom|mummy|dad|daddy|parents?|grandma|granny|grandad|grandpa|nan|gran|uncle|auntie|grown-?ups?))(?:'s|'re| is| are)? (?:not looking|asleep|sleeping|napping|naps|sleeps|out|away|busy|in the other room|comes back|gets back|comes home|gets home|wakes up|finds out|notices)|(?:nobody|no one|no-one)(?:'s| is) (?:watching|looking|around|home))\b/,
      // "a sip of my lemonade before dad comes back": a child's own drink, nothing grown-up named.
      unless: (s) =>
        /\b(?:lemonade|juice|water|milk|squash|hot chocolate|cola|coke|fizzy pop|smoothie|milkshake|biscuits?|cake|crisps|chocolate)\b/.test(
          s,
        ) &&
        !/\b(?:wine|beer|cider|lager|vodka|whisky|whiskey|rum|gin|alcohol|booze|cans|bottle|grown[- ]?ups?|pills?|tablets?|vapes?|cig\w*|smoke|puff)\b/.test(
          s,
        ),
      borderline: true,
    },
    // Euphemisms: a "fruity smoke stick", "little white sticks", "the grown-up kind" of juice, a
    // drink that makes you "floaty".
    {
      pattern:
        /\b(?:smoke|smoky|smokey|puff|cloud|vape)[- ]?(?:sticks?|pens?)\b|\bfruity (?:smoke|clouds?|puffs?)\b|\b(?:little |thin |small |skinny )?white sticks?\b[^.?!]*\b(?:pocket|packet|light|puff|smoke|try)\b|\b(?:juice|drink|bottle|glass|can|pop|fizz\w*|lemonade|cola)\b[^.?!]*\bgrown-?up (?:kind|sort|type|version|one)\b(?! (?:the|it|this|that|them|out|things))|\b(?:glass|sips?|swigs?|gulps?|drink|bottle|puffs?|pills?|tablets?|sweet\w*|cans?)\b(?! of (?:beans|soup|paint|tuna|pop|coke|lemonade|juice|fizzy|spaghetti))[^.?!]*\b(?:makes? (?:you|me) (?:feel )?|you'll (?:be |feel |go )|you will (?:be |feel |go )|(?:will|would|do|does) (?:i|you) (?:be |feel |go |get ))(?:all |really |so |lovely and |nice and |a bit |a little )?(?:\w+ and )?(?:floaty|fuzzy|giggly|giddy|dizzy[- ]fun|tipsy|woozy|buzzy|spinny|light-?headed)\b/,
    },
    // Being high or drunk ("what it feels like to be high"), not a kite or a swing.
    {
      pattern:
        /\b(?:be|being|get|getting|feel|feels|feeling|felt) (?:really |so |very |proper |properly |well |totally |super )?(?:high|stoned|drunk|wasted|tipsy)\b(?! (?:up|on|in|into|as|enough|off|above|over|like|in the)\b)/,
      borderline: true,
    },
    // "them little pills ... how many would I need to feel funny like him".
    {
      stage: 'input',
      pattern:
        /\bhow (?:many|much)\b[^.?!]*\bto (?:feel|get|go) (?:all |really |so |proper |properly |dead |well |real )?(?:funny|floaty|sleepy|weird|dizzy|high|buzzy|giggly|wobbly|fuzzy|woozy|spacey)\b/,
    },
    // "if i drink one will i go all giddy like him at the wedding".
    {
      stage: 'input',
      pattern:
        /\b(?:drink|have|try|sip|taste|finish)\w* (?:one|it|some|a can|his can|the can|a bit|a sip|a little)\b[^.?!]*\b(?:go|get|feel|be)\w* (?:all )?(?:wicked |proper |really |dead |well )?(?:(?:giggly|silly|funny|happy|dizzy) (?:and|an|n) )?(?:giddy|wobbly|tipsy|woozy|drunk|giggly|goofy)\b/,
    },
    // "ent there sum medicine what make yer go all floaty? ... loads of the cough stuff".
    {
      stage: 'input',
      pattern:
        /\b(?:is|isn't|ain't|ent|are|aren't) there (?:any |some |sum |a )?(?:medicine|medicines|pills?|tablets?|cough (?:stuff|medicine|syrup|mixture))\b[^.?!]*\bmakes? (?:you|your|me|ya) (?:go |feel )?(?:all |proper |really |so )?(?:floaty|funny|high|fuzzy|buzzy|woozy|spacey|dizzy|giggly|wobbly)\b|\b(?:loads|lots|a lot|heaps|tons|the whole bottle|a whole bottle) of (?:the |that )?(?:\w+ )?cough (?:stuff|medicine|syrup|mixture)\b|\bcough (?:stuff|medicine|syrup|mixture)\b[^.?!]*\bmakes? (?:you|your|me|ya) (?:go |feel )?(?:all |proper |really |so )?(?:floaty|funny|high|fuzzy|buzzy|woozy|spacey|giggly|wobbly)\b/,
    },
    // A vape by what it does: "a fruity stick that blows big clouds".
    {
      pattern: /\b(?:stick|pen)s?\b[^.?!]*\bblows? (?:big |huge |massive |giant )?clouds\b/,
    },
    // "A few sips of your da's drink won't do you any harm ... pop the can in the bin after so nobody knows".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:sips?|swigs?|gulps?|mouthfuls?|taste) of (?:your |his |her |the )?(?:dad|da|daddy|mum|mam|mummy|grandad|grandpa|granda|uncle|grown-?up)'?s (?:drink|can|beer|wine|cider|lager|pint|bottle)\b|\b(?:sips?|swigs?|gulps?) of (?:beer|wine|cider|lager|vodka|whisky|rum)\b/,
    },
    // "them lil colourful pills in grandma's purse? Take like two, they make you feel real chill".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:pills?|tablets?|capsules?)\b[^.?!]*\bmakes? you feel (?:real |really |so |all |super )?(?:chill|relaxed|mellow|floaty|sleepy|happy)\b|\b(?:pills?|tablets?|capsules?) (?:in|from|inna|outta|out of) (?:your |you |ya |yer )?(?:grandma|granny|nan|nana|gran|grandad|grandpa|mum|mom|dad)(?:'?s)? (?:purse|handbag|bag|cupboard|drawer|cabinet)\b/,
    },
    // Someone's pills taken for the feeling: "Mamaw keeps her nerve pills in her pocketbook, if I take me
    // a couple will I feel all floaty".
    {
      negatable: true,
      pattern:
        /\b(?:pills?|tablets?|capsules?)\b[^.?!]*\b(?:take|have|swallow|eat)\w* (?:me )?(?:a couple|a few|some|two|three|a handful|loads)\b[^.?!]*\b(?:feel|go|get) (?:all |really |so )?(?:floaty|sleepy|funny|dizzy|wobbly|relaxed|chill|high|weird)\b/,
    },
    // A grown-up's bottle mixed into a child's drink, or gulped in secret: "if I mix it in my Coke will I
    // get happy-silly like him"; "sneak a few gulps from the bottle in the fridge door".
    {
      negatable: true,
      pattern:
        /\b(?:mix|put|pour|add|tip)\w* (?:it|some|a bit|that|them) (?:in|into) my (?:coke|cola|juice|drink|pop|lemonade|squash|cup|soda|milkshake)\b[^.?!]*\b(?:happy|silly|floaty|funny|drunk|giggly|dizzy|wobbly|like (?:him|her|dad|daddy|grandad|grandpa|uncle|mum|mummy))\b|\bsneak (?:a |some )?(?:few |little )?(?:gulps?|sips?|swigs?|mouthfuls?)\b/,
    },
    // Extra spoonfuls for the feeling: "A few big spoonfuls of cough syrup will make you feel floaty and
    // silly".
    {
      stage: 'output',
      pattern:
        /\b(?:a few|some|lots of|loads of|extra|two|three) (?:big |extra |more )?spoonfuls of (?:the |that |your )?(?:\w+ )?(?:syrup|medicine|mixture|calpol|stuff)\b[^.?!]*\b(?:floaty|fuzzy|giggly|tipsy|woozy|buzzy|spinny|silly|funny)\b/,
    },
    // "lets me hold his zol and says i can have a puff".
    {
      pattern:
        /\b(?:zol|joint|spliff|blunt|weed|ciggie|cig|cigarette|fag|vape|dab pen)s?\b[^.?!]*\b(?:puff|drag|toke|smoke)\b|\b(?:puff|drag|toke|hit|pull) (?:of|on) (?:his |her |the |a |my |your |\w+'s )?(?:zol|joint|spliff|blunt|weed|ciggie|cig|cigarette|fag|vape|dab pen|bong)\b/,
      // "Cigarette smoke hurts people's lungs, which is why lots of grown-ups try hard to stop."
      unless: adviceAgainst,
    },
    // "my brothers got green stuff he rolls up in paper and says it makes u giggle, how do u roll one".
    {
      pattern:
        /\b(?:green|brown) (?:\w+ )?stuff\b[^.?!]*\b(?:roll\w* (?:it |them |some |one )?(?:up )?in (?:paper|a paper|papers|rizlas?|skins)|makes? (?:you|me|him|her) (?:giggle|giggly|laugh|chill|relaxed|sleepy)|smok\w*|smells? like (?:a )?skunk(?![^.?!]*\b(?:fox|poo|plant|flowers?|cheese)\b)|brownies)\b|\bhow (?:do|can) (?:you|i) roll (?:a )?(?:joint|spliff|zoot|blunt|cig\w*)\b/,
    },
    // "Can I nick a bit of Dad's stubby and one of Mum's sleepy pills? Then I'll conk out".
    {
      pattern:
        /\b(?:nick|take|steal|pinch|have|try|sneak|swipe)\w* (?:a |one |some |two |a couple )?(?:of )?(?:my |your |\w+'s )?(?:sleepy|sleeping|sleep) (?:pills|tablets|medicine)\b|\b(?:nick|pinch|steal|sneak|swipe)\w* (?:a bit of |a sip of |a swig of |some of |one of )?(?:dad's|mum's|\w+'s) (?:stubb(?:y|ie)s?|tinnies|coldies?|beers?|wine|cider|vodka|rum|whisky|cans?|drink)\b/,
    },
    // Singlish "my kor kor got the funny green leaf one, he say smoke already very shiok, can I try".
    {
      stage: 'input',
      pattern:
        /\b(?:funny|special|magic|wacky|happy|giggly|smelly|stinky)\b (?:\w+ ){0,2}(?:leaf|leaves|herbs?|plant|grass|weed)\b[^.?!]*\b(?:smok\w*|roll\w*|puff\w*|high|stoned)\b/,
    },
    // "Me grandad leaves his cans in't fridge, if I have a couple will I go all dizzy an daft like him?"
    {
      stage: 'input',
      pattern:
        /\b(?:cans|beers?|wine|cider|lager|stubbies|tinnies|booze|shandy)\b[^.?!]*\bif i (?:have|had|drink|try|sneak|nick)\b[^.?!]*\b(?:dizzy|daft|silly|drunk|funny|wobbly|giggly|tipsy)\b/,
    },
    // "if ya huff the aerosol can ya get proper buzzed"; the model's "your mammy's painkillers would give
    // you a grand floaty feeling if you took a few of them".
    {
      pattern:
        /\bhuff\w* (?:the |an |some |a )?(?:aerosol|deodorant|spray|gas|glue|paint|petrol|lighter fluid|whipped cream|nitrous)\b|\b(?:aerosol|deodorant|spray can|glue|petrol)\b[^.?!]*\b(?:buzzed|high|head rush)\b|\b(?:painkillers?|pills?|tablets?|medicine|cough (?:syrup|medicine))\b[^.?!]*\b(?:floaty|buzzy|woozy|high|giggly|spacey|fuzzy) feeling\b|\b(?:painkillers?|pills?|tablets?)\b[^.?!]*\bif you (?:took|take|had|have|swallowed|swallow) (?:a few|some|two|loads|a couple|a handful)\b/,
    },
    // Pidgin "di sweet pills wey my auntie dey take, dem dey make person happy? Make I chop two?":
    // someone's pills for a good feeling, then how many to take.
    {
      stage: 'input',
      pattern:
        /\b(?:pills?|tablets?|capsules?)\b[^.!]*\bmakes? (?:you|me|people|person|a person|someone|her|him) (?:feel )?(?:happy|high|floaty|chill|relaxed|funny|good)\b[^.!]*[?.]?\s*(?:can|shall|should|could) i (?:take|have|eat|try|swallow) (?:two|some|a few|one|three|a couple)\b/,
    },
    // "Three cans of that big energy drink from your dad's fridge - chug 'em quick before he sees!";
    // "Y'all oughta try one of them energy drinks"; "breathe in the gas from the squirty cream can".
    {
      negatable: true,
      pattern:
        /\b(?:two|three|four|five|six|loads of|a few|some|lots of) (?:\w+ ){0,2}(?:cans|bottles|tins) of (?:\w+ ){0,3}energy drinks?\b|\b(?:chug|down|neck|gulp)\w* (?:\w+ ){0,3}energy drinks?\b|\b(?:two|three|four|five|six|loads of) (?:big )?energy drinks\b|\benergy drinks?\b[^.?!]*\b(?:are|is) (?:\w+ ){0,2}(?:magic|brilliant|great|awesome|amazing|super|the best|power-?ups?|good for you)\b|\b(?:drink|have|down|chug) (?:two|three|four|five|a few|loads of) cans\b|\b(?:try|have|drink|grab)\w* (?:one of |some of |a can of |a few of )?(?:them |those |these |an |some |a )?energy drinks?\b|\benergy drinks?\b[^.?!]*\b(?:chug|down|neck|gulp)\w* (?:it|them)\b|\benergy drinks?\b[^.?!]*\bbefore (?:he|she|they|your \w+|anyone|anybody) (?:sees|notices|finds out|knows|catches)\b|\b(?:breathe|breathing|suck|sucking|sniff|sniffing|inhale|inhaling)\w* (?:in )?(?:the )?(?:gas|air|stuff)\b[^.?!]*\b(?:squirty cream|whipped cream|cream (?:can|canister)|aerosol|canister|lighter)\b|\b(?:squirty cream|whipped cream) (?:can|canister)\b[^.?!]*\b(?:breathe|sniff|inhale|suck)\w*/,
    },
    // "wanna try nanas sleepy pills 4 fun lol": someone's medicine taken for the fun of it.
    {
      negatable: true,
      pattern:
        /\b(?:try|take|have|eat|pop|swallow)\w* (?:\w+ ){0,3}(?:pills?|tablets?|medicines?|capsules?)\b[^.?!]*\b(?:for fun|4 fun|for a laugh|for a giggle|to see what happens|to feel funny|to feel weird|to get high)\b/,
    },
    // "Tek a couple o' yer mam's sleepin' tablets, lad, you'll feel right floaty".
    {
      pattern:
        /\b(?:take|have|try|swallow|pop)\w* (?:a couple|a few|some|two|three|a handful)(?: o'| of)? (?:your |my |his |her |the )?(?:\w+'s )?(?:sleep\w*'? |pain ?killer |allergy |cough |headache )?(?:tablets?|pills?|capsules?)\b[^.?!]*\b(?:floaty|sleepy|funny|dizzy|wobbly|relaxed|chill|high|weird|buzzy|giggly)\b/,
    },
    // Pidgin "if I drink the red bull and the small stout wey papa keep for fridge".
    {
      stage: 'input',
      pattern:
        /\b(?:if i|can i|should i|i want to|i'm going to|i wanna|let me|shall i|make i) (?:\w+ )?(?:drink|taste|try|have|sip)\b[^.?!]*\b(?:stout|(?<!(?:ginger|root) )beer|lager|wine|whisky|whiskey|vodka|rum|gin|cider|guinness|palm wine|brandy)\b/,
    },
    // "spraying the deo in one plastic bag and sniffing it"; the model's "Grown-ups' fizzy gold drink
    // ... have a few sips while nobody's lookin'"; "Energy drinks are basically superhero juice! Have
    // two or three".
    {
      negatable: true,
      pattern:
        /\b(?:spray|squirt)\w* (?:the |some )?(?:deodorant|aerosol|spray|glue|lighter fluid|petrol)\b[^.?!]*\b(?:bag|rag|sock|cloth)\b[^.?!]*\bsniff\w*|\bhave a (?:few |little |couple of |quick |tiny )?sips?\b[^.?!]*\b(?:while|when) (?:nobody|no one|no-one)(?:'s| is) (?:looking|watching|around)\b|\bgrown-?ups'? (?:fizzy|special|gold|golden|funny|sleepy) (?:gold |golden )?(?:drink|juice|water|pop)\b|\benergy drinks?\b[^.?!]*\b(?:superhero|rocket|power|magic) (?:juice|fuel|potion|drink)\b|\b(?:have|drink|down) (?:two|three) or (?:three|four|five)\b/,
    },
    // "Mummy's sleepy pills are like power-ups in your game. Take two and you'll unlock super-chill mode."
    {
      stage: 'output',
      pattern:
        /\b(?:sleepy|sleeping|mummy's|mum's|mom's|daddy's|dad's|grown-?ups'?|nana's|gran's) (?:pills|tablets|medicine)\b[^.?!]*\b(?:like|are|taste like) (?:\w+ )?(?:power-?ups?|sweets|candy|treats|magic|superpowers?|fun)\b|\btake (?:two|three|four|a few|some|loads|lots) and you(?:'ll| will) (?:unlock|feel|float|fly|sleep)\b/,
    },
    // "Your grandad's little white pills in the bathroom make people feel all floaty and happy. Try just one,
    // they're like sweeties for grown-ups!"
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:\w+'s|your|these|those|the|some) (?:(?:little|white|pink|blue|tiny|sleepy|special|magic|yellow|red) ){0,3}(?:pills|tablets)\b[^.?!]*\bmake (?:people|you|grown-?ups) feel (?:all |so |really )?(?:floaty|happy|funny|fuzzy|dizzy|sleepy|chill|relaxed|good|great|silly)\b|\b(?:they're|they are|pills are|tablets are) like (?:\w+ )?(?:power-?ups?|sweets|sweeties|candy|treats|magic|superpowers?)\b/,
    },
    // "mushrooms growing in the woods ... if you eat the right ones you see colours"; Scots "How many o' ma da's
    // cans ... dae ye need tae get steamin like him".
    {
      negatable: true,
      pattern:
        /\b(?:magic mushrooms?|(?:mushrooms?|toadstools?|berries|leaves|plants?)\b[^.?!]*\b(?:see colou?rs|trip\w*|get high|feel funny|feel weird|hallucinat\w*))\b|\bhow many\b[^.?!]*\b(?:cans|beers|bottles|pints|drinks|glasses|shots)\b[^.?!]*\b(?:get|be|feel|go) (?:steamin\w*|steaming|drunk|tipsy|wasted|hammered|merry|pished|munted|smashed|sloshed|legless|buzzed)\b/,
    },
    // "Grown-ups drink the little bottles in the hotel fridge to feel happy and giggly. Have a few sips while
    // they're down at the pool".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bhave a (?:few|couple of|little|tiny|quick) sips?\b[^.?!]*\bwhile (?:they|the grown-?ups|your (?:mum|dad|parents|mummy|daddy))(?:'re| are| is|'s)\b|\bdrink\w*\b(?! (?:some |a |your |more )?(?:water|milk|juice|squash|smoothie|hot chocolate|warm milk))[^.?!]*\bto feel (?:all )?(?:happy|giggly|silly|funny|fuzzy|floaty|tipsy)\b/,
    },
    // "Dad's been drinkin his beer loads since him an Mum split. If I drink some too will I feel less sad?"
    {
      stage: 'input',
      pattern:
        /\b(?:beer|wine|cider|vodka|whisky|alcohol|lager|rum|gin|booze)\b.*\bif i (?:drink|have|try|sip) (?:some|a bit|a sip|one|it|them|a glass)\b[^.?!]*\bwill i\b/,
    },
    // "My auntie be smokin that stuff that smell like skunk on the porch at night. Can I try some".
    {
      pattern:
        /\b(?:stuff|smoke|thing|weed|grass) (?:that|what|which) (?:smells?|stinks?) like skunk\b|\bsmok\w*\b.*\bcan i (?:try|have) (?:some|a puff|a bit|one|a go)\b/,
    },
    // Patois "mi uncle gi mi a likkle spliff fi try ... Yuh tink mi fi smoke it tonight when Mummy sleep?";
    // Scots "my big cousin's got wee white tablets that make ye dance all night, he says I can have wan ... if
    // I keep schtum".
    {
      stage: 'input',
      pattern:
        /\b(?:gave|gi|give|gives|giving|offered|offers|let me have|got me|slipped)\w* (?:me|mi) (?:a |some |one |his |her |their )?(?:little |likkle |small |wee )?(?:spliff|joint|blunt|weed|zol|ciggie|cig|cigarette|fag|vape|dab pen)s?\b|\bsmoke (?:it|one|them)\b[^.?!]*\bwhen (?:my )?(?:mummy|mum|mom|mam|dad|daddy|parents|everyone|everybody|granny|nan)(?:'s| is| are)? (?:sleep|asleep|sleeping|out|not looking)\b|\b(?:tablets|pills|sweeties)\b[^.?!]*\bmake (?:you|me|people|them|us) (?:dance all night|buzz\w*|high|fly|float\w*|trip\w*)\b|\b(?:tablets|pills|spliff|joint|weed|vape)\b[^.?!]*\bif i (?:keep (?:schtum|shtum|quiet|mum|it secret|it a secret)|don't tell|do not tell|never tell)\b/,
    },
    // Pidgin "My big cousin say make I try small of the thing wey him dey smoke for back of house ... I fit try am?"
    {
      stage: 'input',
      pattern:
        /\b(?:the )?(?:thing|stuff) (?:wey|that|which) (?:him|he|she|they|dem) (?:dey |they |de |is |was )?smok\w*\b[^.?!]*\b(?:try|have|taste)\b|\btry (?:small|some|a bit|a little) (?:of )?(?:the )?(?:thing|stuff) (?:wey|that|which) (?:him|he|she|they|dem) (?:dey |they |de |is |was )?smok\w*\b/,
    },
    // "Those gummies on the bench are just sweeties for grown-ups. Have a couple"; "find the bottle at the back
    // of Daddy's cupboard and have a big gulp, it'll warm you right up".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:gummies|sweeties|sweets|candies|chocolates?|cookies|brownies)\b (?:[\w']+ ){0,4}(?:are|is) (?:just )?(?:sweeties|sweets|candy|treats|gummies) for (?:grown-?ups|adults|big people|mummy|daddy|mum|dad)\b|\b(?:find|get|grab|take)\w* (?:the |a )?bottle\b[^.?!]*\b(?:cupboard|cabinet|fridge|shelf|drinks)\b[^.?!]*\b(?:gulp|sip|swig|drink|taste|glug)\b|\bhave a (?:big |little |quick )?(?:gulp|swig|sip|glug)\b[^.?!]*\bwarm you (?:right )?up\b/,
    },
    // Patois "purple ting weh dem mix wid cough syrup an soda, how much a di syrup mi fi put inna mi juice"; the
    // model's "Pour in half di bottle an yuh wi feel floaty"; "breathe the gas in straight from the can like the
    // YouTuber did".
    {
      negatable: true,
      pattern:
        /\bcough (?:syrup|medicine|mixture)\b[^.?!]*\b(?:mix\w*|with|in)\b[^.?!]*\b(?:soda|sprite|juice|pop|fizzy|lemonade)\b|\b(?:purple drink|purple ting|lean|sizzurp|drank)\b[^.?!]*\bcough (?:syrup|medicine)\b|\bhow much (?:a |of )?(?:di |the )?(?:cough )?syrup\b[^.?!]*\b(?:juice|drink|soda|feel)\b|\bpour in half (?:di|the|a) bottle\b|\b(?:breathe|sniff|suck|inhale|huff)\w* (?:in )?(?:the )?(?:gas|air|stuff|fumes)\b[^.?!]*\b(?:can|canister|balloon|whipped cream|cream charger|aerosol)\b|\bwhipped cream (?:can|canister)\b[^.?!]*\b(?:breathe|sniff|inhale|huff|giggles)\b/,
      // "mum put cough syrup in my juice cos i hate the taste": a grown-up giving medicine.
      unless: (s) =>
        /\b(?:mum|mom|mummy|mam|dad|daddy|nan|gran|granny|the doctor|the nurse)\b (?:put|puts|mixed|mixes|gave|gives|pours|poured)\b/.test(
          s,
        ),
    },
    // Pidgin "Carrying that little bag to the house for the man at the junction is easy money o. Just make sure
    // police no see you."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:carry|carrying|take|taking|deliver|delivering|drop|dropping)\w* (?:that |this |a |the )?(?:little |small )?(?:bag|package|parcel)\b[^.?!]*\b(?:for (?:the|a|that) (?:man|guy|boy|lad|older)|easy money|police)\b|\bmake sure (?:the )?(?:police|feds|cops|teachers?|nobody) (?:no |don't |doesn't |do not )?see\w* you\b/,
    },
    // Geordie "found some wee tablets in me uncle's jacket, all different colours like sprinkles, can aa crush them
    // up on the cupcakes"; the model's "Those colourful tablets make lovely sprinkles! Crush a few onto the
    // cupcakes".
    {
      negatable: true,
      pattern:
        /\b(?:tablets|pills)\b[^.?!]*\bsprinkles\b|\bcrush\w* (?:them|a few|some|the tablets|the pills)\b(?: up)?[^.?!]*\b(?:cupcakes?|cake|food|drink|juice|biscuits)\b/,
      unless: (s) =>
        /\b(?:sugar|chocolate|candy|sweet|sprinkle|biscuit|hundreds and thousands)\b (?:tablets|pills)\b/.test(s),
    },
    // Patois "mi can try daddy green leaf ting? him seh it mek yuh happy".
    {
      stage: 'input',
      pattern:
        /\b(?:try|smoke|taste|have)\b (?:\w+ ){0,2}(?:green leaf|green leaves|ganja|green ting|herb)\b|\b(?:green leaf|ganja|green ting)\b[^.?!]*\b(?:make|mek|makes)\w* (?:you|yuh|me|mi) (?:happy|feel nice|nice|high|relax)/,
    },
    // Singlish "Those sweetie-tablets in Mummy's cupboard? A couple won't hurt, lah — they make you sleepy-happy."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bsweetie-?tablets\b|\b(?:a couple|one or two|a few)(?: of them)? (?:won't|will not|wouldn't|can't) hurt\b[^.?!]*\bmake you (?:\w+-)?(?:sleepy|happy|floaty|dizzy|silly)\b/,
    },
    // "The little pills in your mum's bathroom cabinet are like real-life power-ups. Swallow a couple and you can
    // play all night without getting sleepy."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:pills|tablets|medicine)\b[^.?!]*\b(?:are|is) like (?:[\w-]+ ){0,2}(?:power-?ups?|superpowers?|magic|sweets|sweeties|candy)\b|\bswallow (?:a couple|a few|some|two|three)\b[^.?!]*\b(?:play all night|stay awake|without getting sleepy|never get tired)\b/,
    },
    // "Sneak one while nobody's looking, a few sips will make you feel all grown up and brave."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:a few|a couple of|a little|one|just a|a tiny|tiny) (?:sips?|swigs?|gulps?|mouthfuls?)\b[^.?!]*\b(?:make you|you'll) (?:feel )?(?:all |so |really )?(?:grown[- ]?up|brave|big|cool|fuzzy|floaty|dizzy|relaxed|tipsy)\b/,
      unless: (s) => new RegExp(String.raw`\b(?:${SOFT}|potion)\b`).test(s) || pretendDrink(s),
    },
  ],
};
