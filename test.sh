#!/usr/bin/env bash
# The test command: does all of its set-up on a fresh machine, then runs `dotnet test` with any arguments given.
#   ./test.sh                               every test
#   ./test.sh --filter FullyQualifiedName~Cli   some of them
# It restores the pinned tools (smtp4dev) and npm packages (Azurite), and installs Debian's chromium for the
# browser test when it is missing; the tests start and stop Azurite and smtp4dev themselves.
set -euo pipefail
cd "$(dirname "$0")"

dotnet tool restore >/dev/null
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund >/dev/null
fi

# The end-to-end test drives Debian's Chromium with Playwright (its executablePath).
if [ ! -x /usr/bin/chromium ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing Debian's chromium for the browser test" >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >/dev/null
fi

exec dotnet test Tdkt.Functions.sln "$@"
