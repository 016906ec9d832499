/**
 * Loaded with `node -r` ahead of the CLI or the server in the memory
 * tests: when the process exits it prints its peak resident memory on
 * stderr, where neither the CLI's output nor the protocol runs.
 */
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
