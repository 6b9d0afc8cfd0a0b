// Calls the sandbox through the generated TypeScript SDK (compiled with tsc --strict): the balance,
// one wallet and the 404. The demo key, the wallet ids and the expected bodies are the spec's own
// named examples, read from the spec as JSON; nothing here restates them.
// Usage: node typescript-sandbox-check.cjs <sdk dist> <openapi.json> <sandbox exec jar> <java>
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const assert = require('node:assert/strict');

const [sdkDir, specFile, sandboxJar, java] = process.argv.slice(2);
if (!java) {
  console.error('usage: node typescript-sandbox-check.cjs <sdk dist> <openapi.json> <sandbox exec jar> <java>');
  process.exit(2);
}
if (!fs.existsSync(sandboxJar)) {
  console.error(`no sandbox at ${sandboxJar}: build it first (./mvnw -Psdks verify builds every module)`);
  process.exit(2);
}
const sdk = require(require('node:path').resolve(sdkDir));
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
const { deref, operation } = require('./spec-document.cjs').specDocument(spec);

// The first named example of a response that the default demo key produces, and its request's wallet id.
function documentedCase(operationId, status) {
  const op = operation(operationId);
  const examples = deref(op.responses[status]).content['application/json'].examples;
  for (const [name, ref] of Object.entries(examples)) {
    const example = deref(ref);
    if (example['x-sandbox-api-key'] !== undefined) continue;
    const parameter = (op.parameters || []).map(deref).find(p => p.in === 'path');
    const walletId = parameter ? deref(parameter.examples[name]).value : undefined;
    return { name, walletId, body: example.value };
  }
  throw new Error(`no ${status} example of ${operationId} for the default key`);
}

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(baseUrl, sandbox) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (sandbox.exitCode !== null) throw new Error(`the sandbox exited with ${sandbox.exitCode}`);
    try {
      await fetch(`${baseUrl}/v2/balance`);
      return;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
  throw new Error('the sandbox did not answer within 90 s');
}

async function main() {
  const key = Object.values(spec.components.securitySchemes).map(s => s['x-sandbox-api-key']).find(Boolean);
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sandbox = spawn(java, ['-jar', sandboxJar, `--server.port=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () => { if (sandbox.exitCode === null) process.kill(sandbox.pid); };
  process.on('exit', stop);
  try {
    await waitUntilUp(baseUrl, sandbox);
    const api = new sdk.WalletBalanceApi(new sdk.Configuration({ basePath: baseUrl, accessToken: key }));

    const balanceCase = documentedCase('getBalance', '200');
    const balance = await api.getBalance();
    const expected = balanceCase.body.data;
    assert.equal(balance.data.availableBalance.amount, expected.available_balance.amount);
    assert.deepEqual(balance.data.wallets.map(w => w.id), expected.wallets.map(w => w.id));
    console.log(`[typescript sdk] getBalance (${balanceCase.name}): ${balance.data.availableBalance.currency} ` +
      `${balance.data.availableBalance.amount} (a JS number: the written scale is lost), ${balance.data.wallets.length} wallets`);

    const walletCase = documentedCase('getWalletBalance', '200');
    const wallet = await api.getWalletBalance({ walletId: walletCase.walletId });
    assert.equal(wallet.data.id, walletCase.body.data.id);
    assert.equal(wallet.data.balance, walletCase.body.data.balance);
    console.log(`[typescript sdk] getWalletBalance (${walletCase.name}): ${wallet.data.id} ${wallet.data.currency} ${wallet.data.balance}`);

    const missingCase = documentedCase('getWalletBalance', '404');
    const error = await api.getWalletBalance({ walletId: missingCase.walletId }).then(
      found => assert.fail(`expected a 404 for ${missingCase.walletId}, got ${JSON.stringify(found)}`),
      thrown => thrown);
    assert.ok(error instanceof sdk.ResponseError, `expected a ResponseError, got ${error}`);
    assert.equal(error.response.status, 404);
    const body = await error.response.json();
    assert.equal(body.error.code, missingCase.body.error.code);
    console.log(`[typescript sdk] getWalletBalance (${missingCase.name}): ${error.response.status} ${body.error.code}`);
  } finally {
    stop();
  }
}

main().catch(error => {
  console.error(`[typescript sdk] FAILED: ${error.message}`);
  process.exitCode = 1;
});
