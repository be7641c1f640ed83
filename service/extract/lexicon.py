"""Word lists for recognising people, titles, organisations and descriptors.

Plain data, separate from the parsing code so it can grow on its own.
"""
from __future__ import annotations

SUBJECT_PRONOUNS = frozenset("he she they i we it".split())
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
DETERMINERS = frozenset(
    "a an the one two three four five six several some another many both each most few other".split()
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten several some many hundreds thousands dozens millions".split()
)

# Capitalised words that make a title when they come before a name.
TITLE_WORDS = frozenset(
    """president vice gov gov. governor sen sen. senator rep rep. representative mayor secretary attorney
    general gen gen. chairman chairwoman chair speaker leader director judge justice chief commissioner
    ambassador minister prime czar councilman councilwoman councilmember member sheriff officer lt lt.
    lieutenant col col. colonel sgt sgt. sergeant capt capt. captain dr dr. mr mr. mrs mrs. ms ms. miss rev
    rev. reverend pope king queen prince princess adm adm. admiral commander press spokesman spokeswoman
    spokesperson founder ceo executive professor prof prof. candidate nominee majority minority whip
    treasurer comptroller delegate assemblyman assemblywoman superintendent chancellor dean host anchor
    pastor rabbi bishop cardinal sister brother father state’s sens. reps. govs. pres. pres chairs
    congressman congresswoman congressmember lawmaker legislator deputy acting former first lady
    coach commentator correspondent editor columnist economist pollster strategist adviser advisor
    analyst aide manager chairperson attorney-general u.s. assistant associate principal trustee
    commandant marshal detective inspector agent officer senator-elect governor-elect president-elect
    mayor-elect chancellor premier emir sheikh ayatollah""".split()
)
HONORIFICS = {"mr.": "male", "mr": "male", "mrs.": "female", "mrs": "female", "ms.": "female",
              "ms": "female", "miss": "female"}
# Abbreviated titles and the noun a later "the ..." mention would use.
TITLE_NOUNS = {
    "gov.": "governor", "gov": "governor", "governor": "governor",
    "sen.": "senator", "sen": "senator", "senator": "senator",
    "rep.": "congressman", "rep": "congressman", "representative": "congressman",
    "congressman": "congressman", "congresswoman": "congresswoman",
    "mayor": "mayor", "president": "president", "secretary": "secretary", "czar": "czar",
    "speaker": "speaker", "chairman": "chairman", "chairwoman": "chairwoman", "chair": "chair",
    "director": "director", "judge": "judge", "justice": "justice", "ambassador": "ambassador",
    "minister": "minister", "sheriff": "sheriff", "commissioner": "commissioner", "general": "general",
    "gen.": "general", "attorney": "attorney", "chief": "chief", "leader": "leader", "pope": "pope",
    "senator-elect": "senator", "president-elect": "president", "governor-elect": "governor",
    "mayor-elect": "mayor", "spokesman": "spokesman", "spokeswoman": "spokeswoman",
    "candidate": "candidate", "nominee": "nominee", "adviser": "adviser", "advisor": "adviser",
    "premier": "premier", "coach": "coach", "host": "host", "anchor": "anchor",
}
# Lower-case words that may sit in a title before a name
# ("Republican presidential candidate Donald Trump", "border czar Tom Homan").
ROLE_MODIFIERS = frozenset(
    """former presidential candidate nominee hopeful senator governor mayor adviser advisor spokesman
    spokeswoman spokesperson czar border secretary chairman chairwoman strategist pollster leader member
    president host anchor commentator businessman businesswoman billionaire rival contender frontrunner
    front-runner state city council chief deputy senior top press campaign national security homeland
    attorney general party majority minority house senate county district police fire foreign
    economic domestic policy political communications executive vice running mate mate activist
    lawyer director editor columnist correspondent reporter economist professor analyst operative
    aide official officials lawmaker representative congressman congresswoman judge justice
    commissioner sheriff officer agent organizer founder co-founder ceo chair manager consultant
    pastor rabbi ambassador minister prime presidential-candidate republican democratic democrat
    independent libertarian conservative liberal progressive incumbent outgoing incoming acting
    then-candidate then-senator then-governor then-president longtime veteran retired
    multibillionaire real-estate mogul tycoon star actor actress singer comedian rapper
    u.s. american gop first lady boss party chief head star anchor host co-host chairman whip bureau
    counsel adviser advisor general attorney-general nominee frontrunner hopeful""".split()
)
# Heads of anonymous-source descriptors ("a Democratic state official").
DESCRIPTOR_HEADS = frozenset(
    """official officials aide aides spokesperson spokesman spokeswoman spokespeople spokesmen source
    sources person people adviser advisers advisor advisors operative operatives strategist strategists
    staffer staffers lawmaker lawmakers member members resident residents voter voters supporter
    supporters officer officers analyst analysts expert experts insider insiders confidant confidants
    ally allies friend friends diplomat diplomats executive executives employee employees worker
    workers organizer organizers activist activists protester protesters protestors witness witnesses
    neighbor neighbors attendee attendees delegate delegates donor donors lobbyist lobbyists attorney
    attorneys lawyer lawyers investigator investigators agent agents economist economists pollster
    pollsters historian historians professor professors scientist scientists researcher researchers
    critic critics observer observers veteran veterans leader leaders woman women man men student
    students mother father parent parents teacher teachers representative representatives
    republican republicans democrat democrats conservative conservatives liberal liberals
    candidate candidates senator senators governor governors mayor mayors congressman congressmen
    counselor consultant consultants manager managers director directors chairman president
    secretary commentator commentators columnist host reporter reporters journalist journalists
    spokesperson's fan fans user users caller callers viewer viewers reader readers owner owners
    farmer farmers nurse nurses doctor doctors pastor officials' aide's colleague colleagues
    participant participants visitor visitors customer customers businessman businesswoman
    entrepreneur guest guests panelist panelists moderator audience crowd nominee nominees narrator
    chairwoman chair founder co-founder editor editors writer writers author authors judge judges
    prosecutor prosecutors detective detectives sheriff spokespersons hopeful hopefuls""".split()
)
# Heads that make a noun phrase an organisation ("the White House", "the city").
ORG_HEADS = frozenset(
    """house pentagon city state campaign committee department agency office administration government
    council company group organization organisation party network newspaper magazine court university
    police union association ministry kremlin embassy bureau board commission foundation institute
    coalition center centre firm bank team senate congress legislature county district times post
    journal news tribune daily herald globe review press service services corporation corp inc
    airlines club church school college fund trust council caucus coalition alliance society
    federation league army navy military force forces agency fbi cia nsa dhs ice irs doj gop dnc rnc
    rnc nra aclu cnn nbc cbs abc msnbc fox npr pbs reuters ap afp bbc politico axios breitbart
    hill blaze nytimes wsj""".split()
)
# Capitalised words that never start or make up a person's name.
NOT_NAME_WORDS = frozenset(
    """the a an this that these those it its in on at of for and but or nor so yet if when while as by
    with from to into after before during since until about over under against between through
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    i we you he she they his her their our my your there here what who whom which why how
    not no yes all some many most more much other another both each every any one two three
    democrats republicans democrat republican americans american gop house senate congress white
    state states city county department committee party university street avenue road court news
    times post journal network channel times island river lake mount north south east west new
    united america capitol administration government campaign twitter facebook instagram
    youtube google internet x truth social media democratic socialist progressive conservative
    liberal independent federal national presidential congressional republican's democrats' lastly
    first second third finally meanwhile however still also yet then now today yesterday tomorrow
    mother father dad mom sir madam god lord ms mr mrs dr according last next is are was were has have
    had do does did will would can could should might must islamic muslim jewish catholic
    european asian african latino hispanic arab israeli russian chinese mexican british french german
    international global security science research policy studies project initiative program
    convention conference summit forum fund action network institute foundation center centre
    council committee office agency service services group coalition partnership alliance
    association commission board university college school academy hospital museum library
    company corporation airlines bank exchange market street avenue square hall tower building
    senate house congress assembly parliament court department ministry bureau administration
    republicans democrats americans reprising earlier later here instead like unlike despite amid among per via speaking asked
    even only just perhaps maybe indeed sometimes often ultimately eventually together""".split()
)
ORG_NAME_WORDS = frozenset(
    """house department committee party university college school institute foundation association
    union council commission agency bureau office administration network news times post journal
    tribune herald press corporation inc corp co company group center centre church court congress
    senate assembly legislature coalition alliance society federation league club trust fund bank
    capital partners airlines motors media pentagon kremlin army navy ministry government campaign
    organization organisation caucus pac police department's republic kingdom islands island county
    province valley bay beach park mountains river lake coast airport station stadium arena center
    war panthers yankees patriots giants cowboys eagles islander islanders""".split()
)
FEMALE_FIRST_NAMES = frozenset(
    """hillary carly amy kristi renee renée abigail tina kamala nancy elizabeth michelle melania ivanka
    sarah sara susan mary patricia jennifer linda barbara margaret karen lisa betty helen sandra donna
    carol ruth sharon laura kimberly deborah jessica shirley cynthia angela melissa brenda anna
    virginia kathleen pamela martha debra amanda stephanie carolyn christine marie janet catherine
    frances ann joyce diane alice julie heather teresa doris gloria evelyn jean cheryl mildred
    katherine joan ashley judith rose janice kelly nicole judy christina kathy theresa beverly denise
    tammy irene jane lori rachel marilyn andrea kathryn louise sara anne jacqueline wanda bonnie
    julia ruby lois tina phyllis norma paula diana annie lillian emily robin peggy crystal gladys
    rita dawn connie florence tracy edna tiffany carmen rosa cindy grace wendy victoria edith kim
    sherry sylvia josephine thelma shannon sheila ethel ellen elaine marjorie carrie charlotte
    monica esther pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara
    lucille jamie joanne eleanor valerie danielle megan alicia suzanne michele gail bertha darlene
    veronica jill erin geraldine lauren cathy joann lorraine lynn sally regina erica beatrice
    dolores bernice audrey yvonne annette june samantha marion dana stacy ana renee ida vivian
    roberta holly brittany melanie loretta yolanda jeanette laurie katie kristen vanessa alma sue
    elsie beth jeanne vicki carla tara rosemary eileen terri gertrude lucy tonya ella stacey wilma
    gina kristin jessie natalie agnes vera willie charlene bessie delores melinda pearl arlene
    maureen colleen allison tamara joy georgia constance lillie claudia jackie marcia tanya nellie
    minnie marlene heidi glenda lydia viola courtney marian stella caroline dora jo vickie mattie
    terry maxine irma mabel marsha myrtle lena christy deanna patsy hilda gwendolyn jennie nora
    margie nina cassandra leah penny kay priscilla naomi carole brandy olga billie dianne tracey
    leona jenny felicia sonia miriam velma becky bobbie violet kristina toni misty mae shelly
    daisy ramona sherri erika katrina claire nikki haley kirsten jeanne chelsea debbie megyn
    condoleezza ruth elena sonia sheryl huma donna dianne kellyanne hope omarosa ilhan alexandria
    rashida ayanna liz tulsi marsha joni jodi mazie tammy maggie gretchen dana katy meghan""".split()
)
MALE_FIRST_NAMES = frozenset(
    """donald bernie barack joe john james robert michael william david richard joseph thomas charles
    christopher daniel matthew anthony mark paul steven andrew kenneth joshua kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
    brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose
    adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah
    gerald carl terry sean austin arthur lawrence jesse dylan bryan jordan billy bruce albert willie
    gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
    johnny ted rand marco jeb chris mike mitch lindsey rick newt ben tim tom bill hank jim jimmy
    bob ron rudy reince corey kellyanne mitt harry chuck reid nate dick al jeff jon sam dan tony
    steve rob andy greg matt nick ken pat rush sean glenn howard lou sid ed stu rex vladimir xi
    recep bashar benjamin emmanuel angela francois manuel justin shinzo narendra boris david nigel
    keith jacob zohran stephen greg brian kristi derek floyd george julio tom abou keir elon hunter
    beto pete cory kirsten amy""".split()
) - FEMALE_FIRST_NAMES

# More common given names (US and international), so that genders and "is this
# a person" are known for more of the people a story names.
FEMALE_FIRST_NAMES = FEMALE_FIRST_NAMES | frozenset(
    """sandy abby addison adriana adrienne aileen aisha alexa alexis alexandra alison allie alyssa amelia
    angie angelina annabel annette antonia ariana arianna ashlee ashleigh aubrey ava bailey becca belinda
    bethany bianca brianna bridget brooke caitlin callie camila candace candice cara carina carissa
    carmen carrie casey cassidy cecilia celeste chantal chloe christa ciara cindy claudette cora corinne
    daisy daphne darla deb deirdre delia desiree dina dominique dorothy eliza elisa elise ella ellie
    eloise emilia emilie esther eva evangeline faith fatima felicity fiona francesca gabriela gabrielle
    gemma genevieve georgina gillian ginger giselle greta gwen hailey hannah harriet hayley heidi helena
    hillary hollie imani ingrid iris isabel isabella isabelle ivy jacqueline jade jana janelle janine
    jasmine jeanine jenna jennie jessie jillian joanna jocelyn jodie johanna jolene jordana josie joy
    juliana julianne juliet justine kara karin karina kate katelyn katharine kathrine katrina kayla
    kelli kellie kelsey kendra kerry kristy krista kylie lacey lara latoya leigh leila lila lillian lily
    lindsay lindsey liza lola lorena lorna lucia luisa lydia lynne mackenzie madeline madison mallory
    mara marcy margarita maria mariah marianne maribel marina marisa marissa marla marta martina maya
    mckenzie meg melody mercedes meredith mia michaela mindy miranda molly monique nadia natasha nell
    nicola nichole noelle nora olivia paige patty penelope petra phoebe polly portia rachael raquel
    rebecca rebekah reese rena rhiannon rochelle roxanne sabrina sadie samira sasha savannah selena
    serena shana shauna shawna shelby sierra simone sofia sophia sophie stacie stella susanna susannah
    suzanne sydney sylvie tabitha talia tamika tammie tania tasha tatiana tessa thea tricia trisha
    valentina vera veronica vicky violet whitney yasmin yvette zoe zoey nikki niki debra deborah
    jeanne janet jan marcia nancy pelosi kirsten elise dianne loretta katie stephanie jeannie
    ann-marie mary-kay betsy bettye birgit brigitte christiane elke gudrun heike ilse marine segolene
    theresa angela hillary ivana tiffany malia sasha ellen sherrod caitlyn kaitlyn katelynn kathryn
    ilyse ilia cecile huma jill""".split()
) - frozenset(["pelosi", "sherrod"])
MALE_FIRST_NAMES = (MALE_FIRST_NAMES | frozenset(
    """josh abe abraham adrian ahmed ali alberto alejandro alex alfred alfredo allen alvin amir andre
    andres angel angelo antonio archie armando arnold art barry bart ben bennie bernard bert blake bo
    brad bradley brady brendan brent brett brock bud buddy byron calvin cameron carlos carlton carter
    cecil cedric cesar chad charlie chester chip clarence clark claude clay clayton cliff clifford
    clint clinton clyde cody cole colin conor connor conrad craig curt curtis dale dallas damian damon
    dane danny darius darnell darrell darren darryl dave davis dean dewey dexter dominic don donnie
    drew duane duncan dustin dwayne dwight earl eddie eddy edgar edmund eduardo edwin eli elliott
    emanuel emmett enrique ernest ernie erik evan everett ezra felix fernando francis francisco frankie
    franklin fred freddie frederick gavin gene geoffrey gerard gil gilbert glen gordon graham grant
    guillermo gus guy hal hakeem hamid hans harlan harvey hassan hector herb herbert herman homer
    horace hugh hugo ian isaac ivan jackson jaime jake jamal jared jarrod javier jay jeffery jerome
    jessie joaquin joel joey johnnie jorge jose joseph juan judd jules julian julius karl keenan
    keith kelvin kendall kenny kent kirk kurt lamar lance lane lars lee len leo leon leonard leroy
    les lester lewis lincoln lloyd lonnie lorenzo louie lowell luis luke lyle lyndon mack malcolm
    manny marc marcus mario marion marshall martin marty marvin mason maurice max maxwell mel melvin
    merle micah mickey miguel miles milton mitchell mo mohamed mohammed morgan morris moses muhammad
    murray myron nathaniel ned neil nelson noel norm norman oliver omar orrin oscar otis owen pablo
    pedro percy perry phil preston quentin rafael ralph ramon randall randolph raul ray reggie reggie
    reginald rene reuben ricardo rich richie ricky rickey riley robby robbie roberto rocky rod roderick
    rodney rodrigo rogelio roland rolando ron ronnie rory ross ruben rudolph rudy rufus rupert russ
    rusty salvador sammy sandy santiago saul scotty sergio seth shane shaun shawn sheldon sherman
    sidney simon skip sonny spencer stan stanley sterling stewart stuart sylvester ted teddy terrance
    terrence theo theodore thad tobias toby todd tommy tony travis trent trevor troy tucker ty tyrone
    ulysses van vance vern vernon victor vince virgil wade walker wallace walt warren wendell wes
    wesley wilbur will willard willis wilson winston woodrow xavier zach zack marco rand rafael
    reince sherrod orrin mitch lindsey newt jeb rick mike chuck paul ron ben joe john bill hank
    mohammad sergei dmitry vladimir nikolai ahmad abdullah hamza yusuf ibrahim hussein tariq khalid
    francois jean-claude jacques pierre nicolas gerhard helmut wolfgang jurgen matteo giuseppe
    shinzo fumio benjamin bibi netanyahu kim""".split()
) - frozenset(["netanyahu", "kim", "marion", "sandy", "jessie", "morgan", "lee", "ray", "mo"])) - FEMALE_FIRST_NAMES

# Given names borne by men and women alike (Lindsey Graham, Terry McAuliffe,
# Dana Perino): they still mark a person, but give no gender; the text has
# to ("Graham said he ...", "Ms. Perino").
UNISEX_FIRST_NAMES = frozenset(
    """lindsey terry dana leslie robin jamie jordan casey taylor jessie morgan lee kim marion jean
    lynn tracy tracey shelby carroll sam alex jody kerry""".split()
)
FEMALE_FIRST_NAMES = FEMALE_FIRST_NAMES - UNISEX_FIRST_NAMES
MALE_FIRST_NAMES = MALE_FIRST_NAMES - UNISEX_FIRST_NAMES
FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES | UNISEX_FIRST_NAMES
