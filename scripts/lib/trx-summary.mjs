// Sums the counters of every TRX file under a folder and prints "N passed, N failed, N skipped".
// Exit code 1 when a test failed or no TRX file was found, so a build break cannot pass as green.
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
const files = [];
const walk = dir => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.trx')) files.push(full);
  }
};
if (fs.existsSync(root)) walk(root);

let passed = 0, failed = 0, skipped = 0;
const failures = [];
for (const file of files) {
  const xml = fs.readFileSync(file, 'utf8');
  const counters = /<Counters\s([^>]*)\/>/.exec(xml);
  if (!counters) continue;
  const attr = name => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(counters[1]) ?? [0, 0])[1]);
  passed += attr('passed');
  failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
  skipped += attr('notExecuted');
  for (const m of xml.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"/g)) failures.push(m[1]);
}
for (const name of failures) console.log(`FAILED: ${name}`);
if (files.length === 0) console.log('no test results found (did the build fail?)');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
