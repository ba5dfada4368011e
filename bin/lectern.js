#!/usr/bin/env node
import { loadLectern } from '../dist/cli/bundle.js';

const code = await loadLectern().main(process.argv);
// Exit as soon as what was printed is out, rather than wait for V8 to finish its background
// work (collecting garbage, optimising code), which a small build spends a twentieth of its time on.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write('', flushed))));
process.exit(code);
