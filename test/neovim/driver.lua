-- Works Neovim as a person would, after the README's set-up has run: opens the note, waits for
-- STAR Notes' diagnostics, and picks code actions from `vim.lsp.buf.code_action()` through
-- `vim.ui.select`, the hook every picker plugin uses. What it saw goes to $STAR_NOTES_RESULT as
-- JSON; the test (neovim.test.ts) judges it. Neovim 0.7 API only.
local note = os.getenv('STAR_NOTES_NOTE')
local result_file = os.getenv('STAR_NOTES_RESULT')
local patience = tonumber(os.getenv('STAR_NOTES_PATIENCE_MS'))
local seen = { steps = {} }

local function finish(err)
  seen.error = err
  local out = assert(io.open(result_file, 'w'))
  out:write(vim.fn.json_encode(seen))
  out:close()
  vim.cmd(err and 'cquit!' or 'qall!')
end

local function wait_for(what, predicate)
  if not vim.wait(patience, predicate, 50) then error('timed out waiting for ' .. what, 0) end
end

-- The document version of each buffer's latest diagnostics: a finding is judged only on diagnostics
-- of the text as it is now, never on older ones whose ranges an edit has moved.
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  published[vim.uri_to_bufnr(result.uri)] = result.version
end

local function current(buf)
  return published[buf] ~= nil and published[buf] == vim.lsp.util.buf_versions[buf]
end

local function star_diagnostics(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'star-notes' then
      table.insert(found, { code = d.code, lnum = d.lnum, col = d.col, text = vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {})[1] })
    end
  end
  return found
end

local function finding(buf, code, text)
  for _, d in ipairs(star_diagnostics(buf)) do
    if d.code == code and (text == nil or d.text == text) then return d end
  end
end

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

-- Puts the cursor on a finding, asks for code actions and picks the first whose title starts with `title`.
local function apply(buf, d, title)
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local step = { title = title, offered = {} }
  table.insert(seen.steps, step)
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for i, item in ipairs(items) do
      local shown = opts.format_item(item)
      table.insert(step.offered, shown)
      if shown:sub(1, #title) == title and not chosen then chosen = i end
    end
    step.chosen = chosen ~= nil
    if chosen then on_choice(items[chosen], chosen) else on_choice(nil, nil) end
  end
  vim.lsp.buf.code_action()
  wait_for('the code actions for ' .. d.code, function() return step.chosen ~= nil end)
  if not step.chosen then error('no code action "' .. title .. '" among: ' .. table.concat(step.offered, ' | '), 0) end
  return step
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local buf = vim.api.nvim_get_current_buf()
  seen.filetype = vim.bo[buf].filetype
  wait_for('STAR Notes to attach', function() return #vim.lsp.buf_get_clients(buf) > 0 end)
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do seen.client = client.name end

  -- STAR findings come first; spelling follows once the dictionaries have loaded. "recieved"
  -- is never fixed: while it is flagged, the spelling of that version was checked.
  local function checked(what, predicate)
    wait_for(what, function() return current(buf) and finding(buf, 'spelling', 'recieved') and predicate() end)
  end
  checked('missing-result and spelling diagnostics', function() return finding(buf, 'missing-result') and finding(buf, 'spelling', 'replen') end)
  seen.diagnostics = star_diagnostics(buf)

  apply(buf, finding(buf, 'missing-result'), 'Add Result')
  checked('the Result to be inserted', function() return buffer_text(buf):find('- Result:', 1, true) ~= nil and not finding(buf, 'missing-result') end)

  apply(buf, finding(buf, 'spelling', 'replen'), 'Add "replen" to workspace words')
  checked('"replen" to be accepted', function() return not finding(buf, 'spelling', 'replen') end)

  apply(buf, finding(buf, 'spelling', 'cyclecount'), 'Add "cyclecount" to user words')
  checked('"cyclecount" to be accepted', function() return not finding(buf, 'spelling', 'cyclecount') end)

  apply(buf, finding(buf, 'spelling', 'kardex'), 'Ignore "kardex" in this file')
  checked('"kardex" to be ignored', function() return buffer_text(buf):find('cspell:ignore kardex', 1, true) ~= nil and not finding(buf, 'spelling', 'kardex') end)

  vim.cmd('write')
  seen.after = star_diagnostics(buf)
  seen.modified = vim.bo[buf].modified
end

vim.schedule(function()
  local ok, err = xpcall(main, debug.traceback)
  finish(not ok and tostring(err) or nil)
end)
