#!/usr/bin/env bash
# What a fresh Debian machine needs before the tests or the benchmark can run: the .NET SDK (only checked: see global.json for
# the version) and, with "browser", the Debian packages installed when missing: chromium (Playwright drives the system Chromium;
# its own browser download cannot reach the internet here) and a Japanese font (Japanese text in screenshots instead of empty
# boxes); with "pdf", qpdf and poppler-utils (the PDF tests run qpdf --check, pdffonts and pdftoppm). Needs root or sudo -n
# to install. Exits non-zero when something is missing and could not be installed.
#
#   scripts/system-packages.sh [browser] [pdf]   # used by test.sh, scripts/bench-quick.sh and scripts/fault-run.sh
set -uo pipefail

say() { echo "system-packages: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "need root (or sudo) to run: $*"; return 1
  fi
}

packages=()
for group in "$@"; do
  case "$group" in
    browser)
      [ -x /usr/bin/chromium ] || packages+=(chromium)
      if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
        packages+=(fonts-ipaexfont-gothic)
      fi ;;
    pdf)
      command -v qpdf >/dev/null 2>&1 || packages+=(qpdf)
      command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils) ;; # pdffonts and pdftoppm
    *) say "unknown group: $group (browser, pdf)"; exit 2 ;;
  esac
done
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]}"
  if ! as_root apt-get update -q || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "${packages[@]}" </dev/null; then
    say "could not install ${packages[*]}"
    exit 1
  fi
fi
if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET SDK is missing (see global.json for the version)"
  exit 1
fi
