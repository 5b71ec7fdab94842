#!/usr/bin/env bash
# The test command: does all of its set-up on a fresh machine, then runs `dotnet test` with any arguments given.
#   ./test.sh                               every test
#   ./test.sh --filter FullyQualifiedName~Cli   some of them
#   ./test.sh quick                         only the tests that need no service (seconds; nothing is started)
# It restores the pinned tools (smtp4dev) and npm packages (Azurite; ical.js, the independent iCalendar parser the
# feed test reads with), and installs Debian's chromium, LibreOffice
# Writer and poppler when missing; the tests start and stop Azurite and smtp4dev themselves.
set -euo pipefail
cd "$(dirname "$0")"

dotnet tool restore >/dev/null
if [ ! -x node_modules/.bin/azurite ] || [ ! -d node_modules/ical.js ]; then
  npm ci --no-audit --no-fund >/dev/null
fi

# The end-to-end test drives Debian's Chromium with Playwright (its executablePath); the report tests open the
# generated .docx in LibreOffice and read the PDF with poppler, as a specialist's machine would.
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v soffice >/dev/null || packages+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || packages+=(poppler-utils)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing Debian's ${packages[*]} for the browser and document tests" >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${packages[@]}" >/dev/null
fi

# A test that hangs is named and the run stopped after 10 minutes (xunit names tests running past 2 minutes before
# that), instead of holding CI until its own limit.
if [ "${1:-}" = quick ]; then
  shift
  exec dotnet test Tdkt.Functions.sln --filter "Needs=nothing" "$@"
fi
exec dotnet test Tdkt.Functions.sln --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
