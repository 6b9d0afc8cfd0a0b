// The TypeScript and Python SDKs as products: installed from their packages into fresh folders with
// the guide's own commands (docs/sdks-other-languages.md), its first call run against the stubs, then each language's
// tests against WireMock serving the stubs jar and against the sandbox jar. Both servers run on free
// loopback ports and are stopped by PID.
// Usage: node sdk-products-check.cjs <java> <wiremock jar> <stubs jar> <sandbox jar> <sdks dir> <docs/sdks-other-languages.md> <work dir> <python>
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const args = process.argv.slice(2);
if (args.length !== 8) {
  console.error('usage: node sdk-products-check.cjs <java> <wiremock jar> <stubs jar> <sandbox jar> <sdks dir> <docs/sdks-other-languages.md> <work dir> <python>');
  process.exit(2);
}
const [java, wiremockJar, stubsJar, sandboxJar, sdksDir, guide, work, python] = args.map((a, i) => i === 0 || i === 7 ? a : path.resolve(a));
const tests = __dirname;
// The guide is docs/<name>.md of the kit's checkout, whose root the guide's commands call $KIT.
const kit = path.dirname(path.dirname(guide));
const onCi = (process.env.CI || '').toLowerCase() === 'true';

for (const [file, what] of [[stubsJar, 'the stubs jar'], [sandboxJar, 'the sandbox jar'], [wiremockJar, 'WireMock standalone'],
  [path.join(sdksDir, 'cases.json'), 'the cases (./mvnw -Psdks package -pl client)']]) {
  if (!fs.existsSync(file)) fail(`no ${what} at ${file}: build it first (./mvnw -Psdks install builds every module)`);
}

function fail(message) {
  console.error(`[sdk products] FAILED: ${message}`);
  process.exit(1);
}

/** The fenced block right after `<!-- sdk-readme: <name> -->` in the guide: what the guide tells a team to run. */
function readmeBlock(name) {
  const text = fs.readFileSync(guide, 'utf8');
  const marker = `<!-- sdk-readme: ${name} -->`;
  const at = text.indexOf(marker);
  if (at < 0) fail(`${guide} has no ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at + marker.length));
  if (!block) fail(`no fenced block after ${marker} in ${guide}`);
  return block[1];
}

function run(what, command, commandArgs, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000, ...options });
  process.stdout.write(result.stdout || '');
  process.stderr.write(result.stderr || '');
  if (result.status !== 0) fail(`${what} exited with ${result.status === null ? result.signal || result.error : result.status}`);
  console.log(`[sdk products] ${what}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.stdout || '';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const started = [];
function stopAll() {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) process.kill(child.pid);
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));

async function startServer(name, commandArgs, probe) {
  const log = fs.openSync(path.join(work, `${name}.log`), 'w');
  const child = spawn(java, commandArgs, { stdio: ['ignore', log, log] });
  started.push(child);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`${name} exited with ${child.exitCode}; see ${path.join(work, `${name}.log`)}`);
    try {
      await fetch(probe);
      return;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
  fail(`${name} did not answer within 120 s`);
}

function pythonUsable() {
  const probe = spawnSync(python, ['-c', 'import pydantic, sys; sys.exit(0 if pydantic.VERSION.startswith("2.") else 1)']);
  const dist = path.join(sdksDir, 'python-dist');
  if (probe.status === 0 && fs.existsSync(dist) && fs.readdirSync(dist).some(file => file.endsWith('.whl'))) return true;
  const need = `the Python SDK needs pydantic v2 for ${python} and its wheel (Debian's python3-build); see client/src/test/sdks/python-requirements.txt`;
  if (onCi) fail(need);
  console.error(`[sdk products] SKIPPED the Python SDK: ${need}`);
  return false;
}

async function main() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  // The stubs jar as a team gets it; WireMock reads its mappings from the unpacked folder.
  const unpacked = path.join(work, 'stubs');
  fs.mkdirSync(unpacked);
  run('unpack the stubs jar', path.join(path.dirname(java), 'jar'), ['xf', stubsJar], { cwd: unpacked });
  const mappings = spawnSync('find', [unpacked, '-type', 'd', '-name', 'mappings'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!mappings) fail(`no mappings folder in ${stubsJar}`);

  const [stubsPort, sandboxPort] = [await freePort(), await freePort()];
  const stubsUrl = `http://127.0.0.1:${stubsPort}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  await Promise.all([
    startServer('wiremock', ['-jar', wiremockJar, '--port', String(stubsPort), '--bind-address', '127.0.0.1',
      '--root-dir', path.dirname(mappings), '--disable-banner', '--no-request-journal'], `${stubsUrl}/__admin/mappings`),
    // Raised limits: these runs are not what the rate limits are about, and two languages share one address.
    startServer('sandbox', ['-jar', sandboxJar, `--server.port=${sandboxPort}`, '--server.address=127.0.0.1',
      '--sandbox.rate-limit.requests-per-minute=100000', '--sandbox.rate-limit.failed-authentications-per-minute=100000'],
    `${sandboxUrl}/openapi.yaml`),
  ]);
  console.log(`[sdk products] WireMock (the stubs jar) on ${stubsUrl}, the sandbox on ${sandboxUrl}`);

  const { defaultKey, cases } = JSON.parse(fs.readFileSync(path.join(sdksDir, 'cases.json'), 'utf8'));
  const firstSuccess = cases.find(c => c.status === 200 && Object.keys(c.pathParameters).length === 0);
  const currency = firstSuccess && firstSuccess.body.data.available_balance && firstSuccess.body.data.available_balance.currency;
  const env = { ...process.env, KIT: kit, CLICKAIRTIME_API_KEY: defaultKey, CLICKAIRTIME_BASE_URL: stubsUrl,
    npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
    PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  const firstCallPrints = (language, output) => {
    if (currency && !output.includes(currency)) fail(`the guide's ${language} first call printed ${JSON.stringify(output)}, without ${currency}`);
  };

  // TypeScript: the guide's install into a fresh folder, its first call, then the tests from that folder.
  const tsWork = path.join(work, 'typescript');
  fs.mkdirSync(tsWork);
  run('typescript: the guide\'s install', 'bash', ['-euo', 'pipefail', '-c', readmeBlock('typescript-install')], { cwd: tsWork, env });
  const tsApp = path.join(tsWork, readmeBlock('typescript-install').match(/cd (\S+)/)[1]);
  fs.writeFileSync(path.join(tsApp, 'first-call.js'), readmeBlock('typescript-first-call'));
  firstCallPrints('TypeScript', run('typescript: the guide\'s first call against the stubs', 'node', ['first-call.js'], { cwd: tsApp, env }));
  for (const file of ['typescript-sdk-test.cjs', 'spec-document.cjs']) fs.copyFileSync(path.join(tests, file), path.join(tsApp, file));
  run('typescript: the tests', 'node', ['typescript-sdk-test.cjs', path.join(sdksDir, 'cases.json'),
    path.join(sdksDir, 'spec', 'openapi.json'), stubsUrl, sandboxUrl], { cwd: tsApp, env });

  if (pythonUsable()) {
    const pyWork = path.join(work, 'python');
    fs.mkdirSync(pyWork);
    run('python: the guide\'s install', 'bash', ['-euo', 'pipefail', '-c', readmeBlock('python-install')], { cwd: pyWork, env });
    const venv = path.join(pyWork, readmeBlock('python-install').match(/-m venv (?:--\S+ )*(\S+)/)[1]);
    fs.writeFileSync(path.join(pyWork, 'first_call.py'), readmeBlock('python-first-call'));
    firstCallPrints('Python', run('python: the guide\'s first call against the stubs', path.join(venv, 'bin', 'python'), ['first_call.py'], { cwd: pyWork, env }));
    run('python: the tests', path.join(venv, 'bin', 'python'), [path.join(tests, 'python-sdk-test.py'), path.join(sdksDir, 'cases.json'),
      path.join(sdksDir, 'spec', 'openapi.json'), stubsUrl, sandboxUrl], { cwd: pyWork, env });
  }
}

const began = Date.now();
main().then(() => {
  stopAll();
  console.log(`[sdk products] done in ${Math.round((Date.now() - began) / 1000)} s`);
}, error => fail(error.stack || String(error)));
