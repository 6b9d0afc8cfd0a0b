// The TypeScript SDK as a team installs it (@clickairtime/balance-sdk from its npm tarball): every
// documented case and the stubs' rules against the WireMock stubs and the sandbox, then the
// hand-written layer's promises against a local scripted server on 127.0.0.1: the bearer key on
// the wire, retries on 429, 502, 503 and 504 honouring Retry-After and bounded, typed errors, and
// no key in anything the SDK shows. Cases come from cases.json (the kit's pairing of the spec),
// bodies and codes from the spec; nothing here restates them.
// Usage: node typescript-sdk-test.cjs <cases.json> <openapi.json> <stubs url> <sandbox url>
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const util = require('node:util');
const sdk = require('@clickairtime/balance-sdk');

const [casesFile, specFile, stubsUrl, sandboxUrl] = process.argv.slice(2);
if (!sandboxUrl) {
  console.error('usage: node typescript-sdk-test.cjs <cases.json> <openapi.json> <stubs url> <sandbox url>');
  process.exit(2);
}
const { defaultKey, cases } = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
const { deref, operation } = require('./spec-document.cjs').specDocument(spec);
const camel = name => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
// A key no example names, well-formed for any server that checks the shape: the default key's own form.
const otherKey = defaultKey.slice(0, -4) + (defaultKey.slice(-4) === '9999' ? '8888' : '9999');
let asserted = 0;

// The class a status's error must be, as the SDK documents it.
function errorClassFor(status) {
  return { 401: sdk.AuthenticationError, 403: sdk.PermissionDeniedError, 404: sdk.NotFoundError, 429: sdk.RateLimitedError }[status]
    || (status >= 500 ? sdk.ServerError : sdk.BalanceApiError);
}

// Everything a log line, a debugger or a serializer would show of a value.
function shown(value) {
  return [String(value), util.inspect(value, { showHidden: true, depth: 20 }), JSON.stringify(value) || '', value && value.stack || ''].join('\n');
}

function assertNoKey(value, key, what) {
  assert.ok(!shown(value).includes(key), `${what} shows the API key in clear: ${shown(value)}`);
}

function responseSchemaName(op, status) {
  const schema = deref(op.responses[String(status)]).content['application/json'].schema;
  return schema.$ref.split('/').pop();
}

async function call(client, c, pathValues) {
  const request = {};
  for (const [name, value] of Object.entries({ ...c.pathParameters, ...pathValues, ...c.queryParameters, ...c.headerParameters })) {
    request[camel(name)] = value;
  }
  return Object.keys(request).length ? client[c.operationId](request) : client[c.operationId]();
}

async function documentedCase(server, baseUrl, c, pathValues = {}) {
  const label = `${server} ${c.operationId}_${c.name}${Object.keys(pathValues).length ? ' ' + JSON.stringify(pathValues) : ''}`;
  if (c.credentials === 'NO_KEY') {
    // The SDK never sends a request without a key: it refuses to be built without one.
    assert.throws(() => new sdk.BalanceClient({ apiKey: '', baseUrl }), TypeError, label);
    asserted++;
    return;
  }
  const key = { ANY_VALID_KEY: defaultKey, EXACT_KEY: c.apiKey, NOT_WELL_FORMED: 'not-a-bearer-key' }[c.credentials];
  const client = new sdk.BalanceClient({ apiKey: key, baseUrl, retry: { maxRetries: 0 } });
  assertNoKey(client, key, `${label}: the client`);
  const outcome = await call(client, c, pathValues).then(result => ({ result }), error => ({ error }));
  if (c.status < 300) {
    assert.ok(!outcome.error, `${label}: expected ${c.status}, got ${outcome.error}`);
    const toJson = sdk[`${responseSchemaName(operation(c.operationId), c.status)}ToJSON`];
    // meta varies per request (x-varies-per-request); data is the example's, read as the SDK's types.
    assert.deepEqual(toJson(outcome.result).data, JSON.parse(JSON.stringify(c.body.data)), `${label}: data`);
    assert.equal(typeof outcome.result.meta.requestId, 'string', `${label}: meta.request_id`);
  } else if (c.invalidRequest) {
    // Either the server's 400, or the SDK's own refusal before sending.
    const error = outcome.error;
    assert.ok(error instanceof sdk.BalanceApiError ? error.code === c.body.error.code : error instanceof sdk.RequiredError,
      `${label}: expected ${c.body.error.code} or a refusal, got ${error}`);
  } else {
    const error = outcome.error;
    assert.ok(error instanceof errorClassFor(c.status), `${label}: expected ${errorClassFor(c.status).name}, got ${error}`);
    assert.equal(error.status, c.status, `${label}: status`);
    assert.equal(error.code, c.body.error.code, `${label}: code`);
    assert.equal(error.errorMessage, c.body.error.message, `${label}: message`);
    assert.match(error.requestId, /\S/, `${label}: request_id`);
    if (server === 'stubs') assert.equal(error.requestId, c.body.meta.request_id, `${label}: request_id`);
    assert.ok(error.rateLimit && Number.isInteger(error.rateLimit.limit) && Number.isInteger(error.rateLimit.remaining)
      && error.rateLimit.reset instanceof Date, `${label}: rate limit ${JSON.stringify(error.rateLimit)}`);
    assert.equal(sdk.documentedStatus(error.code), c.status, `${label}: ${error.code} in the SDK's error table`);
    assertNoKey(error, key, `${label}: the error`);
  }
  asserted++;
}

async function againstServer(server, baseUrl) {
  const before = asserted;
  for (const c of cases) {
    await documentedCase(server, baseUrl, c);
    // The stubs' rules: a case that answers any value of a path parameter answers one no example names.
    for (const parameter of c.anyValueOf) {
      await documentedCase(server, baseUrl, c, { [parameter]: `${c.pathParameters[parameter]}x9` });
    }
  }
  console.log(`[typescript sdk] ${server}: ${asserted - before} calls, every documented case (${cases.length}) and rule, through the installed package`);
}

// A server on 127.0.0.1 that answers from a script and records what arrives.
async function scripted(answers) {
  const seen = [];
  const server = http.createServer((request, response) => {
    seen.push({ at: Date.now(), authorization: request.headers.authorization, raw: request.rawHeaders });
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
    response.writeHead(answer.status, { 'Content-Type': answer.json === false ? 'text/plain' : 'application/json', ...answer.headers });
    response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise(r => server.close(r)) };
}

// The single example of each error response that cannot be produced on demand, by status.
function inlineErrorExample(status) {
  for (const op of Object.values(spec.paths).flatMap(item => Object.values(item))) {
    const response = op && op.responses && op.responses[String(status)];
    const example = response && (deref(response).content || {})['application/json'];
    if (example && example.example) return example.example;
  }
  throw new Error(`the spec documents no ${status} example`);
}

async function rules() {
  const success = cases.find(c => c.operationId === 'getBalance' && c.status === 200) || cases.find(c => c.status === 200 && !Object.keys(c.pathParameters).length);
  const ok = { status: 200, body: success.body };
  const rateLimitHeaders = { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1705314660' };
  const tooMany = inlineErrorExample(429);
  const internal = inlineErrorExample(500);
  const fastRetries = { maxRetries: 2, initialBackoffMs: 5, maxBackoffMs: 20 };

  // The key travels as a bearer token, byte for byte, and nowhere else.
  let server = await scripted([ok]);
  let client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url });
  await client[success.operationId]();
  assert.equal(server.seen[0].authorization, `Bearer ${otherKey}`);
  assert.equal(server.seen[0].raw.filter(h => h.includes(otherKey)).length, 1, 'the key is sent in one header only');
  assertNoKey(client, otherKey, 'the client');
  await server.close();

  // 502, 503 and 504 are retried, with or without the envelope, and the call succeeds.
  for (const status of [502, 503, 504]) {
    server = await scripted([{ status, json: false, body: 'Bad gateway' }, ok]);
    client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url, retry: fastRetries });
    await client[success.operationId]();
    assert.equal(server.seen.length, 2, `${status} is retried once, then succeeds`);
    await server.close();
  }

  // 429 with Retry-After: the SDK waits that long, then succeeds.
  server = await scripted([{ status: 429, body: tooMany, headers: { 'Retry-After': '1', ...rateLimitHeaders } }, ok]);
  client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url });
  await client[success.operationId]();
  assert.equal(server.seen.length, 2);
  assert.ok(server.seen[1].at - server.seen[0].at >= 950, `waited ${server.seen[1].at - server.seen[0].at} ms for Retry-After: 1`);
  await server.close();

  // A Retry-After beyond the bound fails at once, with the wait and the rate-limit data.
  server = await scripted([{ status: 429, body: tooMany, headers: { 'Retry-After': '60', ...rateLimitHeaders } }, ok]);
  client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url });
  let error = await client[success.operationId]().then(() => assert.fail('a 429 beyond maxRetryAfterMs must fail'), e => e);
  assert.ok(error instanceof sdk.RateLimitedError, `${error}`);
  assert.equal(server.seen.length, 1);
  assert.equal(error.code, tooMany.error.code);
  assert.equal(error.requestId, tooMany.meta.request_id);
  assert.equal(error.retryAfterSeconds, 60);
  assert.deepEqual(error.rateLimit, { limit: 300, remaining: 0, reset: new Date(1705314660 * 1000) });
  await server.close();

  // Bounded: 503s are tried 1 + maxRetries times, though the next try would succeed; a 500 is never retried.
  const unavailable = { status: 503, body: internal };
  server = await scripted([unavailable, unavailable, unavailable, ok]);
  client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url, retry: fastRetries });
  error = await client[success.operationId]().then(() => assert.fail('three 503s must fail with maxRetries 2'), e => e);
  assert.ok(error instanceof sdk.ServerError && error.status === 503, `${error}`);
  assert.equal(server.seen.length, 3);
  await server.close();
  server = await scripted([{ status: 500, body: internal }, ok]);
  client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url, retry: fastRetries });
  error = await client[success.operationId]().then(() => assert.fail('500 must fail'), e => e);
  assert.ok(error instanceof sdk.ServerError && error.code === internal.error.code, `${error}`);
  assert.equal(server.seen.length, 1, '500 is not retried');
  await server.close();

  // A code the SDK does not know still arrives, and a key quoted back in a message is masked.
  const unknown = structuredClone(internal);
  unknown.error.code = 'SOMETHING_NEW';
  unknown.error.message = `Rejected ${otherKey}`;
  server = await scripted([{ status: 409, body: unknown }]);
  client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: server.url });
  error = await client[success.operationId]().then(() => assert.fail('409 must fail'), e => e);
  assert.ok(error instanceof sdk.BalanceApiError && error.code === 'SOMETHING_NEW' && error.status === 409, `${error}`);
  assert.equal(sdk.documentedStatus('SOMETHING_NEW'), undefined);
  assertNoKey(error, otherKey, 'an error whose body quotes the key');
  await server.close();

  // No answer at all: retried, then a transport error without the key.
  const closed = server.url;
  client = new sdk.BalanceClient({ apiKey: otherKey, baseUrl: closed, retry: fastRetries });
  error = await client[success.operationId]().then(() => assert.fail('a closed port must fail'), e => e);
  assert.ok(error instanceof sdk.BalanceTransportError, `${error}`);
  assertNoKey(error, otherKey, 'a transport error');

  // The error table is the spec's catalogue: every documented error case's code, and the generic ones.
  for (const c of cases.filter(c => c.status >= 400)) assert.equal(sdk.documentedStatus(c.body.error.code), c.status, c.body.error.code);
  for (const [code, generic] of Object.entries(spec.components['x-generic-errors'])) assert.equal(sdk.documentedStatus(code), generic.status, code);
  assert.equal(sdk.ErrorCode[cases.find(c => c.status >= 400).body.error.code], cases.find(c => c.status >= 400).body.error.code);
  console.log('[typescript sdk] rules: bearer key on the wire; 502/503/504 and 429 retried, Retry-After waited out, '
    + 'beyond the bound or past maxRetries failed at once; typed errors with code, request_id and rate limit; no key shown');
}

async function main() {
  await againstServer('stubs', stubsUrl);
  await againstServer('sandbox', sandboxUrl);
  await rules();
}

main().catch(error => {
  console.error(`[typescript sdk] FAILED: ${error.stack || error}`);
  // A scripted server left open would keep the process alive.
  process.exit(1);
});
