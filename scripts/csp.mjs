// Trunk post-build hook: put a Content-Security-Policy in the built page.
// Trunk's start-up script is inline, so the policy allows exactly that
// script by its SHA-256 hash; nothing else inline can run.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('csp.mjs: no TRUNK_STAGING_DIR (run as a trunk hook) and no folder given');
  process.exit(1);
}
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);
export const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
// Right after the charset, before any script, so it governs all of them.
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = /<meta charset[^>]*>/.test(html)
  ? html.replace(/(<meta charset[^>]*>)/, `$1\n    ${meta}`)
  : html.replace(/<head>/, `<head>\n    ${meta}`);
fs.writeFileSync(file, html);
console.log(`csp.mjs: policy with ${hashes.length} inline script hash(es) written to ${file}`);
