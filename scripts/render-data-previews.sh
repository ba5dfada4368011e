#!/usr/bin/env bash
# Renders the results deck (tests/fixtures/_data/results.md, from the marks workbook) through
# LibreOffice and keeps its table and charts as PNG pictures for the README (docs/images/data-*.png).
# Needs scripts/install-libreoffice.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run --silent build
node bin/lectern.js build tests/fixtures/_data/results.md -o "$work" >/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/results.pptx" >/dev/null
pdftoppm -png -r 60 "$work/results.pdf" "$work/slide"
mkdir -p docs/images
cp "$work/slide-2.png" docs/images/data-grouped-table.png
cp "$work/slide-3.png" docs/images/data-stacked-chart.png
cp "$work/slide-4.png" docs/images/data-trendline-chart.png
cp "$work/slide-5.png" docs/images/data-combination-chart.png
cp "$work/slide-6.png" docs/images/data-histogram.png
echo "Wrote docs/images/data-*.png"
