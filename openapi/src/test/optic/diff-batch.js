// Runs `optic diff <before> <after> --check` on many pairs in one node process: the same
// loaders and the same compute step as optic's diff command (build/commands/diff/diff.js),
// without a node start-up, a config search and a git probe per pair.
// Input: a JSON file [{"name", "before", "after"}]; output: one JSON line per pair on stdout.
'use strict';
process.env.OPTIC_TELEMETRY_LEVEL = 'off';
const fs = require('fs');
const { initializeConfig } = require('@useoptic/optic/build/config');
const { loadSpec } = require('@useoptic/optic/build/utils/spec-loaders');
const { compute } = require('@useoptic/optic/build/commands/diff/compute');

(async () => {
  const pairs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const config = await initializeConfig();
  for (const pair of pairs) {
    // As getBaseAndHeadFromFiles loads two files.
    const [base, head] = await Promise.all([pair.before, pair.after].map(file =>
      loadSpec(file, config, { strict: true, denormalize: true })));
    // As the diff command's defaults: --check, severity error.
    const { checks, specResults } = await compute([base, head], config, { check: true, path: pair.after });
    const failed = specResults.results.filter(result => !result.passed && !result.exempted);
    console.log(JSON.stringify({
      name: pair.name,
      breaking: checks.failed.error > 0,
      rules: [...new Set(failed.map(result => result.name))],
    }));
  }
})().catch(error => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
