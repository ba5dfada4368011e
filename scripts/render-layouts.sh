#!/usr/bin/env bash
# Renders every layout of every shipped template (templates/*/template.yaml) through
# LibreOffice, one small PNG per layout, for templates/README.md:
#   docs/images/layouts/<template>-<layout>.png
# Each template gets a deck that uses each of its layouts once: the title slide from
# the front matter, then one slide per layout, chosen with <!-- layout: NAME -->.
# Needs LibreOffice and poppler-utils (scripts/install-libreoffice.sh). No network.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=docs/images/layouts
npm run --silent build
mkdir -p "$out"

# A 16:9 picture for the image layout (sky, sun, cloud, hills and sea), written as a PNG
# with node's zlib: no files from the network, nothing committed.
node -e '
const zlib = require("zlib"), fs = require("fs");
const W = 800, H = 450, raw = Buffer.alloc((W * 3 + 1) * H);
const sky = (y) => [110 + 90 * y / H, 170 + 60 * y / H, 235];
for (let y = 0; y < H; y++) {
  raw[y * (W * 3 + 1)] = 0;
  for (let x = 0; x < W; x++) {
    let c = sky(y);
    if ((x - 640) ** 2 + (y - 90) ** 2 < 50 ** 2) c = [250, 205, 60];
    const cloud = [[230, 110, 45], [280, 95, 55], [330, 112, 42], [280, 125, 40]];
    if (cloud.some(([cx, cy, r]) => (x - cx) ** 2 + (y - cy) ** 2 < r * r)) c = [250, 250, 252];
    if (y > 340 - 190 * Math.exp(-(((x - 190) / 150) ** 2))) c = [86, 150, 80];
    if (y > 330 + 8 * Math.sin(x / 25)) c = [40, 100, 170];
    raw.set(c.map(Math.round), y * (W * 3 + 1) + 1 + x * 3);
  }
}
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type), data]), len = Buffer.alloc(4), crc = Buffer.alloc(4);
  len.writeUInt32BE(data.length); crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr.set([8, 2, 0, 0, 0], 8);
fs.writeFileSync(process.argv[1], Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
' "$work/landscape.png"

# The sample slide for one layout (a layout that is not a standard one gets a short list).
slide() {
  case "$1" in
    section) printf '# Part one: evaporation\n<!-- layout: section -->\n' ;;
    content) cat <<'EOF'
## What is the water cycle?
<!-- layout: content -->

- Water moves between the **sea**, the **air** and the **land**
- The sun warms the sea, and water **evaporates**
  - water vapour rises and cools
- Clouds form, and water falls as **rain** or **snow**

### Key word

*Precipitation*: water falling from clouds
EOF
      ;;
    two-column) cat <<'EOF'
## Two kinds of change
<!-- layout: two-column -->

::: columns
::: column
**Evaporation**

- liquid → gas
- needs warmth
:::
::: column
**Condensation**

- gas → liquid
- happens when air cools
:::
:::
EOF
      ;;
    chart) cat <<'EOF'
## Rain in our town
<!-- layout: chart -->

```chart
type: column
labels: [Jan, Feb, Mar, Apr, May, Jun]
series:
  - name: Rain (mm)
    values: [78, 61, 55, 48, 52, 44]
  - name: Last year (mm)
    values: [70, 66, 49, 51, 40, 38]
title: Rainfall per month (mm)
source: Our class weather station
```
EOF
      ;;
    table) cat <<'EOF'
## The three states of water
<!-- layout: table -->

| State | Example | Temperature (°C) |
|---|---|--:|
| Solid | Ice, snow | below 0 |
| Liquid | Rain, the sea | 0 to 100 |
| Gas | Water vapour | 100 and above |
| Liquid | A puddle | 12 |
EOF
      ;;
    image) cat <<'EOF'
## Where the water goes
<!-- layout: image -->

![A sunny landscape: a cloud over green hills, and the sea](landscape.png)
EOF
      ;;
    *) printf '## The %s layout\n<!-- layout: %s -->\n\n- A first point\n- A second point\n' "$1" "$1" ;;
  esac
}

for yaml in templates/*/template.yaml; do
  template=$(basename "$(dirname "$yaml")")
  # Its layouts, inherited ones included, as lectern reads them.
  layouts=$(node --input-type=module -e '
    import { TemplateLibrary } from "./dist/index.js";
    console.log(new TemplateLibrary([process.argv[1]]).describe(process.argv[2]).layouts.join("\n"));
  ' "$root/templates" "$template")
  dir="$work/$template"
  mkdir -p "$dir"
  cp "$work/landscape.png" "$dir/"
  deck="$dir/layouts.md"
  # Slide 1 is the title slide lectern makes from the front matter: the title layout.
  order=(title)
  cat >"$deck" <<'EOF'
---
title: The Water Cycle
subtitle: How water moves around our planet
author: Ms. Example
organization: Springfield School
date: 2024
footer: "{{title}} · Year 5 Science"
---
EOF
  first=1
  for layout in $layouts; do
    [ "$layout" = title ] && continue
    [ $first = 1 ] && first=0 || printf '\n---\n\n' >>"$deck"
    printf '\n' >>"$deck"
    slide "$layout" >>"$deck"
    order+=("$layout")
  done

  node bin/lectern.js build "$deck" -t "$template" -o "$dir" >/dev/null
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$dir" "$dir/layouts.pptx" >/dev/null 2>&1
  pages=$(pdfinfo "$dir/layouts.pdf" | awk '/^Pages:/ { print $2 }')
  if [ "$pages" != "${#order[@]}" ]; then
    echo "render-layouts: $template: expected ${#order[@]} slides (${order[*]}), LibreOffice made $pages" >&2
    exit 1
  fi
  for i in "${!order[@]}"; do
    page=$((i + 1))
    # A template without a title layout shows its title slide in another layout: no picture of it.
    if [ "${order[$i]}" = title ] && ! grep -qx title <<<"$layouts"; then continue; fi
    pdftoppm -png -r 40 -f "$page" -l "$page" -singlefile "$dir/layouts.pdf" "$out/$template-${order[$i]}"
  done
  echo "$template: ${order[*]}"
done
echo "Wrote $(ls "$out" | wc -l) pictures to $out/"
