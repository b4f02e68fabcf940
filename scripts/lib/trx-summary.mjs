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

const decode = text => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const reason = result => {
  const field = tag => decode((new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(result) ?? [0, ''])[1]);
  const message = field('Message').split('\n').map(l => l.trim()).filter(Boolean).slice(0, 8);
  const frames = field('StackTrace').split('\n').map(l => l.trim()).filter(l => /\b(tests|src)\//.test(l)).slice(0, 4);
  return [...message, ...frames];
};

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
  for (const m of xml.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/UnitTestResult>)/g)) {
    failures.push({ name: m[1], why: reason(m[0]) });
  }
}
// CI keeps only the tail of the output: each failure's message and the project's own stack frames come last.
for (const { name, why } of failures) {
  console.log(`FAILED: ${name}`);
  for (const line of why) console.log(`    ${line}`);
}
if (files.length === 0) console.log('no test results found (did the build fail?)');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
