// commander loads Node's child_process at start-up, to run subcommands that are programs of
// their own; lectern's commands are all built in. In lectern's bundle (scripts/bundle.mjs),
// it is loaded on first use instead: loading it (with net) costs a small build about 6 ms.
module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };
