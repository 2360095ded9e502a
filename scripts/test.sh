#!/usr/bin/env bash
# `npm test`: the whole test suite, in the order a failure is cheapest to find.
#   1. system packages the browser and LibreOffice tests need (installed here when root with apt-get)
#   2. tsc --noEmit, eslint ., prettier --check .
#   3. jest: unit + dom, then npm run build, then jest e2e (it serves dist/), then jest libreoffice
# Every step runs even after one fails, so one run shows everything that is broken. The last line is
#   Tests: N passed, M failed
# (summed over the jest runs; a test file that cannot even run counts as one failed test), and the
# exit status is non-zero if any step failed.
#
# Environment: CHROMIUM_PATH (default /usr/bin/chromium) and SOFFICE_PATH (default: soffice or
# libreoffice on PATH) point at the browser and LibreOffice; both are exported to the jest runs.
set -uo pipefail

cd "$(dirname "$0")/.."
OUT=test-output
mkdir -p "$OUT"

failed_steps=""
passed=0
failed=0

banner() { printf '\n==== %s ====\n' "$*"; }
loud() { printf '\n!!!! %s\n' "$*"; }

# ---------------------------------------------------------------- system packages
find_soffice() {
  if [[ -n "${SOFFICE_PATH:-}" ]]; then
    [[ -x "$SOFFICE_PATH" ]] && printf '%s' "$SOFFICE_PATH"
    return
  fi
  command -v soffice || command -v libreoffice || true
}

# Prints the Debian package names still missing, space-separated (empty when all are there).
missing_packages() {
  local missing=""
  [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=" chromium"
  [[ -n "$(find_soffice)" ]] || missing+=" libreoffice-calc-nogui"
  # The Word report's test converts .docx to PDF (Writer) and reads the PDF's text (poppler-utils).
  # Writer is found by its library beside soffice, whichever package (with or without GUI) installed it.
  local soffice
  soffice="$(find_soffice)"
  if [[ "$(uname -s)" == Linux && ( -z "$soffice" || ! -e "$(dirname "$(readlink -f "$soffice")")/libswlo.so" ) ]]; then
    missing+=" libreoffice-writer-nogui"
  fi
  command -v pdftotext >/dev/null || missing+=" poppler-utils"
  # On Linux the browser and LibreOffice tests render text; without a font they get glyph boxes.
  if [[ "$(uname -s)" == Linux && ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
    missing+=" fonts-dejavu-core"
  fi
  # The report is set in Times New Roman; Liberation Serif has its metrics, so LibreOffice breaks
  # lines and pages as Word would and the report's page count (test, benchmark) means something.
  if [[ "$(uname -s)" == Linux && ! -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ]]; then
    missing+=" fonts-liberation2"
  fi
  printf '%s' "${missing# }"
}

banner "system packages"
missing="$(missing_packages)"
if [[ -n "$missing" && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing missing packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; }; then
    loud "apt-get could not install: $missing"
    exit 1
  fi
  missing="$(missing_packages)"
fi
if [[ -n "$missing" ]]; then
  loud "Missing system packages: $missing"
  cat <<EOF
Install them, then run npm test again:
  Debian/Ubuntu:  sudo apt-get install $missing
  macOS:          brew install --cask google-chrome libreoffice, then
                  export CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"
                  export SOFFICE_PATH="/Applications/LibreOffice.app/Contents/MacOS/soffice"
  Windows (Git Bash): install Google Chrome and LibreOffice, then
                  export CHROMIUM_PATH="/c/Program Files/Google/Chrome/Application/chrome.exe"
                  export SOFFICE_PATH="/c/Program Files/LibreOffice/program/soffice.exe"
No test is skipped for a missing package: the suite stops here instead.
EOF
  exit 1
fi
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
SOFFICE_PATH="$(find_soffice)"
export CHROMIUM_PATH SOFFICE_PATH
echo "chromium:    $CHROMIUM_PATH"
echo "libreoffice: $SOFFICE_PATH"

# ---------------------------------------------------------------- steps
step() {
  local name="$1"
  shift
  banner "$name"
  if "$@"; then
    echo "---- $name: ok"
  else
    loud "$name FAILED"
    failed_steps+="${failed_steps:+, }$name"
    return 1
  fi
}

# Jest projects and where their files live (package.json "jest".projects).
has_tests() {
  case "$1" in
    unit) [[ -n "$(find test -name '*.test.ts' -print -quit 2>/dev/null)" ]] ;;
    dom) [[ -n "$(find test -name '*.test.tsx' -print -quit 2>/dev/null)" ]] ;;
    e2e) [[ -n "$(find test/e2e -name '*.e2e.ts' -print -quit 2>/dev/null)" ]] ;;
    libreoffice) [[ -n "$(find test/libreoffice -name '*.lo.ts' -print -quit 2>/dev/null)" ]] ;;
  esac
}

# Runs jest on the given projects and adds its counts to the totals. A project with no test files
# is a failure (one failed test, and a failed step): the README promises every one of them, and a
# suite that silently vanished must not let npm test pass.
run_jest() {
  local label="$1"
  shift
  local projects=""
  local missing=0
  for p in "$@"; do
    if has_tests "$p"; then
      projects+="${projects:+ }$p"
    else
      loud "NO TEST FILES for jest project '$p': counting it as one failed test"
      failed_steps+="${failed_steps:+, }jest $p (no test files)"
      failed=$((failed + 1))
      missing=1
    fi
  done
  [[ -n "$projects" ]] || return 1
  local json="$OUT/jest-$label.json"
  rm -f "$json"
  local status=0
  # shellcheck disable=SC2086 # one word per project
  step "jest $projects" npx jest --ci --selectProjects $projects --json --outputFile "$json" || status=1
  if [[ -s "$json" ]]; then
    local counts
    # A suite that fails before its tests run (syntax or type error) reports 0 failed tests:
    # count it as one failure so it cannot vanish from the summary.
    counts="$(node -e '
      const r = require(process.argv[1]);
      console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites);
    ' "$PWD/$json")"
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
  elif ((status)); then
    loud "jest ($label) wrote no results: counting it as one failed test"
    failed=$((failed + 1))
  fi
  ((status == 0 && missing == 0))
}

step "tsc --noEmit" npx tsc --noEmit -p tsconfig.json
step "eslint" npx eslint .
step "prettier --check" npx prettier --check --log-level warn .
run_jest unit unit dom
if step "npm run build" npm run --silent build; then
  run_jest e2e e2e
elif has_tests e2e; then
  loud "e2e tests not run because the build failed: counting them as one failed test"
  failed=$((failed + 1))
fi
run_jest libreoffice libreoffice

# ---------------------------------------------------------------- summary
echo
if [[ -n "$failed_steps" ]]; then
  echo "Failed steps: $failed_steps"
else
  echo "All steps passed."
fi
echo "Tests: ${passed} passed, ${failed} failed"
[[ -z "$failed_steps" ]] && ((failed == 0))
