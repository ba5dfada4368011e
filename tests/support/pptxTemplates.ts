import path from 'node:path';

/** The fixtures: PowerPoint templates nobody here wrote (see its README.md). */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pptx-templates');
/** The templates (in the fixtures folder) nobody here wrote: pandoc's reference.pptx (made in PowerPoint, 16:9) and LibreOffice's Impress templates saved as PPTX (Nature_Illustration is 4:3). */
export const TEMPLATE_FILES = [
  'pandoc-reference',
  'Sunset',
  'DNA',
  'Inspiration',
  'Blue_Curve',
  'Piano',
  'Lights',
  'Focus',
  'Forestbird',
  'Midnightblue',
  'Nature_Illustration',
];

/** A deck with a slide of each kind; `template` names the file. */
export function everyKindDeck(template: string): string {
  return `---
title: Photosynthesis & the $& "Leaf" ]]>
subtitle: How plants eat light
author: Ms. Example
date: "2024"
footer: "Biology"
template: ${template}
---

# Part one

---

## What plants need

- Light from the sun
- Water
  - from the roots
- Carbon dioxide

---

## Two sides

::: columns
::: column
- left side
:::
::: column
- right side
:::
:::

---

## A table

| Gas | Share |
|---|--:|
| Nitrogen | 78 |
| Oxygen | 21 |

---

## A chart

\`\`\`chart
type: column
labels: [Spring, Summer, Autumn]
series:
  - name: Growth
    values: [1, 2, 3]
\`\`\`
`;
}
