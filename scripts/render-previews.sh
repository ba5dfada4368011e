#!/usr/bin/env bash
# Renders the default deck through LibreOffice and keeps a few slides as PNG
# pictures for the README (docs/images/). Needs scripts/install-libreoffice.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run --silent build
for template in default chalkboard; do
  node bin/lectern.js build content/kazakhstan-democracy.md -t "$template" -o "$work/$template" >/dev/null
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work/$template" "$work/$template/kazakhstan-democracy.pptx" >/dev/null
  pdftoppm -png -r 60 "$work/$template/kazakhstan-democracy.pdf" "$work/$template/slide"
done
mkdir -p docs/images
cp "$work/default/slide-01.png" docs/images/default-title.png
cp "$work/default/slide-07.png" docs/images/default-table.png
cp "$work/default/slide-08.png" docs/images/default-chart.png
cp "$work/default/slide-12.png" docs/images/default-two-column.png
cp "$work/chalkboard/slide-01.png" docs/images/chalkboard-title.png
cp "$work/chalkboard/slide-13.png" docs/images/chalkboard-chart.png
echo "Wrote $(ls docs/images/*.png | wc -l) pictures to docs/images/"
