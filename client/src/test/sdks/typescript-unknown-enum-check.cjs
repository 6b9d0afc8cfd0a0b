// The generated TypeScript SDK reads an enum value the spec does not list, and keeps it.
// The spec's enums are open sets ("clients must expect new values"). Every named example of every
// 2xx response is read from the spec as JSON; each string-enum value in it in turn is replaced by
// one the enum does not list and served from a local server on 127.0.0.1, and the operation is
// called through the SDK: it must resolve, holding the value as sent.
// Usage: node typescript-unknown-enum-check.cjs <sdk dist> <openapi.json>
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const assert = require('node:assert/strict');

const [sdkDir, specFile] = process.argv.slice(2);
if (!specFile) {
  console.error('usage: node typescript-unknown-enum-check.cjs <sdk dist> <openapi.json>');
  process.exit(2);
}
const sdk = require(path.resolve(sdkDir));
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
const { deref, operations } = require('./spec-document.cjs').specDocument(spec);

// The SDK names properties and parameters in camelCase: allowed_countries is allowedCountries.
const camel = name => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

// The path (keys and indexes) of every string whose schema is an enum, in a body that follows the schema.
function* stringEnums(schema, value, at = []) {
  schema = deref(schema);
  for (const part of schema.allOf || []) yield* stringEnums(part, value, at);
  if (typeof value === 'string' && Array.isArray(schema.enum) && schema.enum.every(v => typeof v === 'string')) {
    yield { at, listed: schema.enum };
  } else if (Array.isArray(value)) {
    if (schema.items) for (const [index, item] of value.entries()) yield* stringEnums(schema.items, item, [...at, index]);
  } else if (value && typeof value === 'object') {
    for (const [key, property] of Object.entries(schema.properties || {})) {
      if (key in value) yield* stringEnums(property, value[key], [...at, key]);
    }
  }
}

function* successExamples() {
  for (const op of operations()) {
    for (const [status, response] of Object.entries(op.responses)) {
      const content = (deref(response).content || {})['application/json'];
      if (!status.startsWith('2') || !content || !content.examples) continue;
      for (const [name, example] of Object.entries(content.examples)) {
        yield { op, status: Number(status), name, schema: content.schema, body: deref(example).value };
      }
    }
  }
}

// The operation's arguments: each parameter's example of the case's name, else its first one.
function requestOf(op, name) {
  const request = {};
  for (const parameter of (op.parameters || []).map(deref)) {
    const examples = parameter.examples || {};
    const example = examples[name] || Object.values(examples)[0];
    if (example) request[camel(parameter.name)] = deref(example).value;
  }
  return request;
}

const at = (node, keys) => keys.reduce((value, key) => value[key], node);

async function main() {
  let served;
  const server = http.createServer((request, response) => {
    response.writeHead(served.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(served.body));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  try {
    const basePath = `http://127.0.0.1:${server.address().port}`;
    let checked = 0;
    for (const { op, status, name, schema, body } of successExamples()) {
      const Api = Object.values(sdk).find(c => typeof c === 'function' && c.prototype && typeof c.prototype[op.operationId] === 'function');
      assert.ok(Api, `the SDK has no operation ${op.operationId}`);
      const api = new Api(new sdk.Configuration({ basePath }));
      for (const { at: keys, listed } of stringEnums(schema, body)) {
        let unlisted = `unlisted_${at(body, keys)}`;
        while (listed.includes(unlisted)) unlisted += '_';
        const edited = structuredClone(body);
        at(edited, keys.slice(0, -1))[keys.at(-1)] = unlisted;
        served = { status, body: edited };
        const where = keys.join('.');
        const result = await api[op.operationId](requestOf(op, name)).catch(error => {
          throw new Error(`${op.operationId} ${name}: ${where} = '${unlisted}' is refused: ${error}`);
        });
        const value = at(result, keys.map(key => typeof key === 'string' ? camel(key) : key));
        assert.equal(value, unlisted, `${op.operationId} ${name}: ${where} = '${unlisted}' was read as ${JSON.stringify(value)}`);
        if (checked === 0) {
          console.log(`[typescript sdk] ${op.operationId} (${name}): ${where} = '${unlisted}' (listed: ${listed.join(', ')}) ` +
            `is read as the string ${JSON.stringify(value)}, as sent`);
        }
        checked++;
      }
    }
    assert.ok(checked > 0, 'no 2xx example in the spec holds an enum value, so nothing was checked');
    console.log(`[typescript sdk] ${checked} enum values the spec does not list, one at a time in every 2xx example: all read and kept`);
  } finally {
    server.close();
  }
}

main().catch(error => {
  console.error(`[typescript sdk] FAILED: ${error.message}`);
  process.exitCode = 1;
});
