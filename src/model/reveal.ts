import type { Block } from '../content/blocks.js';

/**
 * Numbers the clicks on which a slide's blocks appear: a pause (`. . .`,
 * `<!-- pause -->`) makes what follows it appear on the next click, and each
 * item of an incremental list (`::: incremental`, Marp's `*` list, a list after
 * `<!-- incremental -->`, or any list when `incremental` is the deck's default,
 * short of a `::: nonincremental` one) on a click of its own; what follows such a
 * list is shown with the slide, or on its pause's click. A list's `step` is
 * the click of its first item. Pauses and `incremental` directives are used up;
 * footnotes are shown with the slide.
 */
export function revealSteps(blocks: Block[], incrementalByDefault: boolean): Block[] {
  // The clicks used so far, and the click on which what is not a list item appears (the last pause's).
  let clicks = 0;
  let step = 0;
  let nextListIncremental = false;
  const at = <B extends Block>(b: B): B => (step > 0 ? { ...b, step } : b);
  const visit = (list: Block[]): Block[] =>
    list.flatMap((b): Block[] => {
      switch (b.kind) {
        case 'pause':
          step = ++clicks;
          return [];
        case 'directive':
          if (b.name !== 'incremental') return [b];
          nextListIncremental = true;
          return [];
        case 'list': {
          const incremental = b.incremental ?? (b.againstDefault ? !incrementalByDefault : nextListIncremental || incrementalByDefault);
          nextListIncremental = false;
          if (!incremental || b.items.length === 0) return [at({ ...b, incremental: false })];
          const first = clicks + 1;
          clicks += b.items.length;
          return [{ ...b, incremental: true, step: first }];
        }
        case 'columns':
          return [at({ ...b, columns: b.columns.map(visit) })];
        case 'sized':
          return [{ ...b, blocks: visit(b.blocks) }];
        case 'quote':
          return [at({ ...b, blocks: visit(b.blocks) })];
        case 'footnote':
          return [b];
        default:
          return [at(b)];
      }
    });
  return visit(blocks);
}

/** Whether any block of a slide appears on a click. */
export function hasSteps(blocks: Block[]): boolean {
  return blocks.some((b) => (b.step ?? 0) > 0 || (b.kind === 'columns' && b.columns.some(hasSteps)));
}
