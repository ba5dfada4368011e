// gray-matter loads js-yaml for its default YAML engine at start-up. lectern passes its
// own engine (the `yaml` package, which reports lines), so the bundle leaves js-yaml out.
function notBundled() {
  throw new Error('js-yaml is not bundled: lectern parses YAML with the yaml package');
}
module.exports = { safeLoad: notBundled, safeDump: notBundled };
