import { shapeStarts } from './slideShapes.js';
import { uniqueShapeIds } from './repair.js';

/** What appears on a click on one slide: a shape (by its place among the slide's shapes), or some of its paragraphs. */
export interface Reveal {
  /** The shape's place in the order the slide's shapes are written, from 0. */
  shape: number;
  /** The click of each of the shape's paragraphs (0: with the slide); a text shape built by paragraph. */
  paragraphs?: number[];
  /** The click of the whole shape. */
  step?: number;
}

/** One effect: a shape or one paragraph of it, made visible. */
interface Effect {
  step: number;
  spid: string;
  paragraph?: number;
}

/**
 * The slide's `p:timing`: for each click in order, its shapes and paragraphs
 * appear, as PowerPoint writes the effect "Appear", "On Click", "By paragraph"
 * (the first of a click a click effect, the others with it), and text shapes
 * built by paragraph are listed in the build list.
 */
export function timingXml(reveals: Reveal[], shapeIds: string[]): string {
  const effects: Effect[] = [];
  const byParagraph = new Set<string>();
  for (const reveal of reveals) {
    const spid = shapeIds[reveal.shape];
    if (spid === undefined) continue;
    reveal.paragraphs?.forEach((step, paragraph) => {
      if (step <= 0) return;
      effects.push({ step, spid, paragraph });
      byParagraph.add(spid);
    });
    if (reveal.step && reveal.step > 0) effects.push({ step: reveal.step, spid });
  }
  if (effects.length === 0) return '';
  const clicks = [...new Set(effects.map((e) => e.step))].sort((a, b) => a - b);
  let id = 2;
  const next = () => ++id;
  const groups = clicks.map((click) => {
    const group = next();
    const inner = next();
    const pars = effects
      .filter((e) => e.step === click)
      .map((e, i) => {
        const node = next();
        const set = next();
        const target =
          e.paragraph === undefined
            ? `<p:spTgt spid="${e.spid}"/>`
            : `<p:spTgt spid="${e.spid}"><p:txEl><p:pRg st="${e.paragraph}" end="${e.paragraph}"/></p:txEl></p:spTgt>`;
        return (
          `<p:par><p:cTn id="${node}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" nodeType="${i === 0 ? 'clickEffect' : 'withEffect'}">` +
          '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst><p:set><p:cBhvr>' +
          `<p:cTn id="${set}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>` +
          `<p:tgtEl>${target}</p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr>` +
          '<p:to><p:strVal val="visible"/></p:to></p:set></p:childTnLst></p:cTn></p:par>'
        );
      })
      .join('');
    return (
      `<p:par><p:cTn id="${group}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>` +
      `<p:par><p:cTn id="${inner}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>${pars}</p:childTnLst></p:cTn></p:par>` +
      '</p:childTnLst></p:cTn></p:par>'
    );
  });
  const builds = [...byParagraph].map((spid) => `<p:bldP spid="${spid}" grpId="0" build="p"/>`).join('');
  return (
    '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>' +
    `<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${groups.join('')}</p:childTnLst></p:cTn>` +
    '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>' +
    '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>' +
    '</p:childTnLst></p:cTn></p:par></p:tnLst>' +
    (builds ? `<p:bldLst>${builds}</p:bldLst>` : '') +
    '</p:timing>'
  );
}

/**
 * A slide's XML with its click-by-click reveal: shape ids made unique first (as
 * the repair stage would), so that the timing names the ids the file keeps;
 * the timing goes at the end of the slide, after its colour mapping.
 */
export function withTiming(xml: string, reveals: Reveal[]): string {
  const unique = uniqueShapeIds(xml);
  const ids = shapeStarts(unique).map((at) => /^<p:cNvPr id="(\d+)"/.exec(unique.slice(at, at + 40))?.[1] ?? '');
  const timing = timingXml(reveals, ids);
  const end = unique.lastIndexOf('</p:sld>');
  if (!timing || end < 0) return unique;
  return unique.slice(0, end) + timing + unique.slice(end);
}
