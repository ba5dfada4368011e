// The floor for this stack: a bare pptxgenjs script that writes the benchmark's
// slides (title, three bullets and a paragraph, a table every tenth slide, a
// native chart every tenth slide, speaker notes) with no parsing, no templates
// and no repair. Usage: node bench/bare-pptxgenjs.mjs <slides> <out.pptx>
import pptxgen from 'pptxgenjs';

const [slides, out] = [Number(process.argv[2]), process.argv[3]];
const pptx = new pptxgen();
pptx.layout = 'LAYOUT_WIDE';
pptx.addSlide().addText('Benchmark deck', { x: 0.6, y: 2, w: 12, h: 1.5, fontSize: 44, bold: true });
for (let i = 1; i < slides; i++) {
  const slide = pptx.addSlide();
  slide.addText(`Slide ${i}: a point worth making`, { x: 0.6, y: 0.3, w: 12, h: 1, fontSize: 36, bold: true });
  slide.addText(
    [
      { text: 'First idea, with ', options: { bullet: true } },
      { text: 'bold', options: { bold: true } },
      { text: ' words', options: { breakLine: true } },
      { text: 'Second idea, with ', options: { bullet: true } },
      { text: 'emphasis', options: { italic: true, breakLine: true } },
      { text: 'Third idea, with a ', options: { bullet: true } },
      { text: 'link', options: { hyperlink: { url: 'https://example.org' }, breakLine: true } },
      { text: 'A short paragraph that explains the slide in one or two sentences, as a teacher would write it.' },
    ],
    { x: 0.6, y: 1.6, w: 12, h: 2.6, fontSize: 24 },
  );
  if (i % 10 === 3) {
    slide.addTable(
      [
        ['Region', 'Turnout'],
        ['North', '61'],
        ['South', '58'],
        ['East', '66'],
      ].map((r) => r.map((text) => ({ text }))),
      { x: 0.6, y: 4.4, w: 8, fontSize: 16 },
    );
  }
  if (i % 10 === 7) {
    const labels = Array.from({ length: 8 }, (_, k) => `Region ${k + 1}`);
    slide.addChart(pptx.ChartType.bar, [{ name: 'Turnout', labels, values: labels.map((_, k) => 50 + k * 3) }], {
      x: 0.6,
      y: 4.3,
      w: 12,
      h: 3,
      barDir: 'col',
    });
  }
  slide.addNotes(`What to say on slide ${i}.`);
}
await pptx.writeFile({ fileName: out });
