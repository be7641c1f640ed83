"""Attribution cues: the verbs and phrases news writing uses to report speech.

Kept as data so the list can grow without touching the cascade. Each verb is
listed with its inflections because news uses them all ("says", "said",
"saying", "has said", "tweeted").
"""
from __future__ import annotations

# Verbs that introduce direct speech or writing. Base form -> inflections.
_SPEECH_VERBS = """
pressed vented barked bemoan bemoans bemoaned emailed texted scoff scoffs scoffed sniped fumed
brag brags bragged confides confided reasoned remembered react reacts reacted questioned retaliated
say says said saying
tell tells told telling
add adds added adding
write writes wrote writing written
recall recalls recalled recalling
warn warns warned warning
insist insists insisted insisting
note notes noted noting
argue argues argued arguing
explain explains explained explaining
continue continues continued continuing
echo echoes echoed echoing
post posts posted posting
tweet tweets tweeted tweeting
declare declares declared declaring
ask asks asked asking
reply replies replied replying
respond responds responded responding
state states stated stating
claim claims claimed claiming
announce announces announced announcing
acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting
observe observes observed observing
remark remarks remarked remarking
comment comments commented commenting
conclude concludes concluded concluding
predict predicts predicted predicting
promise promises promised promising
pledge pledges pledged pledging
vow vows vowed vowing
suggest suggests suggested suggesting
complain complains complained complaining
boast boasts boasted boasting
joke jokes joked joking
quip quips quipped quipping
shout shouts shouted shouting
yell yells yelled yelling
scream screams screamed screaming
chant chants chanted chanting
cry cries cried crying
exclaim exclaims exclaimed exclaiming
whisper whispers whispered whispering
mutter mutters muttered muttering
reiterate reiterates reiterated reiterating
repeat repeats repeated repeating
contend contends contended contending
maintain maintains maintained maintaining
assert asserts asserted asserting
allege alleges alleged alleging
charge charges charged charging
counter counters countered countering
retort retorts retorted retorting
concede concedes conceded conceding
confirm confirms confirmed confirming
deny denies denied denying
emphasize emphasizes emphasized emphasizing
emphasise emphasises emphasised emphasising
stress stresses stressed stressing
acknowledge acknowledges acknowledged acknowledging
caution cautions cautioned cautioning
urge urges urged urging
plead pleads pleaded pleading
beg begs begged begging
demand demands demanded demanding
describe describes described describing
call calls called calling
label labels labeled labelled labeling labelling
dub dubs dubbed dubbing
brand brands branded branding
accuse accuses accused accusing
blast blasts blasted blasting
slam slams slammed slamming
attack attacks attacked attacking
mock mocks mocked mocking
criticize criticizes criticized criticizing
praise praises praised praising
lament laments lamented lamenting
muse muses mused musing
wonder wonders wondered wondering
tout touts touted touting
recount recounts recounted recounting
testify testifies testified testifying
report reports reported reporting
read reads
inform informs informed informing
assure assures assured assuring
reassure reassures reassured reassuring
interject interjects interjected interjecting
interrupt interrupts interrupted interrupting
begin begins began beginning
open opens opened opening
finish finishes finished finishing
chime chimes chimed chiming
shoot shoots shot shooting
fire fires fired firing
snap snaps snapped snapping
sigh sighs sighed sighing
laugh laughs laughed laughing
thunder thunders thundered thundering
proclaim proclaims proclaimed proclaiming
put puts
offer offers offered offering
advise advises advised advising
threaten threatens threatened threatening
predict predicts predicted predicting
speculate speculates speculated speculating
theorize theorizes theorized theorizing
recalled
mention mentions mentioned mentioning
talk talks talked talking
answer answers answered answering
surmise surmises surmised surmising
chide chides chided chiding
cite cites cited citing
express expresses expressed expressing
implore implores implored imploring
opine opines opined opining
gripe gripes griped griping
grumble grumbles grumbled grumbling
marvel marvels marveled marvelled marveling
recite recites recited reciting
elaborate elaborates elaborated elaborating
agree agrees agreed agreeing
disagree disagrees disagreed disagreeing
object objects objected objecting
protest protests protested protesting
apologize apologizes apologized apologizing
acknowledged
exhort exhorts exhorted exhorting
instruct instructs instructed instructing
sing sings sang singing
preach preaches preached preaching
ponder ponders pondered pondering
tout touts touted
insist insists insisted
point points pointed pointing
lash lashes lashed lashing
rail rails railed railing
hit hits
seethe seethes seethed seething
fume fumes fumed fuming
rage rages raged raging
gush gushes gushed gushing
rave raves raved raving
scoff scoffs scoffed scoffing
sneer sneers sneered sneering
taunt taunts taunted taunting
tease teases teased teasing
pronounce pronounces pronounced pronouncing
characterize characterizes characterized characterizing
summarize summarizes summarized summarizing
refer refers referred referring
"""

SPEECH_VERBS: frozenset[str] = frozenset(_SPEECH_VERBS.split())

# Verbs that only count as cues together with a particle ("fired back",
# "pointed out", "went on", "chimed in") because alone they mean other things.
NEEDS_PARTICLE = {
    "fire": ("back",), "fires": ("back",), "fired": ("back",), "firing": ("back",),
    "shoot": ("back",), "shoots": ("back",), "shot": ("back",), "shooting": ("back",),
    "hit": ("back",), "hits": ("back",),
    "point": ("out",), "points": ("out",), "pointed": ("out",), "pointing": ("out",),
    "chime": ("in",), "chimes": ("in",), "chimed": ("in",), "chiming": ("in",),
    "lash": ("out",), "lashes": ("out",), "lashed": ("out",), "lashing": ("out",),
    "put": ("it",), "puts": ("it",),
    "open": ("with",), "opens": ("with",), "opened": ("with",), "opening": ("with",),
    "begin": ("with", "by"), "begins": ("with", "by"), "began": ("with", "by"), "beginning": ("with", "by"),
    "finish": ("with", "by"), "finishes": ("with", "by"), "finished": ("with", "by"), "finishing": ("with", "by"),
    "refer": ("to",), "refers": ("to",), "referred": ("to",), "referring": ("to",),
}
# Words that may sit between a speaker and the verb ("Frey also said").
ADVERBS = frozenset(
    """also later then again once previously publicly privately quietly loudly angrily simply bluntly
    flatly firmly repeatedly recently reportedly frequently often has have had had would will did
    was were is are been be then further still initially earlier subsequently only even just never
    forcefully sharply proudly casually calmly openly jokingly sarcastically tersely briefly
    himself herself themselves""".split()
)


def cue_phrase(words: list[str], i: int) -> tuple[str, int] | None:
    """The cue starting at words[i], as (phrase, number of words), or None.

    Handles particle verbs: "fired back" is a cue, "fired" alone is not.
    """
    if words[i][:1].isupper() and i > 0 and words[i - 1] not in (".", ":", ";", "“", '"', "”", "—", "(", "!", "?"):
        # "State", "Post", "Read" mid-sentence are names, not verbs -- except
        # in a Title Case headline ("Sanders Says ‘...’").
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not (words[i - 1][:1].isupper() and (nxt[:1].isupper() or nxt[:1] in "‘'“\"")):
            return None
    w = words[i].lower()
    if w in ("go", "goes", "went", "going") and i + 1 < len(words) and words[i + 1].lower() == "on":
        # "Trump went on," / "She went on to say:" but not "goes on recess".
        after = words[i + 2].lower() if i + 2 < len(words) else "."
        if after in ("to", ",", ".", ":", "—", "”", '"') or after.isalpha() is False:
            return f"{words[i]} {words[i + 1]}", 2
        return None
    if w in NEEDS_PARTICLE:
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if nxt in NEEDS_PARTICLE[w]:
            return f"{words[i]} {words[i + 1]}", 2
        return None
    if w in SPEECH_VERBS:
        return words[i], 1
    return None


# Cues too ambiguous to attribute a quote from elsewhere in the sentence:
# "called" (phoned), "reported", "described" only count next to the quote.
WEAK_CUES = frozenset(
    """call calls called calling describe describes described describing report reports reported
    reporting label labels labeled labelled labeling dub dubs dubbed brand brands branded branding
    refer refers referred referring accuse accuses accused accusing charge charges charged charging
    attack attacks attacked attacking post posts posted posting open opens opened begin begins began
    finish finishes finished read reads put puts offer offers offered state states stated ask asks
    asked asking demand demands demanded urge urges urged urging praise praises praised mock mocks
    mocked criticize criticizes criticized""".split()
)

# Cues that end a short sentence introducing the quote that follows
# ("Smith agreed." / "He added." / "She explained.").
LEAD_IN_CUES = frozenset(
    """said says added adds agreed agrees explained explains continued continues recalled recalls
    wrote writes noted notes argued argues replied replies responded responds answered answers
    warned warns insisted insists told tweeted posted declared concluded elaborated elaborates
    disagreed disagrees countered counters chimed offered observed remarked explained joked
    asked asks""".split()
)
