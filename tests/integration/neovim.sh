#!/usr/bin/env bash
# The README's Neovim snippet, as written there, in a real headless Neovim (Debian 12: 0.7.2):
# a flawed PR/FAQ must get prfaq's diagnostics. Usage: neovim.sh PRFAQ_BINARY SOURCE_DIR
set -uo pipefail
BIN=$1
SRC=$2
if ! command -v nvim >/dev/null; then
  echo "FAIL nvim is not installed (Debian package neovim; scripts/setup.sh installs it)"
  exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The first ```lua block after "Neovim (" in the README.
awk '/^Neovim \(/ { want = 1 } want && /^```lua$/ { on = 1; next } on && /^```$/ { exit } on { print }' \
  "$SRC/README.md" >"$WORK/init.lua"
if ! grep -q 'prfaq' "$WORK/init.lua"; then
  echo "FAIL no Neovim snippet found in README.md"
  exit 1
fi
cat >>"$WORK/init.lua" <<'LUA'
-- The test: wait for prfaq's diagnostics, write what arrived, quit.
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(lines, string.format("%d %s %s", d.lnum + 1, tostring(d.code), d.source or ""))
  end
  vim.fn.writefile(lines, vim.env.PRFAQ_NVIM_OUT)
  vim.cmd(ok and "qa!" or "cq!")
end })
LUA
mkdir -p "$WORK/bin" "$WORK/project"
ln -s "$BIN" "$WORK/bin/prfaq"
cp "$SRC/examples/flawed-launchpad.md" "$WORK/project/launch.md"
printf 'extends = ["default"]\n' >"$WORK/project/.prfaq.toml"
cd "$WORK/project" || exit 1
PATH="$WORK/bin:$PATH" PRFAQ_NVIM_OUT="$WORK/out.txt" HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" \
  XDG_STATE_HOME="$WORK/state" XDG_DATA_HOME="$WORK/data" \
  timeout 60 nvim --headless -n -i NONE -u "$WORK/init.lua" launch.md >"$WORK/nvim.log" 2>&1
rc=$?
expected=$("$BIN" lint --format concise launch.md | grep -c ': ')
got=$(wc -l <"$WORK/out.txt" 2>/dev/null || echo 0)
if [ "$rc" -eq 0 ] && [ "$got" -eq "$expected" ] && grep -q ' PF301 prfaq$' "$WORK/out.txt"; then
  echo "neovim $(nvim --version | head -1 | cut -d' ' -f2): $got diagnostics from prfaq lsp, as prfaq lint finds"
  exit 0
fi
echo "FAIL neovim: exit $rc, $got diagnostics (prfaq lint: $expected)"
cat "$WORK/nvim.log" "$WORK/out.txt" 2>/dev/null | head -20
exit 1
