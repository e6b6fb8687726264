#!/bin/sh
# nvim.sh ISSCHECK - a real editor: headless Neovim (Debian 12 has 0.7:
# vim.lsp.start_client and buf_attach_client) runs `isscheck lsp` on
# tests/lsp/surrogate.yaml and must receive its diagnostics, each at the
# line and byte column that `isscheck check --format json` gives (columns
# in characters, converted here), on a line holding 𠮷 too.  Exit 77 (skip)
# only when nvim is not installed.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v nvim >/dev/null 2>&1 || { echo "nvim.sh: nvim not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1775012400 ISSCHECK_LANG=en
unset ISSCHECK_CRITERIA
doc=$root/tests/lsp/surrogate.yaml
# what the command line finds: RULE LINE COLUMN (1-based, characters)
"$bin" check --format json "$doc" | python3 -c '
import json, sys
for r in json.load(sys.stdin)["files"][0]["results"]:
    if r["verdict"] in ("fail", "review"):
        print(r["rule"], r["location"]["line"], r["location"]["column"])
' >"$tmp/expected"
grep -q . "$tmp/expected"
cat >"$tmp/test.lua" <<'LUA'
local bin, doc, expected, out = unpack(vim.g.iss_args)
local log = io.open(out, "w")
local function fail(msg) log:write("FAIL " .. msg .. "\n"); log:close(); vim.cmd("qall!") end
vim.cmd("edit " .. vim.fn.fnameescape(doc))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "isscheck", cmd = { bin, "lsp" }, root_dir = vim.fn.fnamemodify(doc, ":h"),
  init_options = { language = "en" },
})
if not id then fail("start_client") return end
vim.lsp.buf_attach_client(buf, id)
local want = {}
for l in io.lines(expected) do
  local rule, line, col = l:match("^(%S+) (%d+) (%d+)$")
  want[#want + 1] = { rule = rule, line = tonumber(line), col = tonumber(col) }
end
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) >= #want end, 50)
if not ok then fail("no diagnostics in 20 s (got " .. #vim.diagnostic.get(buf) .. ")") return end
local got = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do got[d.code .. " " .. d.lnum .. " " .. d.col] = true end
local surrogate = false
for _, w in ipairs(want) do
  local text = vim.api.nvim_buf_get_lines(buf, w.line - 1, w.line, true)[1]
  local byte = vim.str_byteindex(text, w.col - 1)
  local key = w.rule .. " " .. (w.line - 1) .. " " .. byte
  if not got[key] then fail("missing " .. key .. " on: " .. text) return end
  if text:sub(1, byte):find("𠮷", 1, true) then surrogate = true end
  log:write("ok " .. key .. "\n")
end
if not surrogate then fail("no diagnostic after a 𠮷 on its line") return end
if #vim.diagnostic.get(buf) ~= #want then fail("more diagnostics than results") return end
log:write("PASS\n")
log:close()
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.client_is_stopped(id) end, 50)
vim.cmd("qall!")
LUA
timeout 60 nvim --headless --clean -n -i NONE \
  --cmd "let g:iss_args = ['$bin', '$doc', '$tmp/expected', '$tmp/result']" \
  -c "luafile $tmp/test.lua" </dev/null >"$tmp/nvim.out" 2>&1 || true
cat "$tmp/result" 2>/dev/null || { echo "nvim.sh: nvim wrote no result"; cat "$tmp/nvim.out"; exit 1; }
grep -qx PASS "$tmp/result"
