// Trunk post-build hook (after the pre-renderer): writes `.gz` and `.br`
// beside every text asset, so a host that serves pre-compressed files
// (nginx `gzip_static`/`brotli_static`, many CDNs) sends them as they are
// instead of compressing on each request, and can send brotli, which is
// 20% smaller than gzip on this build's wasm (see docs/performance.md).
// Copies newer than their file are kept: the site build leaves a page it
// did not change untouched, so a rebuild compresses only what it wrote.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('precompress.mjs: no TRUNK_STAGING_DIR (run as a trunk hook) and no folder given');
  process.exit(1);
}
const TEXT = /\.(html|js|css|wasm|json|svg|xml|txt)$/;
// Hashed files are few and never change: the slowest, smallest brotli.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|css|wasm|svg)$/;

let files = 0;
let kept = 0;
let raw = 0;
let gz = 0;
let br = 0;
const started = Date.now();
function walk(d) {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const file = path.join(d, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (TEXT.test(entry.name)) compress(file);
  }
}
// The time of a file, in nanoseconds; 0n if it is not there.
function modified(file) {
  try {
    return fs.statSync(file, { bigint: true }).mtimeNs;
  } catch {
    return 0n;
  }
}
function compress(file) {
  const source = modified(file);
  if (modified(`${file}.gz`) >= source && modified(`${file}.br`) >= source) {
    kept += 1;
    return;
  }
  const body = fs.readFileSync(file);
  // Below one packet, compression saves nothing worth a second file (and
  // copies of a file that was larger are gone with its old text).
  if (body.length < 1024) {
    fs.rmSync(`${file}.gz`, { force: true });
    fs.rmSync(`${file}.br`, { force: true });
    return;
  }
  const g = zlib.gzipSync(body, { level: 9 });
  const b = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: HASHED.test(file) ? 11 : 9,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  fs.writeFileSync(`${file}.gz`, g);
  fs.writeFileSync(`${file}.br`, b);
  files += 1;
  raw += body.length;
  gz += g.length;
  br += b.length;
}
walk(dir);
const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
console.log(
  `precompress.mjs: ${files} files, ${mb(raw)} -> gzip ${mb(gz)}, brotli ${mb(br)} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${kept} kept`,
);
