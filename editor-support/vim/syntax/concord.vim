" Vim syntax file
" Language:    Concord (charters, treaties and scenarios as code)
" Filenames:   *.concord
" Keep the keyword lists in step with the lexer, grammar/Concord.g4.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" Names may be written in any script (`josé`, `дарья`, `李娜`): Latin-1 letters
" are listed (not × and ÷), and Vim counts every character above U+00FF that
" is a letter or a mark as a keyword character by itself. `\k` below is such a
" character; `\%(\d\)\@!` keeps a name from starting with a digit.
syn iskeyword a-z,A-Z,48-57,_,192-214,216-246,248-255

" Declarations and the names they declare.
syn keyword concordInclude import
syn keyword concordDeclaration scenario function ledger fund team office class nextgroup=concordTypeName skipwhite
syn keyword concordDeclaration rule metric fn nextgroup=concordFunctionName skipwhite
syn keyword concordDeclaration concord nextgroup=concordTypeName skipwhite
" `charter` and `treaty` are also the subject of a concord's requirements,
" `charter.membership.exit.notice`, so they are matches with a look-ahead.
syn match concordDeclaration "\<\%(charter\|treaty\)\>\%(\s*\.\)\@!" nextgroup=concordTypeName skipwhite
syn match concordSelf "\<\%(charter\|treaty\)\>\ze\s*\."
syn match concordTypeName "\<\%(\d\)\@!\k\+\>" contained
syn match concordFunctionName "\<\%(\d\)\@!\k\+\>" contained
syn keyword concordModifier essential public private extends

" Clauses.
syn keyword concordSection membership revision treaties decisions sanctions
syn keyword concordStatement require expect on
syn keyword concordConditional if then else when where unless
syn keyword concordRepeat for in
syn keyword concordKeyword adopted stress_game reflection entry exit anytime notice penalty
syn keyword concordKeyword open sponsored vote compulsory every quota quorum method size draw
syn keyword concordKeyword lottery rotation appointed excluding external ruling expires after
syn keyword concordKeyword reaffirmed permanent report steward fixed rotates among designer
syn keyword concordKeyword accept term renewal contribution total at most per text replaces
syn keyword concordKeyword flag reject effective renew party distress_signal respond within
syn keyword concordKeyword cross_training explicitly explicit automatically by cap currency floor seed
syn keyword concordKeyword start run until violation no violations join to leave from sign
syn keyword concordKeyword assembly present except dispute vs serious issued contribute distress
syn keyword concordKeyword record amend remove add replace with as
syn keyword concordKeyword seats chosen election appointment the holders held limit terms row
syn keyword concordKeyword recall decides up majority votes cast consent objections consensus
syn keyword concordKeyword fallback rounds window warning suspension removal verdict finding
syn keyword concordKeyword findings dues reaffirm
syn keyword concordKeyword propose decide elect petition waive yes abstain block object
syn keyword concordKeyword against admission amendment spending events
" Words that are both clause keywords and built-in functions: `jury {` and
" `jury(d1)`, `members eastside_kitchen: ...` and `members(p)`.
syn match concordKeyword "\<\%(members\|any\|all\|jury\|parties\)\>\%(\s*(\)\@!"
" Calls of `fn` declarations; a built-in (defined after, so it wins) or a
" keyword such as `not (...)` is not one.
syn match concordCall "\<\%(\d\)\@!\k\+\ze\s*("
syn match concordBuiltin "\<\%(count\|sum\|any\|all\|min\|max\|members\|contributions\|status\|jury\|exit_options\|parties\|outcome\|holders\|findings\)\>\ze\s*("

syn keyword concordOperatorWord and or not of
syn match concordOperator "->\|==\|!=\|<=\|>=\|[<>=+*/-]"
" Field access: `c.member.income`; a field may be spelt like a keyword.
syn match concordField "\.\s*\%(\d\)\@!\k\+" contains=concordDot
syn match concordDot "\." contained

" Types in `fn` signatures: `(rate: percent) -> money`, `set<member>`.
syn match concordType "\%(\%(:\|->\|<\)\s*\)\@<=\%(bool\|int\|decimal\|percent\|money\|date\|duration\|text\|set\)\>"

" Literals. For matches at the same column the one defined last wins, so the
" longer literal forms come after plain numbers.
syn keyword concordBoolean true false
syn keyword concordNone none
" The date of the evaluation, a value like `none`.
syn keyword concordToday today
syn keyword concordUnit day days week weeks month months year years lunar
syn match concordNumber "\<\d\+\%(\.\d\+\)\=\>"
syn match concordMoney "\<\d\+\%(\.\d\+\)\=\s*\u[A-Z0-9_]*\>"
syn match concordDuration "\<\d\+\s\+\%(lunar\s\+\)\=\%(days\=\|weeks\=\|months\=\|years\=\)\>"
syn match concordPercent "\<\d\+\%(\.\d\+\)\=%"
syn match concordDate "\<\d\{4}-\d\{2}-\d\{2}\>"
" Diagnostic codes: `as C002 "..."`, `expect violation R010`.
syn match concordCode "\<\u\d\+\>"

syn match concordBadEscape "\\." contained
syn match concordEscape "\\[\"\\nt]" contained
" A string that is not closed ends at the end of its line, as in the lexer.
syn region concordString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ contains=concordEscape,concordBadEscape

syn keyword concordTodo TODO FIXME XXX NOTE contained
" `// concord: allow L101, L102 reason` suppresses lints on its line.
syn match concordAllow "\%(//\s*\)\@<=concord:\s*allow\%([ \t,]\|$\)\%([ \t,]*\a\d\+\>\)*" contained contains=concordAllowCode
syn match concordAllowCode "\<\a\d\+\>" contained
syn match concordLineComment "//.*$" contains=concordAllow,concordTodo,@Spell
syn region concordBlockComment start="/\*" end="\*/" contains=concordTodo,@Spell fold
syn region concordBlock start="{" end="}" transparent fold
" Jumping into a long file, find the nearest block comment boundary first:
" block comments are the only highlighting that spans lines (blocks are
" transparent and only fold).
syn sync ccomment concordBlockComment minlines=50

hi def link concordInclude       Include
hi def link concordDeclaration   Structure
hi def link concordSelf          Special
hi def link concordTypeName      Type
hi def link concordFunctionName  Function
hi def link concordModifier      StorageClass
hi def link concordSection       Keyword
hi def link concordStatement     Statement
hi def link concordConditional   Conditional
hi def link concordRepeat        Repeat
hi def link concordKeyword       Keyword
hi def link concordBuiltin       Function
hi def link concordCall          Function
hi def link concordOperatorWord  Operator
hi def link concordOperator      Operator
hi def link concordField         Identifier
hi def link concordDot           Delimiter
hi def link concordType          Type
hi def link concordBoolean       Boolean
hi def link concordNone          Constant
hi def link concordToday         Constant
hi def link concordUnit          Special
hi def link concordNumber        Number
hi def link concordMoney         Number
hi def link concordDuration      Number
hi def link concordPercent       Number
hi def link concordDate          Constant
hi def link concordCode          Special
hi def link concordString        String
hi def link concordEscape        SpecialChar
hi def link concordBadEscape     Error
hi def link concordTodo          Todo
hi def link concordAllow         PreProc
hi def link concordAllowCode     Special
hi def link concordLineComment   Comment
hi def link concordBlockComment  Comment

let b:current_syntax = 'concord'

let &cpo = s:cpo_save
unlet s:cpo_save
