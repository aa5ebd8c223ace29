" Loads every file in the argument list with the Concord runtime files and
" checks filetype detection, the syntax file and a few highlighted positions.
" Run by run_nvim_test.py; writes one line per failure to g:concord_result_file
" and exits non-zero (:cquit) when there is any.
let s:failures = []

function! s:Fail(msg) abort
  call add(s:failures, a:msg)
endfunction

function! s:GroupAt(line, col) abort
  return synIDattr(synID(a:line, a:col, 1), 'name')
endfunction

" `expectations` is a list of [pattern, offset, group]: the first match of the
" very-nomagic pattern, `offset` characters into it, must have `group`.
function! s:CheckPositions(file, expectations) abort
  for [pattern, offset, group] in a:expectations
    call cursor(1, 1)
    let [lnum, col] = searchpos('\V' . escape(pattern, '\'), 'cW')
    if lnum == 0
      call s:Fail(printf('%s: pattern not found: %s', a:file, pattern))
      continue
    endif
    let actual = s:GroupAt(lnum, col + offset)
    if actual !=# group
      call s:Fail(printf('%s:%d:%d: `%s` +%d: expected %s, got %s',
            \ a:file, lnum, col + offset, pattern, offset, group, actual))
    endif
  endfor
endfunction

let s:checks = get(g:, 'concord_position_checks', {})
let v:errmsg = ''
for s:file in argv()
  execute 'edit' fnameescape(s:file)
  if v:errmsg !=# ''
    call s:Fail(printf('%s: error while loading: %s', s:file, v:errmsg))
    let v:errmsg = ''
  endif
  if &filetype !=# 'concord'
    call s:Fail(printf('%s: filetype is "%s", not "concord"', s:file, &filetype))
  endif
  if get(b:, 'current_syntax', '') !=# 'concord'
    call s:Fail(printf('%s: b:current_syntax is "%s"', s:file, get(b:, 'current_syntax', '')))
  endif
  if &commentstring !=# '//%s' && &commentstring !=# '// %s'
    call s:Fail(printf('%s: commentstring is "%s" (ftplugin not loaded?)', s:file, &commentstring))
  endif
  " Every line must be highlightable without error; a syntax pattern with a
  " bad regex only errors when it is first tried.
  for s:lnum in range(1, line('$'))
    call synID(s:lnum, 1, 1)
    call synID(s:lnum, max([1, col([s:lnum, '$']) - 1]), 1)
  endfor
  let s:name = fnamemodify(s:file, ':t')
  if s:name ==# 'lexer_keywords.concord'
    for s:lnum in range(1, line('$'))
      if s:GroupAt(s:lnum, 1) ==# ''
        call s:Fail(printf('keyword `%s` is not highlighted', matchstr(getline(s:lnum), '^\S\+')))
      endif
    endfor
  endif
  if has_key(s:checks, s:name)
    call s:CheckPositions(s:name, s:checks[s:name])
  endif
endfor

" The ftplugin's indentation: typing a nested block indents by two spaces
" after `{` and takes the indent back at `}`, as `concord fmt` lays it out.
enew
setfiletype concord
execute "normal! icharter x {\<CR>membership {\<CR>entry open\<CR>}\<CR>}"
let s:typed = getline(1, '$')
let s:wanted = ['charter x {', '  membership {', '    entry open', '  }', '}']
if s:typed !=# s:wanted
  call s:Fail('typing a block indents it as ' . string(s:typed) . ', not ' . string(s:wanted))
endif
if &expandtab != 1 || &shiftwidth != 2
  call s:Fail(printf('expandtab=%d shiftwidth=%d, not 1 and 2', &expandtab, &shiftwidth))
endif
bwipeout!

if argc() == 0
  call s:Fail('no files given')
endif
let s:messages = execute('messages')
for s:line in split(s:messages, "\n")
  if s:line =~# '\<E\d\+:'
    call s:Fail('error message: ' . s:line)
  endif
endfor
if v:errmsg !=# ''
  call s:Fail('v:errmsg: ' . v:errmsg)
endif

let s:result = get(g:, 'concord_result_file', 'concord-vim-test.out')
if empty(s:failures)
  call writefile([printf('checked %d file(s): filetype, syntax and positions ok', argc())], s:result)
  qall!
else
  call writefile(s:failures, s:result)
  cquit 1
endif
