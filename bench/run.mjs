// npm run bench: times lectern as a whole process on decks of 30, 300 and 1000
// slides and on a course of 40 decks, beside the bare pptxgenjs floor and, when
// it is on the PATH, pandoc. Prints a Markdown report; --write puts it in BENCHMARKS.md.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDataDecks } from './dataCase.mjs';
import { writeDeck, writeMathCodeDeck } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/lectern.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [30, 300, 1000];
const work = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'));
const hasTime = existsSync('/usr/bin/time');
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

/** One run of a command: its wall time (s) and peak memory (MB, when /usr/bin/time is there). */
function runOnce({ command, args, cwd = work }) {
  const started = process.hrtime.bigint();
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(command, args, { cwd, encoding: 'utf8' });
  const time = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return { time, peak: hasTime ? Number(run.stderr.trim().split('\n').pop()) / 1024 : 0 };
}

/**
 * Runs each command `RUNS` times, taking turns, so that the machine's slower and faster
 * moments fall on all of them alike; returns each one's median wall time (s) and largest
 * peak memory (MB), by key.
 */
function measure(commands) {
  const runs = Object.fromEntries(Object.keys(commands).map((key) => [key, []]));
  for (let i = 0; i < RUNS; i++) for (const [key, command] of Object.entries(commands)) runs[key].push(runOnce(command));
  return Object.fromEntries(
    Object.entries(runs).map(([key, list]) => {
      const times = list.map((r) => r.time).sort((a, b) => a - b);
      return [key, { time: times[Math.floor(times.length / 2)], peak: Math.max(...list.map((r) => r.peak)) }];
    }),
  );
}

/** A chart grouped from a 10,000-row workbook against the same chart from a 10-row CSV file. */
const dataDecks = await writeDataDecks(path.join(work, 'data'));
const data = measure({
  workbook: { command: process.execPath, args: [BIN, 'build', dataDecks.workbook, '-o', path.join(work, 'data-out')] },
  csv: { command: process.execPath, args: [BIN, 'build', dataDecks.csv, '-o', path.join(work, 'data-out')] },
});
const dataLine = `Data: a chart grouped from a 10,000-row workbook ${data.workbook.time.toFixed(2)} s, the same chart from a 10-row CSV file ${data.csv.time.toFixed(2)} s (${(data.workbook.time - data.csv.time).toFixed(2)} s more).`;
console.error(dataLine);
if (process.env.BENCH_ONLY === 'data') {
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

/** 100 slides with 100 equations and 100 highlighted code blocks, against the same deck as plain text (target: within 2×). */
function mathAndCode() {
  const plain = writeMathCodeDeck(path.join(work, 'plain-100'), 'deck', 100, false);
  const rich = writeMathCodeDeck(path.join(work, 'math-100'), 'deck', 100, true);
  const build = (deck, out) => ({ command: process.execPath, args: [BIN, 'build', deck, '-o', path.join(work, out)] });
  const { plainDeck, richDeck } = measure({ plainDeck: build(plain, 'plain-out'), richDeck: build(rich, 'math-out') });
  return { plain: plainDeck.time, rich: richDeck.time };
}
const equations = mathAndCode();
console.error(`100 slides with equations and code: ${equations.rich.toFixed(2)} s, without: ${equations.plain.toFixed(2)} s`);
if (process.env.BENCH_ONLY === 'math') process.exit(0);

const size = (file) => statSync(file).size / 1048576;
const rows = [];
for (const slides of SIZES) {
  const deck = writeDeck(path.join(work, `deck-${slides}`), 'deck', slides);
  const pandocDeck = hasPandoc ? writeDeck(path.join(work, `pandoc-${slides}`), 'deck', slides, true) : undefined;
  const { lectern, bare, pandoc } = measure({
    lectern: { command: process.execPath, args: [BIN, 'build', deck, '-o', path.join(work, `out-${slides}`)] },
    bare: {
      command: process.execPath,
      args: [path.join(ROOT, 'bench/bare-pptxgenjs.mjs'), String(slides), path.join(work, `bare-${slides}.pptx`)],
      cwd: ROOT,
    },
    ...(pandocDeck ? { pandoc: { command: 'pandoc', args: [pandocDeck, '-o', path.join(work, `pandoc-${slides}.pptx`)] } } : {}),
  });
  const row = {
    slides,
    lectern,
    bare,
    pandoc,
    lecternSize: size(path.join(work, `out-${slides}/deck.pptx`)),
    bareSize: size(path.join(work, `bare-${slides}.pptx`)),
  };
  rows.push(row);
  console.error(`${slides} slides: lectern ${lectern.time.toFixed(2)} s, bare pptxgenjs ${bare.time.toFixed(2)} s`);
}

const course = path.join(work, 'course');
for (let i = 1; i <= 40; i++) writeDeck(course, `lecture-${String(i).padStart(2, '0')}`, 30);
const { batch } = measure({ batch: { command: process.execPath, args: [BIN, 'build', course, '-o', path.join(work, 'course-out')] } });
const started = process.hrtime.bigint();
for (let i = 1; i <= 40; i++)
  execFileSync(
    process.execPath,
    [BIN, 'build', path.join(course, `lecture-${String(i).padStart(2, '0')}.md`), '-o', path.join(work, 'course-one')],
    { stdio: 'ignore' },
  );
const separate = Number(process.hrtime.bigint() - started) / 1e9;

/** Watch mode: median time from saving a one-line edit of the 30-slide deck to the new file being written. */
async function watchRebuild() {
  const dir = path.join(work, 'watch');
  const deck = writeDeck(dir, 'deck', 30);
  const out = path.join(dir, 'out', 'deck.pptx');
  const child = spawn(process.execPath, [BIN, 'build', deck, '--watch', '-o', path.join(dir, 'out')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => child.stdout.on('data', (d) => String(d).includes('Watching') && resolve()));
  const times = [];
  for (let i = 0; i < 7; i++) {
    const before = statSync(out).mtimeMs;
    const started = process.hrtime.bigint();
    writeFileSync(deck, readFileSync(deck, 'utf8').replace(/A short paragraph[^t]*that/, `A short paragraph ${i} that`));
    while (statSync(out).mtimeMs === before) await new Promise((r) => setTimeout(r, 2));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGINT');
  return times.sort((a, b) => a - b)[3];
}
const watchMs = await watchRebuild();

const f = (n, d = 2) => n.toFixed(d);
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.version}, median of ${RUNS} runs, each a whole process, lectern, bare pptxgenjs and pandoc taking turns.`,
  '',
  `| slides | lectern | bare pptxgenjs | ratio | per slide | lectern file | pptxgenjs file | size ratio | peak memory |${hasPandoc ? ' pandoc | pandoc ratio |' : ''}`,
  `|---:|---:|---:|---:|---:|---:|---:|---:|---:|${hasPandoc ? '---:|---:|' : ''}`,
  ...rows.map(
    (r) =>
      `| ${r.slides} | ${f(r.lectern.time)} s | ${f(r.bare.time)} s | ${f(r.lectern.time / r.bare.time)}× | ${f((r.lectern.time / r.slides) * 1000, 1)} ms | ${f(r.lecternSize)} MB | ${f(r.bareSize)} MB | ${f(r.lecternSize / r.bareSize)} | ${hasTime ? `${f(r.lectern.peak, 0)} MB` : 'n/a'} |` +
      (r.pandoc ? ` ${f(r.pandoc.time)} s | ${f(r.lectern.time / r.pandoc.time)}× |` : ''),
  ),
  '',
  `Course of 40 decks × 30 slides: one \`lectern build\` ${f(batch.time)} s; 40 separate runs ${f(separate)} s (${f(separate / batch.time, 1)}× faster in one build).`,
  '',
  dataLine,
  '',
  `100 slides with 100 equations and 100 highlighted code blocks: ${f(equations.rich)} s; the same deck as plain text and plain code: ${f(equations.plain)} s (${f(equations.rich / equations.plain)}×).`,
  '',
  `Watch mode: a one-line edit of the 30-slide deck is rebuilt and written ${f(watchMs, 0)} ms after it is saved (median of 7).`,
  '',
  `Time per slide at 1000 slides is ${f(rows[2].lectern.time / 1000 / (rows[1].lectern.time / 300))}× that at 300.`,
  hasPandoc ? '' : 'pandoc was not on the PATH, so it was not measured.',
  '',
  'The targets of the speed issue, against this run:',
  '',
  ...targets().map(([met, text]) => `- ${met === undefined ? 'not measured' : met ? 'met' : '**not met**'}: ${text}`),
];

/** Each target of the speed issue, and whether this run meets it. */
function targets() {
  const [small, , large] = rows;
  const ratio = (r) => r.lectern.time / r.bare.time;
  const vsPandoc = (r) => (r.pandoc ? r.lectern.time / r.pandoc.time : undefined);
  const perSlide = large.lectern.time / 1000 / (rows[1].lectern.time / 300);
  return [
    [ratio(small) <= 1.3, `30 slides at most 1.3× the bare pptxgenjs script (${f(ratio(small))}×)`],
    [
      vsPandoc(small) === undefined ? undefined : vsPandoc(small) < 1,
      `30 slides faster than pandoc (${small.pandoc ? f(vsPandoc(small)) : '–'}×)`,
    ],
    [ratio(large) <= 1.2, `1000 slides at most 1.2× the bare pptxgenjs script (${f(ratio(large))}×)`],
    [
      large.lecternSize / large.bareSize <= 1 / 3,
      `1000 slides in a file at most a third of pptxgenjs's (${f(large.lecternSize / large.bareSize, 3)})`,
    ],
    [
      vsPandoc(large) === undefined ? undefined : vsPandoc(large) < 0.1,
      `1000 slides in under a tenth of pandoc's time (${large.pandoc ? f(vsPandoc(large), 3) : '–'}×)`,
    ],
    [
      hasTime ? large.lectern.peak < 300 : undefined,
      `1000 slides in under 300 MB of memory (${hasTime ? f(large.lectern.peak, 0) : '–'} MB)`,
    ],
    [perSlide <= 1.3, `time per slide at 1000 slides at most 1.3× that at 300 (${f(perSlide)}×)`],
    [watchMs < 150, `watch-mode rebuild under 150 ms (${f(watchMs, 0)} ms)`],
    [
      data.workbook.time - data.csv.time < 1,
      `a chart from a 10,000-row workbook under 1 s more than from a 10-row CSV (${f(data.workbook.time - data.csv.time)} s)`,
    ],
    [
      equations.rich / equations.plain <= 2,
      `100 equations and 100 code blocks within 2× the same deck without them (${f(equations.rich / equations.plain)}×)`,
    ],
    [separate / batch.time >= 2, `a course of 40 decks at least 2× faster in one build (${f(separate / batch.time, 1)}×)`],
  ];
}
const report = lines.join('\n');
console.log(report);
if (process.argv.includes('--write')) {
  const doc = readFileSync(path.join(ROOT, 'BENCHMARKS.md'), 'utf8');
  writeFileSync(
    path.join(ROOT, 'BENCHMARKS.md'),
    doc.replace(/<!-- results -->[\s\S]*<!-- \/results -->/, `<!-- results -->\n${report}\n<!-- /results -->`),
  );
}
rmSync(work, { recursive: true, force: true });
