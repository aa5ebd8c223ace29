" Concord charters, treaties and scenarios.
autocmd BufRead,BufNewFile *.concord setfiletype concord
