// Concord: the language of charters and treaties.
//
// One combined grammar for the whole surface of LANGUAGE.md. The parser is
// driven from compiler/syntax/parser.cpp, which is the only code that sees the
// generated classes; everything downstream works on our own AST.
//
// Layout rules: newlines are not significant and every clause starts with a
// keyword, so `,` and `;` between clauses are optional separators (`sep?`).
// Many keywords are "soft": they are also accepted where an identifier is
// expected (see `ident`), so `members(p)`, `c.member.income` and a rule called
// `report` all parse.

grammar Concord;

// ---------------------------------------------------------------------------
// Files and declarations

file : (importDecl | decl | sep)* EOF ;

importDecl
  : IMPORT STRING                         # importPath
  | IMPORT ident (DOT ident)*             # importModule
  ;

decl
  : fnDecl
  | concordDecl
  | charterDecl
  | treatyDecl
  | scenarioDecl
  ;

title : STRING ;

// Clause separators are optional and carry no meaning.
sep : SEP | COMMA ;

fnDecl : FN ident LPAREN (param (COMMA param)*)? RPAREN ARROW typeRef ASSIGN expr ;
param  : ident COLON typeRef ;
typeRef : ident (LT typeRef GT)? ;

// ---------------------------------------------------------------------------
// Concords: requirements over the compiled model of charters and treaties

concordDecl : CONCORD ident title? (EXTENDS ident)? LBRACE (requirement | sep)* RBRACE ;
requirement : REQUIRE expr AS UPPER STRING ;

// ---------------------------------------------------------------------------
// Charters

charterDecl : CHARTER ident title? LBRACE (charterItem | sep)* RBRACE ;

charterItem
  : ADOPTED DATE                                              # adoptedClause
  | CONCORD ident                                             # claimsConcord
  | MEMBERSHIP LBRACE (membershipItem | sep)* RBRACE          # membershipSection
  | REVISION LBRACE (revisionItem | sep)* RBRACE              # revisionSection
  | FUNCTION ident title? ESSENTIAL? LBRACE (teamDecl | sep)* RBRACE # functionSection
  | JURY LBRACE (juryItem | sep)* RBRACE                      # jurySection
  | LEDGER ident title? LBRACE (ledgerItem | sep)* RBRACE     # ledgerSection
  | STRESS_GAME EVERY period (DESIGNER rotation)?             # stressGameClause
  | REFLECTION EVERY period                                   # reflectionClause
  | TREATIES LBRACE (acceptItem | sep)* RBRACE                # treatiesSection
  | OFFICE ident title? LBRACE (officeItem | sep)* RBRACE     # officeSection
  | DECISIONS LBRACE (decisionRule | sep)* RBRACE             # decisionsSection
  | SANCTIONS LBRACE (sanctionItem | sep)* RBRACE             # sanctionsSection
  | ruleDecl                                                  # ruleItem
  | metricDecl                                                # metricItem
  ;

membershipItem
  : ENTRY entryMode                                           # entryClause
  | EXIT ANYTIME? NOTICE expr (PENALTY STRING)?               # exitClause
  | CLASS ident title? LBRACE (classItem | sep)* RBRACE       # classClause
  | DUES expr PER period TO ident                             # duesClause
  ;

classItem : VOTES (TRUE | FALSE) ;

entryMode
  : OPEN                                                      # entryOpen
  | SPONSORED BY INT                                          # entrySponsored
  | VOTE PERCENT                                              # entryVote
  | COMPULSORY                                                # entryCompulsory
  | BY ident                                                  # entryByDecision
  ;

// `quota 25% of rules` or `quota 2 rules`: an absolute quota may name its unit.
// A last word says what the quota counts: `quota 25% of rules reconsidered`,
// `quota 2 rules changed` (the default). Both words are checked by the AST
// builder, as `rules` is, so neither is reserved.
revisionItem
  : EVERY period                                              # revisionEvery
  | QUOTA expr (ident | RULE)? ident?                         # revisionQuota
  | QUORUM expr                                               # revisionQuorum
  ;

teamDecl : TEAM ident (METHOD STRING)? ;

juryItem
  : SIZE INT                                                  # jurySize
  | DRAW LOTTERY FROM ident (EXCLUDING ident)?                # juryDraw
  | DRAW ROTATION FROM ident (EXCLUDING ident)?               # juryRotationDraw
  | DRAW APPOINTED                                            # juryAppointed
  | EXTERNAL INT FROM ident (WHEN ident)?                     # juryExternal
  | RULING EXPIRES AFTER expr (UNLESS REAFFIRMED)?            # juryRulingExpires
  | RULING PERMANENT                                          # juryRulingPermanent
  ;

ledgerItem
  : PUBLIC                                                    # ledgerPublic
  | PRIVATE                                                   # ledgerPrivate
  | REPORT EVERY period                                       # ledgerReport
  | STEWARD rotation                                          # ledgerSteward
  | STEWARD FIXED ident                                       # ledgerStewardFixed
  | CAP expr                                                  # ledgerCap
  | CURRENCY UPPER                                            # ledgerCurrency
  ;

// `rotates every 3 months among members`
rotation : ROTATES (EVERY period)? AMONG ident ;

acceptItem
  : ACCEPT TERM AT MOST expr                                  # acceptTerm
  | ACCEPT NOTICE AT MOST expr                                # acceptNotice
  | ACCEPT RENEWAL renewalMode                                # acceptRenewal
  | ACCEPT CONTRIBUTION AT MOST expr PER period               # acceptContribution
  | ACCEPT TOTAL CONTRIBUTION AT MOST expr PER period         # acceptTotalContribution
  ;

// ---------------------------------------------------------------------------
// Power: offices, decision rules and sanctions (POWER.md §1-§4)

officeItem
  : SEATS INT                                                 # officeSeats
  | CHOSEN BY selection                                       # officeChosen
  | HELD BY ident                                             # officeHeld
  | TERM expr                                                 # officeTerm
  | LIMIT INT (TERM | TERMS) IN ident ROW                     # officeLimit
  | RECALL BY share OF MEMBERS                                # officeRecall
  | DECIDES ident (UP TO expr)?                               # officeDecides
  ;

selection
  : ELECTION AMONG ident                                      # selectElection
  | LOTTERY AMONG ident                                       # selectLottery
  | ROTATION AMONG ident EVERY period                         # selectRotation
  | APPOINTMENT BY ident                                      # selectAppointment
  | THE HOLDERS                                               # selectHolders
  ;

// `75%` or `2/3`.
share : PERCENT | INT SLASH INT ;

// `amendment by consent objections at most 10% of members notice 7 days`
decisionRule : ident BY decisionMethod decisionOption* ;

decisionMethod
  : MAJORITY OF VOTES CAST                                    # methodMajority
  | VOTE share OF VOTES CAST                                  # methodVoteCast
  | VOTE share OF MEMBERS                                     # methodVoteMembers
  | CONSENT OBJECTIONS AT MOST share OF MEMBERS               # methodConsent
  | CONSENSUS                                                 # methodConsensus
  | OFFICE ident (UP TO expr)?                                # methodOffice
  | JURY                                                      # methodJury
  | ASSEMBLY                                                  # methodAssembly
  ;

decisionOption
  : QUORUM share OF MEMBERS                                   # optionQuorumShare
  | QUORUM INT                                                # optionQuorumCount
  | NOTICE expr                                               # optionNotice
  | WINDOW expr                                               # optionWindow
  | FALLBACK VOTE share OF VOTES CAST AFTER INT ROUNDS        # optionFallback
  ;

sanctionItem
  : WARNING BY sanctionMethod                                 # sanctionWarning
  | SUSPENSION AT MOST expr BY sanctionMethod                 # sanctionSuspension
  | REMOVAL BY sanctionMethod                                 # sanctionRemoval
  | FINDING EXPIRES AFTER expr                                # sanctionFindingExpires
  ;

// `jury verdict 4 of 5`, `vote 2/3 of members after 2 findings within 1 year`
sanctionMethod
  : decisionMethod (VERDICT INT OF INT)? (AFTER INT FINDINGS WITHIN expr)?
  ;

// A calendar period: `month`, `3 months`, `lunar month`, `2 weeks`.
period : INT? durationUnit ;

durationUnit : DAY | WEEK | MONTH | YEAR | LUNAR MONTH ;

// ---------------------------------------------------------------------------
// Rules and metrics

ruleDecl : RULE ident title? LBRACE (ruleItem_ | sep)* RBRACE ;

ruleItem_
  : TEXT STRING                                               # ruleText
  | ON ident ident (WHERE expr)?                              # ruleOn
  | REQUIRE expr (ELSE STRING)?                               # ruleRequire
  | WHEN expr THEN effect                                     # ruleWhen
  | REPLACES ident                                            # ruleReplaces
  ;

effect
  : FLAG STRING                                               # effectFlag
  | REJECT STRING                                             # effectReject
  ;

metricDecl : METRIC ident title? ASSIGN expr ;

// ---------------------------------------------------------------------------
// Treaties

treatyDecl : TREATY ident title? LBRACE (treatyItem | sep)* RBRACE ;

treatyItem
  : PARTIES ident (COMMA ident)*                              # partiesClause
  | EFFECTIVE DATE                                            # effectiveClause
  | TERM expr (RENEW renewalMode)?                            # termClause
  | EXIT ANY PARTY NOTICE expr (PENALTY STRING)?              # treatyExitClause
  | DISTRESS_SIGNAL STRING RESPOND WITHIN expr                # distressClause
  | FUND ident title? LBRACE (fundItem | sep)* RBRACE         # fundSection
  | CROSS_TRAINING EVERY period                               # crossTrainingClause
  | ruleDecl                                                  # treatyRuleItem
  ;

renewalMode
  : EXPLICITLY BY ALL                                         # renewExplicit
  | EXPLICIT                                                  # renewExplicitShort
  | AUTOMATICALLY                                             # renewAutomatic
  ;

fundItem
  : CONTRIBUTION expr (CAP expr)? (FLOOR expr)? PER period    # fundContribution
  | STEWARD rotation                                          # fundSteward
  | STEWARD FIXED ident                                       # fundStewardFixed
  ;

// ---------------------------------------------------------------------------
// Scenarios: a dated history played forward by the runtime

scenarioDecl : SCENARIO ident title? LBRACE (scenarioItem | sep)* RBRACE ;

scenarioItem
  : SEED STRING                                               # seedClause
  | START DATE                                                # startClause
  | MEMBERS ident COLON ident (COMMA ident)* attrs?           # membersClause
  | ON DATE event                                             # eventClause
  // `on 2027-01-07 every lunar month assembly x present all until 2027-12-31`:
  // occurrence k falls on DATE + k × period (docs/reference-runtime.md).
  | ON DATE EVERY period event (UNTIL DATE)?                  # recurringEventClause
  // `events from "payments.events"`: dated events read from a file, one per
  // line, as a stream (compiler/syntax/event_stream.h, docs/reference.md).
  | EVENTS FROM STRING                                        # eventsFromClause
  | RUN UNTIL DATE                                            # runUntilClause
  | EXPECT ON DATE expr                                       # expectOn
  | EXPECT VIOLATION UPPER (ON DATE)?                         # expectViolation
  | EXPECT NO VIOLATIONS                                      # expectNoViolations
  | EXPECT expr                                               # expectAlways
  ;

attrs : LBRACE (attr (COMMA? attr)*)? RBRACE ;
attr  : ident expr ;

event
  : JOIN ident TO ident attrs?                                # joinEvent
  | LEAVE ident FROM ident                                    # leaveEvent
  | SIGN ident BY identList                                   # signEvent
  | RENEW ident BY identList                                  # renewEvent
  | EXIT ident FROM ident                                     # exitEvent
  | ASSEMBLY ident PRESENT presence (LBRACE (change | sep)* RBRACE)? # assemblyEvent
  | DISPUTE ident IN ident ident VS ident SERIOUS?            # disputeEvent
  | RULING ident (REAFFIRMED | ISSUED)                        # rulingEvent
  | CONTRIBUTE ident expr TO ident                            # contributeEvent
  | REPORT ident                                              # reportEvent
  | STRESS_GAME ident (DESIGNER ident)?                       # stressGameEvent
  | REFLECTION ident                                          # reflectionEvent
  | DISTRESS ident BY ident                                   # distressEvent
  | RESPOND ident BY ident                                    # respondEvent
  | RECORD ident ident IN ident attrs?                        # recordEvent
  // Decisions at run time (POWER.md §6, docs/reference.md).
  | PROPOSE ident IN ident AMENDMENT LBRACE (change | sep)* RBRACE # proposeAmendmentEvent
  | PROPOSE ident IN ident proposalMatter                     # proposeEvent
  | VOTE ident ballot+                                        # voteEvent
  | DECIDE ident                                              # decideEvent
  | ELECT ident identList (IN ident)?                         # electEvent
  | PETITION RECALL OF ident IN ident BY identList            # petitionEvent
  | VERDICT ident AGAINST ident INT OF INT LBRACE sep* verdictSanction sep* RBRACE # verdictEvent
  | WAIVE DUES FOR ident (IN ident)? UNTIL DATE               # waiveEvent
  ;

// What a proposal asks; an amendment's changes are the event's own block.
proposalMatter
  : ADMISSION OF ident                                        # matterAdmission
  | REMOVAL OF ident                                          # matterRemoval
  | TREATY (SIGN | RENEW | EXIT) ident                        # matterTreaty
  | SPENDING expr FROM ident                                  # matterSpending
  | ELECTION OF ident                                         # matterElection
  | RECALL OF ident                                           # matterRecall
  ;

// `yes ana, ben`: a choice and the voters who made it; a list ends where no
// comma follows, so `yes ana, ben no chen` holds two ballots groups.
ballot : ballotChoice identList ;

ballotChoice : YES | NO | ABSTAIN | BLOCK | OBJECT ;

// `{ suspension 1 month }`: the length is for suspensions (sema checks it).
verdictSanction : (WARNING | SUSPENSION | REMOVAL) expr? ;

identList : ident (COMMA ident)* ;

// `present all` is everyone who is a member on the day; ANTLR prefers the
// first alternative, so a lone member named `all` reads as `present all`.
presence
  : ALL (EXCEPT identList)?                                   # presentAll
  | identList                                                 # presentNames
  ;

change
  : AMEND ident                                               # amendChange
  | REMOVE ident                                              # removeChange
  | ADD ruleDecl                                              # addChange
  | REAFFIRM ident                                            # reaffirmChange
  | REPLACE ident WITH ruleDecl                               # replaceChange
  ;

// ---------------------------------------------------------------------------
// Expressions, loosest binding first

expr : orExpr ;

orExpr  : andExpr (OR andExpr)* ;
andExpr : notExpr (AND notExpr)* ;
notExpr : NOT notExpr | cmpExpr ;
// `x.date within 12 months` binds like a comparison: a date on the left, a
// duration on the right, and neither side may be another comparison.
cmpExpr : addExpr (cmpOp addExpr)? ;
cmpOp   : EQ | NE | LT | LE | GT | GE | WITHIN ;
addExpr : mulExpr (addOp mulExpr)* ;
addOp   : PLUS | MINUS ;
mulExpr : unaryExpr (mulOp unaryExpr)* ;
mulOp   : STAR | SLASH | OF ;
unaryExpr : MINUS unaryExpr | postfixExpr ;

postfixExpr : primary (DOT ident)* ;

primary
  : literal                                                   # literalPrimary
  | ident LPAREN (callArg (COMMA callArg)*)? RPAREN           # callPrimary
  | ident                                                     # namePrimary
  | LPAREN expr RPAREN                                        # parenPrimary
  | LBRACE (expr (COMMA expr)*)? RBRACE                       # setPrimary
  | IF expr THEN expr ELSE expr                               # ifPrimary
  ;

// `count(m in members(p) where m.income > 100 EUR)`,
// `sum(c.amount for c in contributions(f) where ...)`, or a plain argument.
callArg
  : ident IN expr (WHERE expr)?                               # filterArg
  | expr FOR ident IN expr (WHERE expr)?                      # mapArg
  | expr                                                      # plainArg
  ;

literal
  : (INT | DECIMAL) UPPER                                     # moneyLiteral
  | INT durationUnit                                          # durationLiteral
  | INT                                                       # intLiteral
  | DECIMAL                                                   # decimalLiteral
  | PERCENT                                                   # percentLiteral
  | DATE                                                      # dateLiteral
  | STRING                                                    # stringLiteral
  | TRUE                                                      # trueLiteral
  | FALSE                                                     # falseLiteral
  | NONE                                                      # noneLiteral
  ;

// Keywords that can also serve as names. Duration units, operators, the words
// that start or end an expression, and `rule`/`metric` (which start
// declarations, so error recovery can resynchronise on them) are not here.
ident
  : IDENT
  | ADOPTED | MEMBERSHIP | REVISION | FUNCTION | ESSENTIAL | JURY | LEDGER
  | STRESS_GAME | REFLECTION | TREATIES | ENTRY | EXIT | ANYTIME | NOTICE
  | PENALTY | OPEN | SPONSORED | VOTE | COMPULSORY | QUOTA | QUORUM | TEAM
  | METHOD | SIZE | DRAW | LOTTERY | ROTATION | APPOINTED | EXCLUDING
  | EXTERNAL | RULING | EXPIRES | AFTER | UNLESS | REAFFIRMED | PERMANENT
  | PUBLIC | PRIVATE | REPORT | STEWARD | FIXED | ROTATES | AMONG | ACCEPT
  | TERM | RENEWAL | CONTRIBUTION | TOTAL | AT | MOST | PER | TEXT | ON
  | REPLACES | FLAG | REJECT | PARTIES | EFFECTIVE | RENEW | ANY | PARTY
  | DISTRESS_SIGNAL | RESPOND | WITHIN | FUND | CROSS_TRAINING | EXPLICITLY
  | BY | ALL | EXPLICIT | AUTOMATICALLY | CAP | CURRENCY | FLOOR | SEED | START
  | MEMBERS | RUN | UNTIL | EXPECT | VIOLATION | NO | VIOLATIONS | JOIN
  | TO | LEAVE | FROM | SIGN | ASSEMBLY | PRESENT | DISPUTE | VS | SERIOUS
  | ISSUED | CONTRIBUTE | DISTRESS | RECORD | AMEND | REMOVE | ADD | REPLACE
  | WITH | DESIGNER | CONCORD | EXTENDS | AS | CHARTER | TREATY
  | SCENARIO | EVERY | EXCEPT
  | OFFICE | SEATS | CHOSEN | ELECTION | APPOINTMENT | THE | HOLDERS | HELD
  | LIMIT | TERMS | ROW | RECALL | DECIDES | UP | DECISIONS | MAJORITY | VOTES
  | CAST | CONSENT | OBJECTIONS | CONSENSUS | FALLBACK | ROUNDS | WINDOW
  | SANCTIONS | WARNING | SUSPENSION | REMOVAL | VERDICT | FINDING | FINDINGS
  | CLASS | DUES | REAFFIRM
  | PROPOSE | DECIDE | ELECT | PETITION | WAIVE | YES | ABSTAIN | BLOCK
  | OBJECT | AGAINST | ADMISSION | AMENDMENT | SPENDING
  | TODAY | EVENTS
  ;

// ---------------------------------------------------------------------------
// Lexer

IMPORT : 'import' ;
FN : 'fn' ;
CONCORD : 'concord' ;
EXTENDS : 'extends' ;
REQUIRE : 'require' ;
AS : 'as' ;
CHARTER : 'charter' ;
TREATY : 'treaty' ;
SCENARIO : 'scenario' ;
RULE : 'rule' ;
METRIC : 'metric' ;

ADOPTED : 'adopted' ;
MEMBERSHIP : 'membership' ;
REVISION : 'revision' ;
FUNCTION : 'function' ;
ESSENTIAL : 'essential' ;
JURY : 'jury' ;
LEDGER : 'ledger' ;
STRESS_GAME : 'stress_game' ;
REFLECTION : 'reflection' ;
TREATIES : 'treaties' ;
ENTRY : 'entry' ;
EXIT : 'exit' ;
ANYTIME : 'anytime' ;
NOTICE : 'notice' ;
PENALTY : 'penalty' ;
OPEN : 'open' ;
SPONSORED : 'sponsored' ;
VOTE : 'vote' ;
COMPULSORY : 'compulsory' ;
EVERY : 'every' ;
QUOTA : 'quota' ;
QUORUM : 'quorum' ;
TEAM : 'team' ;
METHOD : 'method' ;
SIZE : 'size' ;
DRAW : 'draw' ;
LOTTERY : 'lottery' ;
ROTATION : 'rotation' ;
APPOINTED : 'appointed' ;
EXCLUDING : 'excluding' ;
EXTERNAL : 'external' ;
RULING : 'ruling' ;
EXPIRES : 'expires' ;
AFTER : 'after' ;
UNLESS : 'unless' ;
REAFFIRMED : 'reaffirmed' ;
PERMANENT : 'permanent' ;
PUBLIC : 'public' ;
PRIVATE : 'private' ;
REPORT : 'report' ;
STEWARD : 'steward' ;
FIXED : 'fixed' ;
ROTATES : 'rotates' ;
AMONG : 'among' ;
DESIGNER : 'designer' ;
ACCEPT : 'accept' ;
TERM : 'term' ;
RENEWAL : 'renewal' ;
CONTRIBUTION : 'contribution' ;
TOTAL : 'total' ;
AT : 'at' ;
MOST : 'most' ;
PER : 'per' ;
TEXT : 'text' ;
ON : 'on' ;
WHERE : 'where' ;
ELSE : 'else' ;
WHEN : 'when' ;
THEN : 'then' ;
REPLACES : 'replaces' ;
FLAG : 'flag' ;
REJECT : 'reject' ;
PARTIES : 'parties' ;
EFFECTIVE : 'effective' ;
RENEW : 'renew' ;
ANY : 'any' ;
PARTY : 'party' ;
DISTRESS_SIGNAL : 'distress_signal' ;
RESPOND : 'respond' ;
WITHIN : 'within' ;
FUND : 'fund' ;
CROSS_TRAINING : 'cross_training' ;
EXPLICITLY : 'explicitly' ;
EXPLICIT : 'explicit' ;
AUTOMATICALLY : 'automatically' ;
BY : 'by' ;
ALL : 'all' ;
EXCEPT : 'except' ;
CAP : 'cap' ;
CURRENCY : 'currency' ;
FLOOR : 'floor' ;
SEED : 'seed' ;
START : 'start' ;
MEMBERS : 'members' ;
RUN : 'run' ;
UNTIL : 'until' ;
EXPECT : 'expect' ;
VIOLATION : 'violation' ;
NO : 'no' ;
VIOLATIONS : 'violations' ;
JOIN : 'join' ;
TO : 'to' ;
LEAVE : 'leave' ;
FROM : 'from' ;
SIGN : 'sign' ;
ASSEMBLY : 'assembly' ;
PRESENT : 'present' ;
DISPUTE : 'dispute' ;
IN : 'in' ;
VS : 'vs' ;
SERIOUS : 'serious' ;
ISSUED : 'issued' ;
CONTRIBUTE : 'contribute' ;
DISTRESS : 'distress' ;
RECORD : 'record' ;
AMEND : 'amend' ;
REAFFIRM : 'reaffirm' ;
REMOVE : 'remove' ;
ADD : 'add' ;
REPLACE : 'replace' ;
WITH : 'with' ;
FOR : 'for' ;

// Power (POWER.md): all soft keywords.
OFFICE : 'office' ;
SEATS : 'seats' ;
CHOSEN : 'chosen' ;
ELECTION : 'election' ;
APPOINTMENT : 'appointment' ;
THE : 'the' ;
HOLDERS : 'holders' ;
HELD : 'held' ;
LIMIT : 'limit' ;
TERMS : 'terms' ;
ROW : 'row' ;
RECALL : 'recall' ;
DECIDES : 'decides' ;
UP : 'up' ;
DECISIONS : 'decisions' ;
MAJORITY : 'majority' ;
VOTES : 'votes' ;
CAST : 'cast' ;
CONSENT : 'consent' ;
OBJECTIONS : 'objections' ;
CONSENSUS : 'consensus' ;
FALLBACK : 'fallback' ;
ROUNDS : 'rounds' ;
WINDOW : 'window' ;
SANCTIONS : 'sanctions' ;
WARNING : 'warning' ;
SUSPENSION : 'suspension' ;
REMOVAL : 'removal' ;
VERDICT : 'verdict' ;
FINDING : 'finding' ;
FINDINGS : 'findings' ;
CLASS : 'class' ;
DUES : 'dues' ;
PROPOSE : 'propose' ;
DECIDE : 'decide' ;
ELECT : 'elect' ;
PETITION : 'petition' ;
WAIVE : 'waive' ;
YES : 'yes' ;
ABSTAIN : 'abstain' ;
BLOCK : 'block' ;
OBJECT : 'object' ;
AGAINST : 'against' ;
ADMISSION : 'admission' ;
AMENDMENT : 'amendment' ;
SPENDING : 'spending' ;
EVENTS : 'events' ;
// `today`, the date of the evaluation, is a name in expressions that sema
// resolves (a local of that name shadows it), so it stays a soft keyword.
TODAY : 'today' ;

IF : 'if' ;
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
OF : 'of' ;
TRUE : 'true' ;
FALSE : 'false' ;
NONE : 'none' ;

// Duration units (singular and plural spell the same unit).
DAY : 'day' | 'days' ;
WEEK : 'week' | 'weeks' ;
MONTH : 'month' | 'months' ;
YEAR : 'year' | 'years' ;
LUNAR : 'lunar' ;

ARROW : '->' ;
EQ : '==' ;
NE : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
ASSIGN : '=' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
DOT : '.' ;
COMMA : ',' ;
COLON : ':' ;
SEP : ';' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;

// Literals. DATE is tried before INT by longest match, so `2026-11-01` is one
// token while `2026 - 11` is three. Range checks (valid day of month, integer
// range, at most six fractional digits) happen when the AST is built, so they
// get precise diagnostics instead of lexer errors.
DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
PERCENT : DIGIT+ ('.' DIGIT+)? '%' ;
DECIMAL : DIGIT+ '.' DIGIT+ ;
INT : DIGIT+ ;
// Diagnostic codes (C002) and currency codes (EUR).
UPPER : [A-Z] [A-Z0-9_]* ;
// Names (docs/reference.md §2.3): UAX #31 identifiers, lowercase. A name
// starts with `_` or a letter that is not a capital (a lowercase letter, or a
// letter of a script without case: `josé`, `zoë`, `дарья`, `李娜`), and goes on
// with such letters, combining marks, digits and connectors. ASCII capitals
// stay the UPPER token's. The categories approximate XID_Start/XID_Continue
// (ANTLR 4.7 has no set difference); the prescan in compiler/syntax/parser.cpp
// checks the exact properties with ICU, and the builder normalises names to NFC.
IDENT : ID_START ID_CONTINUE* ;
fragment ID_START : [_\p{Ll}\p{Lm}\p{Lo}\p{Nl}\u2118\u212E\u309B\u309C] ;
fragment ID_CONTINUE
  : [\p{Ll}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u2118\u212E\u309B\u309C\u00B7\u0387\u1369-\u1371\u19DA] ;

STRING : '"' ( ESC | ~["\\\r\n] )* '"' ;
// A string that reaches the end of its line without closing. It is passed to
// the parser as a STRING so the clause still parses; the AST builder reports
// E0103 when it sees no closing quote.
UNTERMINATED_STRING : '"' ( ESC | ~["\\\r\n] )* -> type(STRING) ;
fragment ESC : '\\' . ;
fragment DIGIT : [0-9] ;

LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// A block comment that never closes (it cannot contain `*/`, so it only wins
// when there is none before the end of the file); reported as E0104.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF -> channel(HIDDEN) ;
WS : [ \t\r\n\u000C]+ -> skip ;

// Anything else is one bad character, reported as E0105 from the token stream
// and hidden from the parser so it does not cascade into syntax errors.
BAD_CHAR : . -> channel(HIDDEN) ;
