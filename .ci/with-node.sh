#!/bin/sh
# Runs a command with a Node >= 22.17 first on PATH. MikroORM 7, NestJS 12 and Apollo 5 need
# it; when the machine's node is older, Node 24 is fetched once from the npm registry into
# .tools/node (a real binary in the `node` package).
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools/node/node_modules/.bin"
recent() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)' 2>/dev/null
}
if ! { command -v node >/dev/null 2>&1 && recent node; }; then
  if ! [ -x "$tools/node" ] || ! recent "$tools/node"; then
    echo "with-node: fetching Node 24 into .tools/node (the machine's node is older than 22.17)" >&2
    # Fetched into a private folder, then moved into place, so two runs never share a half
    # install; the registry can drop a download, so try three times before giving up.
    staging="$root/.tools/node.$$"
    for attempt in 1 2 3; do
      rm -rf "$staging"
      if npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$staging" node@24 >&2; then
        break
      fi
      [ "$attempt" = 3 ] && { rm -rf "$staging"; echo "with-node: could not fetch Node 24 from the npm registry" >&2; exit 1; }
      echo "with-node: fetch failed (attempt $attempt), retrying" >&2
      sleep 5
    done
    rm -rf "$root/.tools/node"
    mv "$staging" "$root/.tools/node"
  fi
  PATH="$tools:$PATH"
  export PATH
fi
PATH="$root/node_modules/.bin:$PATH"
export PATH
exec "$@"
