// Lays out the TypeScript package in the generated SDK's folder: the hand-written layer under src/sdk
// (next to the generated src/), and the package's own package.json and README, versioned as given.
// Usage: node typescript-package.cjs <layer dir> <generated sdk dir> <version> <tarball dir>
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [layer, sdk, version, tarballs] = process.argv.slice(2);
if (!tarballs) {
  console.error('usage: node typescript-package.cjs <layer dir> <generated sdk dir> <version> <tarball dir>');
  process.exit(2);
}
const target = path.join(sdk, 'src', 'sdk');
fs.mkdirSync(target, { recursive: true });
for (const file of fs.readdirSync(layer)) {
  if (file.endsWith('.ts')) fs.copyFileSync(path.join(layer, file), path.join(target, file));
}
// The generator's package.json would build with tsc on install (its prepare script); ours ships dist/ only.
const manifest = fs.readFileSync(path.join(layer, 'package.json'), 'utf8').replace('@VERSION@', version);
fs.writeFileSync(path.join(sdk, 'package.json'), manifest);
fs.copyFileSync(path.join(layer, 'README.md'), path.join(sdk, 'README.md'));
fs.rmSync(path.join(sdk, 'dist'), { recursive: true, force: true });
// npm pack writes there, and does not make the folder.
fs.rmSync(tarballs, { recursive: true, force: true });
fs.mkdirSync(tarballs, { recursive: true });
console.log(`[typescript sdk] package ${JSON.parse(manifest).name}@${version} laid out in ${sdk}`);
