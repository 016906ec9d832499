-- Headless Neovim (0.7+) as a second LSP client: attach the bundled KEP Lens
-- server to a manifest, wait for its diagnostics, ask for a hover, and print
-- both as JSON lines for the test to read. Usage:
--   KEP_LENS_SERVER=dist/server/server.js KEP_LENS_NVIM_OUT=out.jsonl \
--   nvim --headless -u NONE -c "luafile test/nvim/kep-lens.lua" FILE
local server = os.getenv('KEP_LENS_SERVER')
local out = {}
local function emit(kind, value) table.insert(out, vim.fn.json_encode({ kind = kind, value = value })) end
local function finish()
  vim.fn.writefile(out, os.getenv('KEP_LENS_NVIM_OUT'))
  vim.cmd('qall!')
end

local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'yaml'
local client_id = vim.lsp.start_client({
  name = 'kep-lens',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  init_options = { settings = { kubernetesVersion = '1.31' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result, ctx)
      for _, d in ipairs(result.diagnostics) do
        emit('diagnostic', { line = d.range.start.line, code = d.code, source = d.source, message = d.message })
      end
      emit('diagnostics-done', #result.diagnostics)
      -- Hover on the first `image:` key that holds a volume source (line ends right after the colon).
      local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
      for i, line in ipairs(lines) do
        local col = line:find('image:%s*$')
        if col then
          local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = i - 1, character = col } }
          vim.lsp.get_client_by_id(ctx.client_id).request('textDocument/hover', params, function(_, hover)
            emit('hover', hover and hover.contents and hover.contents.value or vim.NIL)
            finish()
          end, bufnr)
          return
        end
      end
      finish()
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)
vim.defer_fn(function() emit('timeout', true); finish() end, 15000)
