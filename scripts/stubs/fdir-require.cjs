// fdir loads picomatch at start-up, with a require() of its own, for its glob() method, which
// tinyglobby never calls (it gives fdir matchers of its own, from the picomatch in the bundle).
// In lectern's bundle, fdir's require() finds nothing, so that a run does not read and compile
// picomatch's six files from node_modules again, a small build's 3 ms; fdir then has no glob().
const missing = () => {
  throw new Error("not in lectern's bundle");
};
module.exports = { createRequire: () => Object.assign(missing, { resolve: missing }) };
