// Fails when the packaged extension is 1 MB or larger. Usage: node scripts/check-vsix.js FILE.vsix
const fs = require('node:fs');

const file = process.argv[2];
const size = fs.statSync(file).size;
const limit = 1024 * 1024;
console.log(`${file}: ${(size / 1024).toFixed(1)} KB (limit ${limit / 1024} KB)`);
if (size >= limit) {
  console.error(`${file} is too large: check .vscodeignore`);
  process.exit(1);
}
