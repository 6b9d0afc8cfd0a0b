// The spec as JSON, as the SDK checks read it: $refs followed, operations found by their id.
'use strict';

function specDocument(spec) {
  function deref(node) {
    for (let hops = 0; node && node.$ref; hops++) {
      if (hops > 16 || !node.$ref.startsWith('#/')) throw new Error(`unsupported $ref ${node.$ref}`);
      node = node.$ref.slice(2).split('/').reduce((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    }
    return node;
  }

  function operations() {
    return Object.values(spec.paths).flatMap(item => Object.values(item).filter(op => op && op.operationId));
  }

  function operation(id) {
    const found = operations().find(op => op.operationId === id);
    if (!found) throw new Error(`no operation ${id} in the spec`);
    return found;
  }

  return { deref, operations, operation };
}

module.exports = { specDocument };
