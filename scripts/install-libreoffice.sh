#!/usr/bin/env bash
# Installs what the LibreOffice render test and `lectern build --pdf` need:
# LibreOffice Impress and Math (which draws equations), poppler-utils (pdfinfo, pdftotext, pdftoppm) and
# Carlito, the metric-compatible stand-in for Calibri. Debian/Ubuntu, as root.
set -euo pipefail
if command -v soffice >/dev/null && dpkg -s libreoffice-math >/dev/null 2>&1 && command -v pdftotext >/dev/null && fc-list 2>/dev/null | grep -qi carlito; then
  echo "LibreOffice, poppler-utils and Carlito are already installed."
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-impress libreoffice-math poppler-utils fonts-crosextra-carlito fonts-dejavu-core >/dev/null
echo "Installed: $(soffice --version | head -n 1)"
