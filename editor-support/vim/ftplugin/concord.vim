" Concord: editing settings. Comments are // and /* */; blocks are braces,
" indented by two spaces as `concord fmt` writes them.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,://
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2 tabstop=8
setlocal autoindent smartindent nocindent
setlocal cinwords=
setlocal iskeyword=a-z,A-Z,48-57,_
setlocal suffixesadd=.concord

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth<'
      \ . ' softtabstop< tabstop< autoindent< smartindent< cindent< cinwords<'
      \ . ' iskeyword< suffixesadd<'
