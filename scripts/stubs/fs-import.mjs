// What pptxgenjs's import('node:fs') gets in lectern's bundle (scripts/bundle.mjs): Node's
// fs, required once, rather than a fresh copy of its exports on each of its calls.
import fs from 'node:fs';

export default fs;
export const promises = fs.promises;
