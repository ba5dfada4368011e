#!/usr/bin/env bash
# Renders the default deck on two PowerPoint template files nobody here wrote (pandoc's
# reference.pptx and LibreOffice's Forestbird, tests/fixtures/pptx-templates/) through
# LibreOffice, and keeps a few slides as PNG pictures for the README (docs/images/pptx-*.png).
# Needs scripts/install-libreoffice.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run --silent build
for template in pandoc-reference Forestbird; do
  node bin/lectern.js build content/kazakhstan-democracy.md -t "tests/fixtures/pptx-templates/$template.pptx" -o "$work/$template" >/dev/null
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work/$template" "$work/$template/kazakhstan-democracy.pptx" >/dev/null
  pdftoppm -png -scale-to-x 800 -scale-to-y -1 "$work/$template/kazakhstan-democracy.pdf" "$work/$template/slide"
done
mkdir -p docs/images
cp "$work/pandoc-reference/slide-02.png" docs/images/pptx-pandoc-reference-list.png
cp "$work/pandoc-reference/slide-08.png" docs/images/pptx-pandoc-reference-chart.png
cp "$work/Forestbird/slide-02.png" docs/images/pptx-forestbird-list.png
cp "$work/Forestbird/slide-14.png" docs/images/pptx-forestbird-two-column.png
echo "Wrote 4 pictures to docs/images/pptx-*.png"
