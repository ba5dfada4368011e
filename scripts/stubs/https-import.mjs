// What pptxgenjs's import('node:https') gets in lectern's bundle (scripts/bundle.mjs). pptxgenjs
// loads https for every slide, to fetch pictures given as URLs; lectern gives it none, and
// loading https costs a small build about 10 ms. It is required on first use instead.
export default { get: (...args) => require('node:https').get(...args) };
