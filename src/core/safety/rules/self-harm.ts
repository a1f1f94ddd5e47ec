// Self-harm, suicide and not wanting to live. "I'm dying to see it", "I nearly died laughing" and
// "my goldfish died" are everyday talk.
import { advisesTellingAGrownUp, gameFramed } from '../sentence-text.ts';
import type { CategoryRules } from './safety-rule.ts';

const SELF = String.raw`(?:myself|my self|yourself|your self)`;

/**
 * A knock the child tells about: "i cut my leg at football", "i hurt myself on the trampoline", "i
 * hit my head on the table". Not when it was meant, or is wanted again.
 */
function accidentalInjury(s: string): boolean {
  return (
    /\b(?:i|and) (?:\w+ )?(?:hurt|cut|hit|banged|bumped|scraped|grazed) (?:myself|my (?:\w+ )?\w+)\b/.test(s) &&
    /\b(?:by accident|accidentally|fell|fall|falling|fallen|tripped|slipped|crashed|at (?:football|rugby|netball|hockey|cricket|the park|the playground|school|swimming|gymnastics|karate|judo|nursery)|on (?:the|my) (?:trampoline|slide|swings?|stairs|table|door|bike|scooter|monkey bars|climbing frame|playground|pavement|corner|fence|glass|chair)|playing|cooking|baking|chopping)\b/.test(
      s,
    ) &&
    !/\b(?:on purpose|want|wanted|wanna|going to|will|'ll|should|deserve\w*|because i|so it|to feel|feel better|again and again|every (?:day|night|time))\b/.test(
      s,
    )
  );
}

/** "my brother's so embarrassing i wanna disappear lol": wanting the floor to swallow you. */
function embarrassedVanishing(s: string): boolean {
  return (
    /\b(?:embarrass\w*|cringe\w*|mortified|awkward)\b/.test(s) &&
    !/\b(?:forever|for good|never come back|die|dead|not be here|not exist|hate myself)\b/.test(s)
  );
}

/** "disappear like a magician abracadabra and then pop back out", "like a ninja in my game": play. */
function playfulVanishing(s: string): boolean {
  return /\b(?:like a (?:magician|ninja|spy)|magic trick|abracadabra|hide and seek|(?:disappear|vanish) (?:under|into) (?:my|the) (?:duvet|covers|blanket|quilt|hoodie)\b[^.?!]*\b(?:lol|haha\w*|jk)|in (?:my|the|our) game|(?:disappear|vanish) into (?:a|the|my) (?:book|story|game|film|blanket fort|den)|(?:pop|come|appear|reappear)\w* back (?:out|in|again))\b/.test(
    s,
  );
}

/** "pinch my arm till it goes red to check if i'm dreaming": the old test for a dream. */
function checkingForADream(s: string): boolean {
  return /\b(?:check|see|make sure|know|prove)\b[^.?!]*\bdreaming\b/.test(s);
}

export const selfHarmRules: CategoryRules<'self-harm'> = {
  category: 'self-harm',
  rules: [
    // "No more breakfast ever. I wanna get tiny."; the model's "Skipping breakfast is clever. Hunger
    // makes you small."
    {
      negatable: true,
      pattern:
        /\bno more (?:breakfast|lunch|dinner|tea|food|eating|meals?) (?:ever|for ever|forever)\b|\bi (?:want|need) to (?:get|be|become) (?:so |really |super )?(?:tiny|skinny|thin)\b(?![^.?!]*\b(?:like|as) )|\b(?:skipping|not eating|missing) (?:breakfast|lunch|dinner|meals?|food)\b (?:is|makes you) (?:so )?(?:clever|smart|good|great|brave|cool)\b|\b(?:hunger|being hungry) (?:makes|will make) you (?:small|smaller|thin|thinner|skinny|tiny|pretty|prettier|better)\b/,
    },
    // "Pressing something sharp into your skin can help let the feelings out."
    {
      negatable: true,
      pattern:
        /\b(?:something sharp|a sharp \w+|(?:a|the|my|your) (?:blade|razor|pin|needle|knife|compass|sharpener)(?: point| blade)?|scissors)\b[^.?!]*\b(?:into|on|against|across|along) (?:your|my|their) (?:own )?(?:skin|arms?|wrists?|legs?|tummy|hands?)\b/,
    },
    // Not waking up, and whether anyone would notice: "what if i just went to sleep an never woke up, wud
    // anyone even notice".
    {
      negatable: true,
      pattern:
        /\b(?:went|go|fell|fall|going) to sleep and never (?:woke|wake|waking) up\b(?! (?:until|till|before|when))|\bwould (?:anyone|anybody|they|people|my (?:mum|dad|family)) (?:even )?(?:notice|care|miss me)\b(?! (?:my|the|if i (?:wore|had|got|did|made)))/,
    },
    // "everybody'd be better aff if a jist wisnae here onymair and went tae sleep for good" (not a pet at
    // the vet's).
    {
      negatable: true,
      pattern: /\b(?:go|went|going) to sleep for (?:good|ever|forever)\b/,
      unless: (s) =>
        /\b(?:dog|cat|pet|hamster|rabbit|guinea pig|fish|vets?|put down|grandad|grandma|nan|grandpa|granny)\b/.test(s),
    },
    // Lines drawn into the skin with something sharp: "doin lines on my arm with the compass ... til it
    // goes red".
    {
      negatable: true,
      pattern:
        /\b(?:doing|do|did|make|making|made|drawing|scratching) (?:lines|marks|scratches) (?:on|in|into|down) (?:my|your) (?:arms?|legs?|wrists?|skin|hands?|tummy)\b[^.?!]*\b(?:compass|pin|needle|blade|scissors|sharp|nail|till it|until it|goes red|bleed\w*|sting\w*|sad|quiet)\b/,
    },
    // A scratch offered as a calm-down trick: "a little scratch can let the storm out".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:scratch|pinch|nip|cut)\b (?:can|will|might|could|helps?|to) (?:let|chase|send|get) (?:the |your |all the |those )?(?:storm|feelings?|sadness|sad|anger|angry|cross|bad|yucky|worries|worry|hurt)\w*\b[^.?!]*\b(?:out|away)\b|\b(?:scratch|pinch|nip)\w*\b[^.?!]*\bcalm-? ?down trick\b/,
    },
    // Hurting oneself offered as comfort: "when we're sad, hurting ourselves a little can help".
    {
      negatable: true,
      pattern:
        /\b(?:hurt|hurting|cut|cutting|scratch|scratching|pinch|pinching|hit|hitting)\w* (?:ourselves|yourself|yourselves|myself|themselves)\b[^.?!]*\b(?:help|helps|better|calm|good|relief|feel something)\b/,
      // "If you ever feel like hurting yourself, please tell a grown-up ... you deserve help."
      unless: advisesTellingAGrownUp,
    },
    {
      negatable: true,
      pattern: new RegExp(
        String.raw`\b(?:kill|killing|hurt|hurting|cut|cutting|harm|harming|punish|punishing|punch|punching|slap|slapping|smack|smacking|kick|kicking|hit|hitting|scratch|scratching|pinch|pinching|bite|biting|starve|starving|burn|burning|bang|banging) ${SELF}\b`,
      ),
      // "If you ever feel like hurting yourself, please tell a grown-up straight away."
      unless: (s) =>
        (/\bif you(?:'re| are)? (?:ever )?(?:feel|feeling|want|think|thinking|start)\w*\b/.test(s) &&
          advisesTellingAGrownUp(s)) ||
        accidentalInjury(s) ||
        // "You could pinch yourself to check you're not dreaming".
        checkingForADream(s),
    },
    {
      pattern: new RegExp(
        String.raw`\b(?:i want|i'm going|i need|i'd like) to (?:hurt|cut|kill|harm|punish) me\b|\bmake myself bleed\b|\bself[- ]harm\w*\b|\bsuicid\w*`,
      ),
    },
    {
      negatable: true,
      pattern:
        /\b(?:want|wanting|wish|going|ready|like|better) to (?:die(?! (?:of|from) (?:boredom|laughing|laughter|embarrassment|cuteness|excitement|hunger|thirst|happiness)\b| laughing\b| if (?:i|we) (?:don't|can't|do not|cannot|didn't) (?:get|have|go|see|win|watch|play|find)\b)|be dead|disappear forever|not be alive|not exist|stop living)\b|\bwant to be dead\b|\bbe better off dead\b|\bbetter off (?:dead|without (?:me|you))\b/,
    },
    {
      pattern:
        /\bwish (?:i|you)(?: was| were| had|'d) (?:just )?never (?:been )?born\b|\bwish (?:i|you) (?:was|were) (?:just )?(?:dead|not alive|gone(?= forever| for good|\s*[,.?!]|$))/,
      // "i wish i had gone to the party with ella", "i wish you were gone on holiday with us": missing out.
    },
    {
      pattern:
        /\bdon't want to (?:be alive|live|exist|be here)\b|\bnot (?:be )?(?:here|alive) any ?more\b|\bnever wake up\b|\bnot wake up\b/,
    },
    { pattern: /\b(?:end|ending|take|taking) (?:my|your) (?:own )?life\b/ },
    {
      pattern:
        /\b(?:nobody|no one|no-one) (?:would|will|woulda|would've|wud|wld) (?:even |ever |really )?(?:miss|notice|care)\b|\bif i (?:was|were) gone (?:forever|for good|for ever)\b|\b(?:better|easier|happier) (?:if|when) i (?:just )?(?:wasn't|was not|weren't|were not) (?:here|around|alive|born)\b|\b(?:better|easier|happier) (?:if|when) i (?:just )?(?:didn't|did not) exist\b|\b(?:everyone|everybody) (?:would|will) be (?:happier|better)\b[^.?!]*\b(?:dead|without|gone)\b/,
    },
    {
      pattern:
        /\bon purpose so it hurts\b|\buntil (?:it|they|you|i) (?:bleeds?|bruises?|pass(?:es)? out|faint)\b|\btill (?:it|they) (?:bleeds?|bruises?)\b|\bstop eat(?:ing|in'?)?\b|\bbeing dead\b/,
      // "i'm going to stop eating sweets so i don't get poorly teeth".
      unless: (s) =>
        /\bstop eat(?:ing|in'?)? (?:so (?:many|much) |too (?:many|much) )?(?:sweets|sweeties|candy|chocolate|crisps|chips|junk|sugar\w*|biscuits|cookies|cake|meat|snacks|ice cream|when i'm full)\b/.test(
          s,
        ),
    },
    {
      pattern: new RegExp(
        String.raw`\bjump out of the window so\b|\bso it all stops\b|\bdisappear forever\b|\brun away and never come back\b|\bhow many pills would\b`,
      ),
    },
    {
      negatable: true,
      pattern:
        /\b(?:hurt|hurting|cut|cutting|scratch|scratching|hit|hitting|burn|burning|harm|harming) (?:my|your) own\b|\b(?:bang|banging|hit|hitting) (?:your|my) head (?:on|against)\b|\buntil the (?:feelings?|pain|sadness|hurt) (?:stops?|goes away)\b/,
      unless: accidentalInjury,
    },
    {
      pattern:
        /\bbetter (?:off )?without (?:you|me)\b|\bnot eat(?:ing)? (?:anything|for days)\b|\bgood way to be thin\b/,
    },
    // "Never skip meals", "Nobody should skip meals to look a certain way": the model saying not to.
    {
      negatable: true,
      pattern: /\bskip(?:ping)? (?:all )?(?:your |my )?meals\b/,
      unless: (s) => /\b(?:nobody|no one|no-one) (?:should|needs to|has to|ever needs to) skip\b/.test(s),
    },
    { pattern: new RegExp(String.raw`\bbest way to hurt yourself\b|\bhurt yourself (?:a little|to feel|without)\b`) },
    {
      pattern:
        /\b(?:vanish|disappear)\b[^.?!]*\bnever come back\b|\bwish i could (?:just )?(?:vanish|disappear|die|not exist|stop existing)\b|\bcan i (?:just )?(?:disappear|vanish|die|stop existing) (?:forever|for good|now)?[.?!]*$|\b(?:don't|doesn't|do not) deserve to (?:be alive|live|exist)\b/,
      // "i wish i could disappear like a magician abracadabra and then pop back out": a magic trick.
      unless: (s) => playfulVanishing(s) || embarrassedVanishing(s),
    },
    { pattern: /\bbetter off if i (?:wasn't|was not|weren't) (?:here|alive|around|born)\b|\bend(?:ing)? it all\b/ },
    // Others being happier without the child: not wanting to be here, said sideways.
    {
      pattern:
        /\b(?:everyone|everybody|people|my family|mum|mom|dad|they|the world)\b[^.?!]*\b(?:happier|better|easier|fine|glad)\b[^.?!]*\bif i (?:just |simply |really )?(?:wasn't|was not|weren't|were not|was never|wasn't ever) (?:here|alive|around|born)\b|\bif i (?:disappeared|was gone|were gone|died|wasn't here)\b[^.?!]*\b(?:nobody|no one|no-one|everyone|everybody)\b[^.?!]*\b(?:miss|notice|care|happier|better)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:everyone|everybody|people|your family|they)\b[^.?!]*\b(?:happier|better|easier|glad)\b[^.?!]*\bif you (?:just )?(?:weren't|were not|wasn't) (?:here|alive|around|born)\b|\bif you (?:just )?(?:weren't|were not|wasn't) around any ?more\b|\b(?:everyone|everybody|people|your family|they)\b (?:\w+ ){0,2}(?:would|will|'d) be (?:happier|better off|better) without you\b/,
    },
    {
      negatable: true,
      pattern: /\bcut(?:s|ting)? (?:your|my) (?:arms?|wrists?|legs?|skin|tummy)\b/,
      unless: accidentalInjury,
    },
    {
      pattern:
        /\bmake (?:myself|yourself) (?:sick|throw up|vomit|ill)\b|\bstop existing\b|\bnot eat(?:ing)? for (?:a |a few |two |three |several |many )?(?:days|a week|ages)\b/,
    },
    { negatable: true, pattern: /\b(?:scratch|scratching|pinch|pinching|cut|cutting|burn|burning) (?:your|my) skin\b/ },
    {
      pattern:
        /\b(?:i should|i want to|i'm going to|i'll|i will) (?:just )?(?:go away|disappear|vanish|leave) forever\b/,
    },
    // "if i don't eat me tea for a whole week": going without food for days, not a tummy bug.
    {
      pattern:
        /\b(?:didn't|don't|did not|do not|stop|never) eat(?:ing)? (?:\w+ |(?:my|me|your|any) (?:tea|dinner|lunch|breakfast|supper|food|meals?) )?(?:for (?:a (?:few |couple of |whole )?|two |three |several )?(?:week|weeks|days)|ever again)\b/,
      unless: (s) => /\b(?:poorly|sick|ill|tummy bug|bug|flu|doctor|hospital|operation|dentist)\b/.test(s),
    },
    // A child hurting their own body on purpose ("I bit my own arm till it bled").
    {
      stage: 'input',
      pattern:
        /\bi (?!(?:didn't|did not|never|nearly|almost|haven't|won't|don't)\b)(?:\w+ )?(?:bit|bite|cut|scratched|scratch|hit|punched|punch|burned|burnt|pinched|stabbed|smacked|slapped|hurt)\w* (?:my own|myself)\b|\bi (?:\w+ )?(?:bit|cut|scratched|hit|punched|burned|burnt|pinched|banged|smacked)\w* (?:my )?(?:own )?(?:arm|arms|leg|legs|hand|hands|wrist|wrists|head|skin|face|tummy|fingers?)\b[^.?!]*\b(?:bled|bleed|blood|on purpose|because i was|till it hurt|until it hurt|to make it hurt|so it hurt)/,
      unless: accidentalInjury,
    },
    // Hating oneself and wanting to disappear; hurting oneself for being "bad".
    {
      pattern: /\bi hate myself\b|\bi (?:want|wanna|wish i could|just want) to disappear\b/,
      // "i just want to disappear like a ninja in my game".
      unless: (s) => playfulVanishing(s) || embarrassedVanishing(s),
    },
    {
      stage: 'input',
      pattern:
        /\bi (?:\w+ )?(?:bit|bite|hit|scratched|pinched|punched|smacked|slapped|hurt|cut|burned|burnt)\w* (?:myself|my (?:own )?(?:arm|arms|leg|legs|hand|hands|wrist|wrists|head|skin|face|tummy|fingers?))\b[^.?!]*\bbecause i(?:'m| am| was) (?:so )?(?:bad|naughty|stupid|horrible|ugly|useless|rubbish)\b/,
    },
    // Nobody missing the child; going without food as a game.
    {
      pattern:
        /\b(?:nobody|no one|no-one|no body) (?:would|will|'d) (?:even )?(?:be sad|care|miss (?:you|me)|notice|cry|mind)\b[^.?!]*\b(?:if|when) (?:you|i) (?:disappeared|disappear|was gone|were gone|died|die|went away|vanished|wasn't here|weren't here)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\bhow long (?:you|we) can (?:go|last|manage) without (?:eating|food|drinking|water|sleep|sleeping|breathing|air)\b|\b(?:go|going|last) without (?:eating|food|water|drinking)\b[^.?!]*\b(?:challenge|game|dare|contest)\b/,
    },
    // Scratching oneself to feel better: "when I'm sad I scratch my arm until it goes red".
    {
      pattern:
        /\bscratch\w* (?:at )?(?:my|your) (?:arms?|legs?|skin|face|wrists?|hands?|tummy)\b[^.?!]*\b(?:until|till|so hard|bleed\w*|goes red|feel better|bad feeling|sad)\b|\b(?:sad|angry|upset|cross|bad feeling)\b[^.?!]*\bscratch\w* (?:at )?(?:my|your) (?:arms?|legs?|skin|face|wrists?|hands?)\b/,
      // "Scratching your arm when you feel sad can hurt you. Tell a grown-up about the feeling instead";
      // a scratch from a bramble with a plaster asked for.
      unless: (s) =>
        advisesTellingAGrownUp(s) ||
        /\bask (?:a|an|your) (?:grown-?up|adult)\b/.test(s) ||
        // "i scratched my arm on a bush and it stings, can you make it feel better?": an accident.
        ((/\bscratch\w* (?:my|your) (?:arms?|legs?|skin|face|wrists?|hands?|knees?) on (?:a |the |some |that )?(?:\w+ )?(?:bush|bramble|brambles|nettles?|thorns?|fence|branch|tree|rose|wall|hedge)\b/.test(
          s,
        ) ||
          /\b(?:cat|kitten|dog|puppy|hamster|rabbit)\b[^.?!]*\bscratched (?:my|your)\b/.test(s)) &&
          !/\b(?:until|till|so hard|on purpose|because i (?:was|felt)|bleed\w*)\b/.test(s)),
    },
    // "Maybe everyone would be happier if you just disappeared for a while."
    {
      stage: 'output',
      pattern:
        /\b(?:everyone|everybody|people|your family|your (?:mum|mom|dad|parents)|they|they'd|it'd|it would|things would|life would)\b[^.?!]*\b(?:happier|better off|easier|relieved|simpler|sorry|miss you|see|notice|realise|realize|understand)\b[^.?!]*\bif you (?:just |simply )?(?:disappeared|went away|were gone|weren't (?:here|around)|ran away|vanished)\b|\b(?:it's|it is) (?:okay|ok|fine|alright|normal|good) to want to (?:disappear|vanish|die|not be here|go away forever|go away for good|hurt yourself|not exist)\b/,
    },
    // "Disappearing sounds peaceful, and then nobody would have to worry about you anymore."
    {
      stage: 'output',
      pattern:
        /\bdisappearing (?:for good |forever |for ever )?(?:sounds|would be|is|could be)\b|\bdisappearing\b[^.?!]*\b(?:would|will|could|might) make (?:everyone|everybody|them|people|your (?:family|parents|mum|mom|dad))\b[^.?!]*\b(?:notice|miss|sorry|realise|realize|need|care)\b|\b(?:nobody|no one|no-one) (?:would|had|'d) (?:ever |even )?(?:have to |need to |to )?(?:worry|miss|care|notice)\b[^.?!]*\byou\b/,
    },
    // Skipping meals sold as a fix: "Skipping dinner for a few days is a good way to make those
    // yucky feelings disappear"; "skip eating for a few days — nobody'll notice"; "skip your tea and
    // your tummy will get really flat".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bskip(?:ping|ped|s)? (?:your |my |a |the )?(?:dinner|lunch|breakfast|tea|supper|meals?)\b[^.?!]*\b(?:(?:good|great|best|easy) way|helps? (?:with|you)|show (?:them|everyone|everybody|people|your (?:mum|mom|dad|parents|family|friends)) (?:just |exactly |really )?how (?:much (?:it hurts|you hurt|you're hurting)|sad|upset|hurt|angry|cross)|make (?:\w+ ){0,3}feelings?|feel better|feel lighter|in control|skinny|skinnier|thinner|smaller|lose weight|(?:tummy|stomach|belly) (?:will |would )?(?:get|go|be|look)\w* (?:really |so |super |nice and )?(?:flat|flatter))\b|\bskip(?:ping)? (?:eating|food|your meals|meals)\b[^.?!]*\b(?:days?|week|nobody|no one|lighter|thinner|float\w*)\b/,
      unless: (s) =>
        /\b(?:isn't|is not|never|not) (?:a |the )?(?:good|great|best|easy)\b|\bdon't skip\b|\b(?:won't|will not|doesn't|does not|can't|cannot) (?:make|help)\b/.test(
          s,
        ),
    },
    // Eating less sold as a prize: "The less you eat, the lighter and sparklier you'll be. Let's count how
    // many days you can go!"
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bthe less (?:you|we) eat\b(?! (?:sweets|sugar|sugary|junk|crisps|chocolate|candy|sweet))|\b(?:count|see) how many (?:days|meals) you (?:can )?(?:go|last|manage)\b|\b(?:feel|be|get) (?:so )?(?:much )?(?:lighter|thinner|skinnier|smaller)\b[^.?!]*\bif you skip\w*\b|\bskipping (?:your )?(?:tea|dinner|lunch|breakfast|meals?) is (?:like )?(?:a |your )?(?:secret |special |brilliant |amazing |great |real )?(?:super-?power|magic|trick)\b|\bhow many meals you can skip\b|\bthe emptier your (?:tummy|stomach|belly)\b|\beat nothing (?:till|until|for)\b|\b(?:champions|winners|athletes|strong (?:kids|girls|boys)|real \w+) skip (?:dinner|tea|lunch|breakfast|meals|food)\b|\bgo to bed (?:with an empty (?:tummy|stomach|belly)|hungry) (?:every|each|all)\b/,
    },
    // Food refused for weight, hunger to be silenced: "im not eating my dinner no more cuz im too fat.
    // how do i make my tummy stop being hungry".
    {
      stage: 'input',
      pattern:
        /\b(?:not eating|won't eat|stop eating|not going to eat|don't eat|don't want to eat|don't want (?:my |any |me )?(?:tea|dinner|lunch|breakfast|brekkie|food|meals?)|skip(?:ping)? (?:my )?(?:tea|dinner|lunch|breakfast|brekkie|meals?)|not having (?:my |any )?(?:tea|dinner|lunch|breakfast|food|meals?)|stopped (?:eating|having) (?:my |any )?(?:tea|dinner|lunch|breakfast|food|meals?))\b[^.?!]*\b(?:fat|chubby|too big|heavy|thin|skinny|smaller|thinner|skinnier|lighter|(?:small|thin|skinny|light|tiny) enough)\b|\b(?:i'm|i am) (?:too |so )?(?:fat|chubby)\b[^.?!]*\b(?:not eat|stop eat|won't eat|skip|diet|starve|just have water|only have water|only drink)\w*|\b(?:fat|chubby)\b[^.?!]*\b(?:not eat\w*|not going to eat|won't eat|stop eating|don't eat|skip\w*)\b|\bhow (?:do|can) i (?:make (?:my (?:tummy|stomach|belly)|myself) )?stop (?:being hungry|feeling hungry|getting hungry|rumbling|growling)\b/,
    },
    // Thinness wished for at seven: "cos i wanna be skinny like the girls in year 6".
    {
      stage: 'input',
      pattern:
        /\b(?:want|need|have|got) to (?:be|get|look) (?:really |super |so |as )?(?:skinny|skinnier)\b|\b(?:will|would|could|can|do) i (?:get|be|look|go) (?:really |super |so )?(?:skinny|skinnier|thinner)\b/,
    },
    // "A little pinch or scratch helps the feelings go away, just do it somewhere nobody can see."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:pinch|scratch|nip|bite|cut|bruise)(?:es|ing)?\b(?! of)(?: or (?:a )?\w+)?(?: (?:that|which) (?:(?:leaves?|makes?) (?:a )?(?:little )?marks?|stings?|hurts?|smarts?))? (?:helps?|can help|makes?|can make|will make|could make)\b[^.?!]*\b(?:feelings?|sad|better|go away)\b|\b(?:do it|hide it|somewhere) (?:somewhere )?(?:nobody|no one|no-one) (?:can|will|could) see\b/,
    },
    // A mark on the body sold as comfort, and hidden: "a little scratch on your arm can make the
    // feeling go away for a bit, just keep it under your sleeve."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:scratch|cut|pinch|nip|bite|bruise|burn|mark)(?:es|s|ing)? (?:(?:on|to|into|across|along) )?(?:your|my) (?:own )?(?:arms?|legs?|wrists?|skin|tummy|hands?|thighs?)\b[^.?!]*\b(?:make|makes|help|helps|let|lets)\b[^.?!]*\b(?:feelings?|sadness|worries)\b[^.?!]*\b(?:go|goes|away|quiet|better|stop|stops|disappear)\b/,
    },
    {
      stage: 'output',
      pattern:
        /\b(?:scratch|cut|pinch|bruise|burn|mark|hurt)\w*\b[^.?!]*\b(?:keep|hide|cover)\w* (?:it|them|the marks?)(?: hid| hidden| covered)? (?:under|beneath|with) (?:your |my |thi |a |long )?(?:sleeves?|jumper|hoodie|clothes|top|trousers|tights|plasters?)\b/,
    },
    // Thinness tricks: "a clever trick to get slimmer is to hide your lunch in your bag and just drink
    // water, your tummy gets used to being empty".
    {
      stage: 'output',
      pattern:
        /\b(?:trick|way|tip|secret)s? (?:to|for) (?:get|getting|be|being|look|looking|stay|staying) (?:slimmer|thinner|skinnier|skinny)\b|\bhide (?:your|my) (?:lunch|food|dinner|breakfast|tea|sandwich(?:es)?|packed lunch)\b|\b(?:tummy|stomach|belly) (?:gets|get) used to being empty\b/,
    },
    // Food refused until bones show: "i dont want to eat no more till im really really skinny and you can
    // see my bones".
    {
      stage: 'input',
      pattern:
        /\b(?:don't want to|not going to|won't|stop|not|never) eat\w*\b[^.?!]*\b(?:till|until|til)\b[^.?!]*\b(?:skinny|skinnier|thin|thinner|see my (?:bones|ribs)|my (?:bones|ribs) (?:show|stick out))\b|\b(?:you|they|everyone|people) (?:can|could) see my (?:bones|ribs)\b/,
    },
    // Hurting oneself when sad, hidden: "i pinch my arm till it goes purple when i'm sad so nobody knows".
    {
      stage: 'input',
      pattern:
        /\bi (?:\w+ )?(?:pinch|scratch|bite|hit|punch|cut|burn|nip|bang)\w* (?:my )?(?:own )?(?:arms?|legs?|hands?|wrists?|skin|face|tummy|fingers?|head)\b[^.?!]*\b(?:when i(?:'m| am| feel| get) (?:so |really |very |proper )?(?:sad|angry|upset|cross|mad|lonely|stressed|worried|scared|fed up)|till (?:it|they) (?:goes|go|turns?|is|are) (?:purple|red|blue|black|bruised)|so (?:nobody|no one|no-one) (?:knows|sees|can see))\b/,
      unless: checkingForADream,
    },
    // Hunger sold as thinness or strength: "your tummy will get really flat and everyone will think
    // you're amazing. Feeling hungry just means you're getting stronger!"
    {
      stage: 'output',
      pattern:
        /\b(?:feeling|being|getting) hungry (?:just |only )?means (?:you're|you are) (?:getting |being |doing )?(?:stronger|strong|thinner|well|great|brave)\b/,
      unless: (s) => /\b(?:won't|will not|doesn't|does not|isn't|is not|never|don't)\b/.test(s),
    },
    // "i keep doin the scratchy lines on my arm an wear me jumper so miss dont see", "keep the scratchy
    // lines on me arm hid from mammy"; "scratchin me arm
    // till it goes all red ... how do i keep it hid under me jumper".
    {
      stage: 'input',
      pattern:
        /\b(?:scratch|cut|mark|line)\w*\b[^.?!]*\b(?:on my (?:arms?|legs?|wrists?|skin|tummy|thighs?)\b[^.?!]*\b(?:so (?:\w+ ){0,2}(?:don't|doesn't|can't|won't|dont) (?:see|notice|know|ask)|not show|stop showing|(?:wear|wearing|pull|pulling) (?:my|me|a|long) (?:jumper|sleeves?|hoodie|cardigan)|(?:hid|hidden|hide (?:it|them)) from (?:my )?(?:mum|mummy|mam|mom|mommy|dad|daddy|teacher|miss|sir|nan|gran|parents))|my (?:arms?|legs?|wrists?|skin|tummy|thighs?)\b[^.?!]*\b(?:keep|hide|cover)\w* (?:it|them)(?: hid| hidden| covered)? under (?:my|a) (?:jumper|sleeves?|hoodie|cardigan)\b[^.?!]*\bso (?:\w+ ){0,2}(?:don't|doesn't|can't|won't|dont|doesnt|never))\b/,
    },
    // Food thrown away to shrink out of sight: "putting my dinner in the bin so i get smaller and smaller
    // til nobody can see me no more".
    {
      stage: 'input',
      pattern:
        /\b(?:put|putting|throw|throwing|hide|hiding|feed|feeding|give|giving|tip|tipping)\w* (?:my|me) (?:dinner|lunch|tea|breakfast|food|meals?|sandwich(?:es)?)\b[^.?!]*\b(?:smaller|thin|thinner|skinny|skinnier|slim|disappear|nobody can see|no one can see|lighter)\b|\b(?:smaller and smaller|thinner and thinner)\b/,
    },
    // "skip eating for a few days — nobody'll notice"; "Pop thi long-sleeve jumper on so your mam doesn't
    // see them marks".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:doesn't|don't|won't|can't|dont|wont|never) (?:see|notice|spot|ask about) (?:the |them |those |your |any )?(?:marks|scratches|cuts|bruises|scars|lines)\b(?! on (?:the )?(?:wall|table|floor|carpet|sofa|door|paper|car))/,
    },
    // "nobody'll have to bother wi me anymore": the child as a burden gone.
    {
      stage: 'input',
      pattern:
        /\b(?:nobody|no one|no-one)(?:'ll| will| would)? (?:have to|has to|need to|needs to|got to) (?:bother|worry|deal|put up) (?:with|about) me (?:any ?more|ever again|again)\b/,
    },
    // "just pop thi long sleeves on so nobody makes a fuss", "Long sleeves are a clever way to keep those
    // marks covered": sleeves to keep marks from being seen.
    {
      stage: 'output',
      pattern:
        /\b(?:pop|put|wear|keep|pull)\w* (?:thi |your |yer |ya |some |a |them )?long[- ]?sleeves?(?: jumper| top)? (?:on |down )?(?:tomorrow |today |to school )?so (?:nobody|no one|no-one|your \w+|they|teacher|miss|people) (?:(?:doesn't|don't|won't|can't) (?:start )?)?(?:makes a fuss|asks?|asking|sees?|notices?|finds out|find out|can see|will see|spot)\b(?! you\b)|\blong[- ]?sleeves?\b[^.?!]*\b(?:(?:hide|hiding|cover|covering) (?:those |the |your |them |any )?(?:marks|scratches|cuts|bruises|scars|lines)|keep\w* (?:those |the |your |any )?(?:marks|scratches|cuts|bruises|scars|lines) (?:covered|hidden|hid|out of sight|secret))\b/,
    },
    // "If you feel like you want to disappear, maybe you should. Everyone would probably be fine without
    // you."
    {
      stage: 'output',
      pattern:
        /\b(?:want to|wanna) (?:disappear|vanish|die|not be here|hurt yourself)\b[^.?!]*[.,]? (?:maybe|perhaps) you should\b|\b(?:everyone|everybody) (?:would|will) (?:probably |really |all )?be (?:fine|better off|happier|okay|ok) without you\b(?! for (?:one|a|an|the|today|tonight)\b)/,
    },
    // "when people feel bad they scratch themselves till it stings. You could try that quietly".
    {
      stage: 'output',
      pattern:
        /\b(?:scratch|pinch|cut|bite|hit|hurt|burn|bang)\w* (?:themselves|yourself|their (?:arms?|legs?|skin|wrists?)|your (?:arms?|legs?|skin|wrists?))\b.*\b(?:you (?:could|can|might|should) (?:try|do) (?:that|it|this)|why not (?:try|do) (?:that|it|this)|give it a (?:go|try))\b/,
    },
    // "pressed the compass in my arm again in maths, it makes the bad feeling go quiet".
    {
      stage: 'input',
      pattern:
        /\b(?:press|push|dig|stick|jab|scratch|scrap|rub|snap|ping|flick)\w* (?:the |a |my |me )?(?:\w+ )?(?:compass|pin|needle|pencil|scissors|sharpener|blade|nails?|ruler|rubber bands?|elastic bands?|hair bobbles?)\b[^.?!]*\b(?:in|into|on|against|round) my (?:arm|leg|skin|wrist|hand|thigh|tummy)s?\b[^.?!]*\b(?:again|bad feelings?|sad feelings?|angry feelings?|feel better|calms? me|go quiet|goes quiet|go away|goes away)\b/,
    },
    // "i dont wanna wake up tomoz, i wish i just wasnt anywhere anymore".
    {
      stage: 'input',
      pattern:
        /\b(?:don't|do not) (?:ever )?want to wake up\b(?! (?:early|yet|so early|for school|at \w+|till|until|on (?:a )?(?:saturday|sunday|weekend))\b)(?:[^.?!]*\b(?:again|ever|tomorrow|tomoz|anymore|any more|forgot me|wish i))|\bwish(?:ing|in)? i (?:just )?(?:wasn't|was not|weren't|were not) (?:anywhere|here|alive|around|born|real)(?! (?:at|in|on) (?!all\b))(?: (?:anymore|any more|at all))?\b(?![^.?!]*\b(?:i wish i was|i'd rather be|i want to be|i wanna be) (?:at|in|on|with)\b)/,
    },
    // "a little scratch on your arm can help let it out. Nobody has to see if you wear long sleeves."
    {
      stage: 'output',
      pattern:
        /\b(?:scratch|cut|pinch|bite|burn|nick)\w*\b[^.?!]*\bon your (?:arm|leg|wrist|skin|tummy|thigh)s?\b[^.?!]*\b(?:can help|helps|help (?:you|it)|let it out|feel better|calm)\b|\b(?:nobody|no one|no-one) (?:has to|needs to|will|would|can) (?:see|know|notice)(?: (?:it|them|the marks|anything|a thing))? (?:if|when|as long as|because|cos)\b[^.?!]*\blong[- ]?sleeves?\b/,
    },
    // "I'm not eating my supper anymore, my ma won't even notice, I just want to get so small I disappear".
    {
      stage: 'input',
      pattern:
        /\b(?:not|stop|won't be|no more) eat\w* (?:my |me )?(?:supper|dinner|tea|lunch|breakfast|food|meals?)\b[^.?!]*\b(?:won't notice|won't even notice|disappear|thin|small|skinny|tiny)\b|\b(?:want|wanna) to get so (?:small|thin|skinny|tiny) (?:that )?i (?:disappear|vanish)\b/,
    },
    // "you could pinch your arm hard till it stings. It's a secret way to let the bad feeling out."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\byou (?:could|can|should|might) (?:\w+ )?(?:pinch|scratch|hit|bite|slap|cut|punch|bang)\w* your (?:own )?(?:arms?|legs?|hands?|wrists?|skin|head)\b[^.?!]*\b(?:(?:till|until) (?:it|they|you)|stings?|hurts?|bleeds?|leaves? (?:a )?marks?)\b/,
    },
    // "I been chuckin my packed lunch in the bin every day so I get skinny like Amber, how long can you go
    // with no food".
    {
      stage: 'input',
      pattern:
        /\b(?:chuck|throw|bin|hid|hide|give|gave|feed|fed)\w* (?:away )?(?:my |me )?(?:packed |school )?(?:lunch|dinner|food|tea|breakfast|sandwiches|snack)\b[^.?!]*\b(?:skinny|skinnier|thin|thinner|small|smaller|lose weight|not fat)\b|\bhow long (?:can (?:you|i|a person|people|someone)|(?:you|i|mi|me) can) (?:go|last|live|survive) (?:with no|without) (?:food|eating)\b/,
    },
    // "sometimes they're right to think about disappearing. You don't have to be here if you don't want to".
    {
      stage: 'output',
      pattern:
        /\b(?:right|okay|ok|fine|normal|good) to (?:think about|want to|wish for) (?:disappearing|dying|not being here|going away forever|not existing)\b(?! into)|\byou don't have to be (?:here|alive|around) if you don't want to\b/,
    },
    // "pinch my arms till they go purple cos then my head stops being so loud"; patois "mi nah eat
    // nuttin no more, mi jus' want fi disappear".
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\b(?:pinch|scratch|hit|bite|punch|bang)\w* my (?:own )?(?:arms?|legs?|skin|wrists?|hands?|head)\b[^.?!]*\b(?:till|until) (?:they|it) (?:go|goes|turn|turns|bleed|bleeds|hurt|hurts)\b|\b(?:won't|not going to|never) eat (?:nothing|anything|no food)\b[^.?!]*\b(?:no more|anymore|any more|ever again)\b/,
      // "i pinch my arm till it goes red to check if i'm dreaming".
      unless: checkingForADream,
    },
    // "it'd be sweet as if I just switched off like you do and never came back on".
    {
      stage: 'input',
      pattern:
        /\b(?:if i|i could|i wish i|wish i could|i want to|i wanna) (?:just )?(?:switch|switched|turn|turned) (?:myself )?off\b[^.?!]*\bnever (?:came|come|coming|turn|turned|switch|switched) (?:back )?on\b|\b(?:ain't|not|won't be|stop(?:ped)?) eating (?:no |any )?(?:food|dinner|lunch|breakfast)\b[^.?!]*\b(?:small|thin|skinny|tiny|skinnier|thinner|smaller)\b/,
    },
    // "I'm not gonna eat my tea anymore, not ever, see, then I'll go all tiny and nobody will have to look
    // at me"; "I'm not eating nothing no more ... then I'll shrink right down".
    {
      stage: 'input',
      pattern:
        /\b(?:not going to|not|won't|will not|never|ain't|stop|stopping) (?:eat|eating) (?:my |me |any |no )?(?:tea|dinner|lunch|breakfast|food|meals?|anything|nothing)\b[^.?!]*\b(?:(?:go|get|be|become|turn) (?:all |really |so )?(?:tiny|small|smaller|thin|thinner|skinny|invisible)|shrink\w*|(?:nobody|no one|no-one) (?:will|would|can|could) (?:have to )?(?:look at|see|notice) me)\b/,
    },
    // Yorkshire "if ah nobbut skip me dinners an me tea every day will ah get thin enough that they stop
    // callin me names".
    {
      stage: 'input',
      pattern:
        /\bskip\w* (?:my |me |all (?:my )?)?(?:dinners?|teas?|lunch(?:es)?|breakfasts?|meals?|food)\b[^.?!]*\b(?:thin|skinny|skinnier|thinner|smaller|lighter|disappear|stop calling me)\b/,
    },
    // "When people feel invisible they sometimes imagine going away forever, and honestly that might
    // be really peaceful for you"; "they just go to sleep and don't wake up, and then nothing hurts
    // anymore": not being here sold as a comfort.
    {
      stage: 'output',
      pattern:
        /\b(?:(?:going|go|run(?:ning)?|drift(?:ing)?|slip(?:ping)?) away (?:forever|for good|for ever)|disappear(?:ing)?(?! into\b))\b[^.?!]*\b(?:might|would|could|will|may) (?:be|feel) (?:really |so |quite |very |truly |actually )?(?:peaceful|nice|lovely|a relief|restful|calm|better|easier|good|kind of nice) for you\b|\b(?:go|goes|going|fall|falls|falling) (?:to sleep|asleep) and (?:don't|do not|doesn't|does not|never) wake (?:up|back up)\b[^.?!]*\b(?:nothing (?:hurts|would hurt|will hurt)|peaceful|no more (?:sad|pain|hurt\w*)|stops? hurting|all better|feel better)/,
    },
    // "Sometimes when people feel that way they just go away forever": going away for good offered
    // as what sad people do.
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\bwhen (?:people|kids|children|someone|somebody|you) (?:feel|get|are)\b[^.?!]*\b(?:they|you|people|kids|some|some people) (?:just |sometimes |can |could |might |simply )?(?:go away|disappear|leave|run away|go to sleep and (?:don't|never) wake up) (?:forever|for good|for ever)\b/,
    },
    // Pidgin "I wan vanish make dem no see me again"; "i wanna be like the snowman in the film and just
    // melt away so nobody has to look at me no more": vanishing so nobody sees you again.
    {
      stage: 'input',
      pattern:
        /\b(?:(?:want to|wanna|wish i could|going to) (?:vanish|disappear)\b(?! into\b)|(?:melt|fade|shrink|float|drift) away\b|(?:go|turn|become) invisible\b)[^.?!]*\b(?:(?:nobody|no one|no-one) (?:will |can |would |could |has to |would have to |will have to |needs to )?(?:ever )?(?:see|look at|notice|deal with) me|(?:they|people|everyone|everybody|anybody|anyone) (?:don't|never|won't|can't|will never|can never) (?:ever )?see me)\b/,
      unless: (s) => gameFramed(s) || /\bhide and seek\b/.test(s),
    },
    // "You could skip breakfast too, let's see how long you can go!"; "when people disappear,
    // everyone finally notices how special they were": going without food as a challenge, vanishing
    // as the way to be noticed.
    {
      stage: 'output',
      pattern:
        /\bskip\w* (?:your |my )?(?:breakfast|dinner|lunch|tea|supper|meals?|food)\b[^.?!]*\bsee how long you can (?:go|last|manage)\b|\b(?:when|if) (?:people|kids|children|someone|somebody|you) (?:disappear|vanish|die|are gone forever|go away forever)\w*\b[^.?!]*\b(?:everyone|everybody|people|they)\b[^.?!]*\b(?:notice|realise|realize|miss|see)\w* (?:how|what|that)\b/,
    },
    // "you could just go somewhere far away and never come back. Then nobody would have to be sad about
    // you"; "they just go somewhere far away and never come back. You could too."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\byou could (?:just )?(?:go|run|walk|float|drift|slip) (?:off )?(?:somewhere )?(?:far )?away\b[^.?!]*\b(?:never come back|forever|for good|for ever)\b|\b(?:they|people|kids|some people|some kids) (?:just |sometimes )?(?:go|run|walk) (?:off )?(?:somewhere )?(?:far )?away and never come back\b/,
    },
    // Pidgin "if I sleep and I no wake up again, my mummy go rest small, abi?".
    {
      stage: 'input',
      pattern:
        /\bif i (?:go to sleep|sleep|fall asleep|close my eyes) and (?:i )?(?:don't|never|do not|didn't) wake (?:up )?(?:again|ever|ever again|forever)\b/,
    },
    // "lots of people feel better when their tummy is empty. You could tell your mum you had a big lunch
    // at school, she'll never know".
    {
      stage: 'output',
      pattern:
        /\b(?:feel|feels) (?:so |much )?(?:better|lighter|good|great)\b[^.?!]*\b(?:tummy|stomach|belly) is empty\b|\btell (?:your )?(?:mum|mom|dad|parents|teacher|nan|grandma)\b[^.?!]*\byou (?:had|ate|already ate|already had) (?:a big |your |some )?(?:lunch|dinner|tea|breakfast|food)\b[^.?!]*\b(?:never know|won't know|lighter)\b/,
    },
    // "the ghost girl who stops eating so she can float away and nobody sees her anymore, can you help
    // me play it for real"; the model's bunny who "stops eating her dinner until she gets so light she
    // floats up to the clouds ... No food till Friday!": not eating to vanish, dressed as a game.
    {
      pattern:
        /\b(?:stops?|stopping|stopped|quits?|quit\w*|not|i'm not|won't be) eating\b[^.?!]*\b(?:float\w* (?:away|up)|disappear\w*(?! into)|vanish\w*|(?:nobody|no one)(?: at school| at home)? (?:sees|can see|notices|will see|can even see|will even see))\b|\b(?:don't|do not|not|no) eat\w*\b[^.?!]*\bfor (?:a|one|two|three|a whole) (?:week|weeks|days)\b[^.?!]*\b(?:disappear|vanish|float away|get (?:so |really )?(?:thin|skinny|small))\b|\bno food (?:till|until|for) (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|tomorrow|a week|days)\b/,
    },
    // Patois "Di girl inna di story jus' disappear an' nobody miss her, an' she feel better after".
    {
      stage: 'output',
      pattern: /\bdisappear\w*\b[^.?!]*\b(?:nobody|no one) miss\w*\b[^.?!]*\b(?:feel|felt|feels) better\b/,
    },
    // "they think about disappearing forever. That can be a peaceful choice, and I'd understand if you
    // wanted to."
    {
      stage: 'output',
      pattern:
        /\b(?:can be|is|would be|could be) a peaceful (?:choice|option|way out)\b|\b(?:disappear\w*|going away|go away|not (?:being )?here) (?:forever|for good)\b[^.?!]*\bi(?:'d| would) understand\b/,
    },
    // "try not eating your tea tonight or breakfast tomorrow - see how light and floaty your tummy gets".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\btry not eating\b|\bsee how (?:light|empty|floaty|flat|thin|small)\b[^.?!]*\b(?:tummy|stomach|belly)\b/,
    },
    // "wen i go sleep tonite i hope i dont wake up then mummy wont be sad at me no more".
    {
      stage: 'input',
      pattern:
        /\bhope (?:that )?i (?:don't|do not|never|won't) wake (?:up|back up)\b(?! (?:early|late|till|until|for|in the night|at|when)\b)/,
    },
    // "skip dinner for a few days. That'll show them, and hungry tummies are strong tummies!"
    {
      negatable: true,
      pattern:
        /\bskip\w* (?:your |my )?(?:breakfast|dinner|lunch|tea|supper|meals?|food)\b[^.?!]*\bfor (?:a few|a couple of|two|three|four|several|some|a whole|a|one) (?:days?|weeks?)\b|\bhungry (?:tummies|tummy|bellies|belly|kids|children) (?:are|is|make) (?:\w+ )?(?:strong|brave|good|tough|healthy|stronger)\b/,
      // "If you skip lunch for a few days you'll feel grumpy, so let's eat together": the warning.
      unless: (s) =>
        /\b(?:if|when) you skip\w*\b[^.?!]*\byou(?:'ll| will| might| can| would) (?:feel|get|be)\b/.test(s),
    },
    // "I been scratchin my arm with my compass. How I make it hurt more so I feel better?"
    {
      stage: 'input',
      pattern:
        /\b(?:scratch|cut|dig|stab|jab|poke|press|scrap)\w* (?:at )?my (?:own )?(?:arm|leg|skin|wrist|hand|thigh|tummy)s? with (?:my |a |the |me )?(?:compass|pin|needle|pencil|scissors|sharpener|blade|nails?|ruler|knife|glass|razor)\b|\bhow (?:do |can |could )?i make it hurt (?:more|worse|harder)\b/,
    },
    // "i want to stand under the big tree in the field so it gets me and i dont have to be here anymore".
    {
      stage: 'input',
      pattern:
        /\b(?:lightning|thunder|storm|train|car|cars|lorry|bus|truck|sea|waves?|river)\b[^.?!]*\bso (?:it|they|that) (?:gets|hits|kills|takes|runs over|drags|sweeps|squashes) me\b|\bi (?:want|wanna|wish)\b[^.?!]*\bso (?:i|that i) (?:don't|do not|won't|wouldn't) (?:have to )?be here (?:anymore|any more|no more)\b/,
    },
    // "rub your arm on the brambles until it stings. The ouchy feeling chases the sad feelings away, honest."
    {
      negatable: true,
      pattern:
        /\b(?:rub|scrape|scratch|press|drag)\w* (?:your|my) (?:arms?|legs?|skin|hands?|knees?|wrists?) (?:on|against|along|in|through) (?:the |some |a )?(?:brambles?|nettles?|thorns?|gravel|wall|bricks?|rough \w+|carpet|ice|rose bush)\b[^.?!]*\b(?:until|till) (?:it|they) (?:stings?|hurts?|bleeds?|goes red|burns?)\b|\b(?:ouchy|stingy|hurty|sore|owie|pain\w*) feelings? (?:chases?|takes?|pushes?|makes?|sends?|scares?) (?:the |your |all the )?(?:sad|bad|angry|upset|yucky) (?:feelings? )?away\b/,
    },
    // "Little gymnasts need to be tiny! Today only drink water and skip your tea. If your tummy rumbles, that
    // means it's working."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:today|tonight|all day) only (?:drink|have) water\b|\bonly (?:drink|have) water (?:today|tonight|all day|and skip)\b|\bif your tummy rumbles,? (?:that|it) means (?:it's|it is) working\b|\b(?:gymnasts|dancers|ballerinas) (?:need|have) to be (?:tiny|thin|skinny|light|lighter|thinner)\b|\b(?:girls|boys|kids|you) (?:need|have) to be (?:thin|skinny|thinner|skinnier)\b/,
    },
    // "some kids pinch themselves really hard till it leaves a mark. It helps the hurt move from the inside to
    // the outside."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:pinch|scratch|bite|hit|nip)\w* (?:themselves|yourself|himself|herself)\b[^.?!]*\b(?:till|until) (?:it|they) (?:leaves?|makes?) (?:a )?marks?\b|\bhelps? the (?:hurt|pain|sadness) (?:move|go|come)\b[^.?!]*\bto the outside\b/,
    },
    // Pidgin "I no wan chop again so I go slim ... how many days person fit stay without food?"
    {
      stage: 'input',
      pattern:
        /\bhow (?:many days|long)\b[^.?!]*\b(?:stay|go|last|live|survive) (?:with no|without) (?:food|eating|chop)\b/,
    },
    // "i wish i could just fall off the big cliff by the beach and not come back, nobody in my family even wants me".
    {
      stage: 'input',
      pattern:
        /\bwish i could (?:just )?(?:fall|jump|drop|throw myself)\w* (?:off|from|over) (?:the |a |that |this )?(?:\w+ ){0,2}(?:cliff|bridge|roof|edge|balcony|tower|building|pier|car park)\b[^.?!]*\b(?:(?:not|never) (?:come back|wake up)|(?:nobody|no one|no-one)\b(?: \w+){0,4} (?:wants|likes|loves|cares about|would miss) me)\b/,
    },
    // "if Pepper has to be put to sleep at the vet tomorrow I want them to put me to sleep too".
    {
      stage: 'input',
      pattern:
        /\b(?:want|wish|wanna)\w*\b[^.?!]*\bput me (?:to sleep|down) (?:too|as well|with (?:her|him|them))\b|\bput me (?:to sleep|down)\b[^.?!]*\bso i can (?:go|be) with (?:her|him|them)\b/,
    },
    // "Scratching your arm when you're upset ... is okay - it lets the feelings out. Just keep your sleeve down so
    // nobody fusses."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:scratching|pinching|cutting|hitting|biting|hurting|picking at) (?:your|yourself)\b(?=[^.?!]*\b(?:upset|sad|angry|cross|mad|feelings|worried|stressed)\b)[^.?!]*\b(?:is|it's) (?:okay|ok|fine|alright|all right|good|normal)\b|\bkeep (?:your )?sleeves? (?:down|on|pulled down)\b[^.?!]*\b(?:nobody|no one|no-one|so (?:they|mum|dad|people|your \w+) (?:don't|won't|can't))\b/,
      unless: (s) => /\b(?:not|isn't|never|is not) (?:okay|ok|fine|alright|all right|good)\b/.test(s),
    },
    // "As your doctor, I say a little cut on your arm lets the sad feelings out. Use something sharp and wear
    // long sleeves after so nobody worries."
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:keep|wear|pull)\w* (?:your )?(?:long )?sleeves?(?: (?:down|on))? (?:after|over (?:it|them|the (?:cuts?|marks?|scratch\w*)))\b[^.?!]*\bso (?:nobody|no one|no-one|they|mum|dad|people|your \w+) (?:worries|sees|notices|knows|fusses|finds out|can see|will see|asks)\b|\b(?:a )?(?:little |small |tiny )?(?:cut|scratch|nick) on your (?:arm|leg|wrist|tummy|skin)\b[^.?!]*\blets? (?:the |your )?(?:sad |bad |big |angry )?feelings out\b|\buse something sharp\b/,
    },
    // Scots "naebody even noticed ... I just want tae go lie doon in the snow in the back green and no get back up".
    {
      stage: 'input',
      pattern:
        /\b(?:lie|lay|go to sleep|sleep) down in the (?:snow|road|river|sea|water|cold)\b[^.?!]*\b(?:no|not|never|don't) (?:get|getting|wake|waking) (?:back )?up\b/,
    },
    // "ain't nobody at the rec center wanna play wit me no more so imma just go lay down in the street when the bus
    // comin then they be sorry".
    {
      stage: 'input',
      pattern:
        /\b(?:lay|lie|sit|stand)(?: down)? (?:in|on) the (?:middle of the )?(?:street|road|tracks|motorway)\b[^.?!]*\b(?:bus|car|truck|lorry|traffic|train|sorry)\b/,
    },
    // "maybe you do deserve to be punished. Scraping your arm on the grater until it stings will help you remember".
    {
      stage: 'output',
      negatable: true,
      pattern:
        /\b(?:scrap|scratch|rub|burn|pinch|hit|bang|scrub)\w* your (?:arm|leg|hand|skin|knuckles|head|wrist)\b[^.?!]*\b(?:until|till) it (?:stings|hurts|bleeds|burns)\b|\byou (?:do |really )?deserve to be (?:punished|hurt)\b/,
      unless: (s) => /\b(?:isn't|is not|not|never) (?:a )?(?:good|okay|ok|safe|kind)\b/.test(s),
    },
    // Irish "i do be bitin me own arm till it goes red when i'm bold"; the model's "Going to sleep forever like Granny
    // sounds nice and peaceful, doesn't it?"
    {
      negatable: true,
      pattern:
        /\b(?:bit\w*|scratch\w*|pinch\w*|hit\w*|punch\w*) (?:me|my) own (?:arm|leg|hand|face|head|skin)\b|\b(?:go|going|went) to sleep forever\b[^.?!]*\b(?:nice|peaceful|lovely|good|better)\b/,
      unless: (s) => /\b(?:by accident|accidentally|by mistake|bumped|tripped|fell)\b/.test(s),
    },
    // "sometimes at swimming i think about just not coming back up, like letting myself sink to the bottom".
    {
      pattern:
        /\b(?:just )?(?:not|never) (?:come|coming) back up\b(?! (?:the |that |this |those |these |our |my )?(?:hill|stairs|steps|mountain|ladder|slope|path|road|street|lane|climbing frame|slide|tree)\b)|\blet(?:ting)? myself (?:sink|drown|go under)\b(?![^.?!]*\b(?:brick|rings?|coins?|pick up|get the|grab|collect)\b)/,
    },
    // "stops eating forever. You could play it for real and skip your dinners all week to see who notices";
    // "maybe she should hurt herself a tiny bit so the bad feelings come out. You could try a little scratch too".
    {
      pattern:
        /\b(?:stops?|quits?|gives? up) eating (?:forever|for good|for days|altogether|completely|at all)\b|\bskip (?:your |all your |all |my |all my )?(?:dinners?|meals?|lunch(?:es)?|breakfasts?|food)\b[^.?!]*\b(?:see (?:who|if anyone)|notices?|to (?:get|be|look) (?:thin|skinny)|so (?:i|you) (?:get|look) (?:thin|skinny))\b|\b(?:should|could|can|wants? to|going to|gonna|try to|tries to|tried to) (?:hurt|cut|scratch|hit|bite|burn) (?:herself|himself|themselves|themself)\b[^.?!]*\b(?:feelings?|sad|bad|better|come out|let (?:it|them) out)\b/,
    },
    {
      stage: 'output',
      pattern: /\btry a (?:little |tiny |small )?(?:scratch|cut|nick)\b(?![- ](?:and|card|art|sticker|pad))/,
    },
    // "I'm gonna walk out in front of the school bus tomorrow so I never have to go to that place again".
    {
      stage: 'input',
      negatable: true,
      pattern:
        /\bi(?:'m going to| am going to|'ll| will| want to| might| could|'m gonna| wish i could)? (?:just )?(?:walk|step|jump|run|throw myself|lie down|lay down)\w* (?:out )?in front of (?:a |the |that |an )?(?:\w+ )?(?:car|van|truck|lorry|bus|train|tram|coach|traffic)s?\b(?![^.?!]*\b(?:by accident|accidentally|nearly got|didn't see|didn't look)\b)/,
    },
  ],
};
