// Preloaded (node --require) into both language servers by the benchmark.
// Refuses every outgoing network attempt (DNS lookup, TCP/TLS connect,
// fetch) and reports it on stderr as a line starting with "NETGUARD:", which
// bench.mjs counts. A server that tries the network therefore fails fast
// instead of hanging, and the run says so. Stdio pipes are not affected
// (they are opened from file descriptors, never with connect()).
'use strict';
const net = require('node:net');
const dns = require('node:dns');

function report(what) {
  try {
    process.stderr.write(`NETGUARD: blocked ${what}\n`);
  } catch {
    // stderr gone: nothing to report to
  }
}

function refused(what) {
  const err = new Error(`network access blocked by the KEP Lens benchmark (${what})`);
  err.code = 'ECONNREFUSED';
  return err;
}

const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // connect(options[, cb]), connect(port[, host][, cb]), connect(path[, cb]), or
  // the internal normalized form [options, cb].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const opts = typeof first === 'object' && first !== null ? first : typeof first === 'string' && Number.isNaN(Number(first)) ? { path: first } : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  // A local IPC path (named pipe / unix socket) is not the network.
  if (typeof opts.path === 'string' && opts.path.length > 0 && opts.port === undefined) {
    return origConnect.apply(this, args);
  }
  const target = `${opts.host ?? 'localhost'}:${opts.port}`;
  report(`connect ${target}`);
  process.nextTick(() => this.destroy(refused(`connect ${target}`)));
  return this;
};

function guardLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  report(`dns.lookup ${hostname}`);
  process.nextTick(() => cb(refused(`dns.lookup ${hostname}`)));
  return {};
}
dns.lookup = guardLookup;
if (dns.promises) {
  dns.promises.lookup = async (hostname) => {
    report(`dns.promises.lookup ${hostname}`);
    throw refused(`dns.lookup ${hostname}`);
  };
}

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => {
    const url = typeof input === 'string' ? input : input?.url ?? String(input);
    report(`fetch ${url}`);
    throw refused(`fetch ${url}`);
  };
}
