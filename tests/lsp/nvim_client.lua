-- Headless Neovim 0.7 as a second, independent LSP client of `concord lsp`:
-- Neovim's own client computes the incremental changes and the UTF-16
-- positions. Run by run_nvim_client.sh, which sets CONCORD_BIN and
-- CONCORD_WORKDIR (a copy of fixtures/). Exits 0 when every step passed.
local concord = os.getenv('CONCORD_BIN')
local workdir = os.getenv('CONCORD_WORKDIR')

local function log(message)
  io.stderr:write('--- ' .. message .. '\n')
end

local function check(condition, message)
  if not condition then error(message, 2) end
end

-- Neovim 0.7 keeps the LSP diagnostic's code in user_data.lsp.
local function code_of(d)
  if d.code then return d.code end
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code
end

local function run()
  local path = workdir .. '/tool_library.concord'
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = 'concord',
    cmd = { concord, 'lsp' },
    root_dir = workdir,
    on_exit = function(code) exit_code = code end,
  })
  check(client_id, 'start_client failed')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  log('the concord violation appears')
  check(vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20),
        'no diagnostics arrived')
  local diagnostics = vim.diagnostic.get(bufnr)
  check(#diagnostics == 1, 'expected one diagnostic, got ' .. vim.inspect(diagnostics))
  local d = diagnostics[1]
  check(code_of(d) == 'C002', 'code: ' .. vim.inspect(code_of(d)))
  check(d.source == 'concord', 'source: ' .. vim.inspect(d.source))
  check(d.severity == vim.diagnostic.severity.ERROR, 'severity: ' .. vim.inspect(d.severity))
  -- Neovim turns the UTF-16 range into byte columns: `31 days` is bytes
  -- 35..42 of line 7 (the wrench before it is 4 bytes, 2 UTF-16 units).
  check(d.lnum == 6 and d.col == 35 and d.end_lnum == 6 and d.end_col == 42,
        'range: ' .. vim.inspect({ d.lnum, d.col, d.end_lnum, d.end_col }))
  check(d.message:find('exit is real: notice of at most 30 days', 1, true), d.message)

  log('editing the notice to 30 days clears it')
  local line = vim.api.nvim_buf_get_lines(bufnr, 6, 7, true)[1]
  local at = line:find('31', 1, true)
  check(at == 36, 'unexpected line: ' .. line)
  vim.api.nvim_buf_set_text(bufnr, 6, at - 1, 6, at + 1, { '30' })
  check(vim.wait(15000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20),
        'diagnostics did not clear: ' .. vim.inspect(vim.diagnostic.get(bufnr)))

  local uri = vim.uri_from_bufnr(bufnr)
  log('hover')
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = 21, character = 8 },
  }, 10000)
  local hover = responses and responses[client_id] and responses[client_id].result
  check(hover and hover.contents.value:find('rule lending "Tools are lent for a week"', 1, true),
        'hover: ' .. vim.inspect(responses))

  log('definition across the import')
  responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', {
    textDocument = { uri = uri }, position = { line = 30, character = 12 },
  }, 10000)
  local location = responses and responses[client_id] and responses[client_id].result
  check(location and location.uri == vim.uri_from_fname(workdir .. '/allies.concord'),
        'definition: ' .. vim.inspect(responses))
  check(location.range.start.line == 0 and location.range.start.character == 8,
        'definition range: ' .. vim.inspect(location.range))

  log('shutdown')
  vim.lsp.stop_client(client_id)
  check(vim.wait(10000, function() return exit_code ~= nil end, 20), 'the server did not exit')
  check(exit_code == 0, 'server exit code ' .. tostring(exit_code))
end

local ok, err = pcall(run)
if ok then
  io.stderr:write('ok: the Neovim session passed\n')
  vim.cmd('qall!')
else
  io.stderr:write('FAILED: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
