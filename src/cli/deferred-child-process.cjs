// Bundled in place of node:child_process. Commander loads child_process as
// it starts, for stand-alone executable subcommands this program never uses;
// loading it (with net and stream) costs ~3.5 ms of every run. The real
// module is loaded only if something actually reaches for it.
const load = require;
const name = 'node:child' + '_process';
module.exports = new Proxy({}, { get: (_target, key) => load(name)[key] });
