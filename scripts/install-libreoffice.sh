#!/usr/bin/env bash
# Installs what the LibreOffice render tests and `lectern build --pdf` need:
# LibreOffice Impress and Math (which draws equations), poppler-utils (pdfinfo,
# pdftotext, pdftoppm), and the open fonts lectern's width tables come from
# (scripts/font-metrics.mjs): Carlito and Caladea (for Calibri and Cambria),
# Liberation (Arial, Times New Roman, Courier New), DejaVu, Noto Sans CJK and Noto
# (Arabic, Hebrew...). Debian/Ubuntu, as root.
set -euo pipefail
if command -v soffice >/dev/null && dpkg -s libreoffice-math >/dev/null 2>&1 && command -v pdftotext >/dev/null &&
  fc-list 2>/dev/null | grep -qi carlito && fc-list 2>/dev/null | grep -qi caladea && fc-list 2>/dev/null | grep -qi 'Liberation Sans' &&
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' && fc-list 2>/dev/null | grep -qi 'Noto Sans Arabic'; then
  echo "LibreOffice, poppler-utils and the fonts are already installed."
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-impress libreoffice-math poppler-utils fonts-crosextra-carlito \
  fonts-crosextra-caladea fonts-liberation2 fonts-dejavu-core fonts-noto-cjk fonts-noto-core >/dev/null
echo "Installed: $(soffice --version | head -n 1)"
