// A plain static file server for the browser tests: no rewrites, no
// fallbacks, so a page that works here works on any static host.
// Serves dist/ first, then tests/fixtures/ (extra articles for tests only),
// also under a nested prefix to prove dist/ does not assume the site root.
import http from 'node:http';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

export const NESTED_PREFIX = '/nested/copy/';

export async function startServer({
  roots = [path.join(repo, 'dist'), path.join(repo, 'tests/fixtures')],
  notFoundPage = false,
  gzip = false,
} = {}) {
  // path -> list of statuses to answer before serving the file normally
  const failures = new Map();
  // path -> milliseconds to wait before answering (once)
  const delays = new Map();
  const requests = [];
  // paths whose answer the client broke off before it was complete
  const abandoned = [];
  const server = http.createServer(async (req, res) => {
    let url = new URL(req.url, 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    if (pathname.startsWith(NESTED_PREFIX)) pathname = '/' + pathname.slice(NESTED_PREFIX.length);
    const delay = delays.get(pathname);
    if (delay) {
      delays.delete(pathname);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const queued = failures.get(pathname);
    if (queued && queued.length) {
      const status = queued.shift();
      if (status === 'stall' || status === 'trickle') {
        // 'stall': the headers and half the file, then silence with the
        // connection open. 'trickle': the whole file, 1% every 100 ms.
        // A reader who leaves at once closes the connection while the file
        // is still being read: listen before reading, so that counts too.
        let sent = 0;
        let total = Infinity;
        let timer;
        res.on('close', () => {
          clearInterval(timer);
          if (sent < total) abandoned.push(pathname);
        });
        const body = await fs.readFile(path.join(roots.find((r) => fsSync.existsSync(path.join(r, pathname))) ?? roots[0], pathname));
        total = body.length;
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        const step = status === 'stall' ? Math.floor(body.length / 2) : Math.ceil(body.length / 100);
        timer = setInterval(() => {
          if (status === 'stall' && sent > 0) return;
          res.write(body.subarray(sent, sent + step));
          sent += step;
          if (sent >= body.length) {
            clearInterval(timer);
            res.end();
          }
        }, 100);
        return;
      }
      if (status === 'drop') {
        // The connection dies mid-response, as on a flaky network: headers
        // and a little of the body, then nothing. (A reset before any answer
        // is retried by Chromium itself and never reaches the page.)
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
        res.write('{"format": 1, "id": "cut-');
        setTimeout(() => req.socket.destroy(), 50);
        return;
      }
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('injected failure');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    for (const root of roots) {
      const file = path.join(root, pathname);
      if (!file.startsWith(root + path.sep)) break;
      try {
        const body = await fs.readFile(file);
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        // As a CDN serves text and wasm: compressed when the browser asks.
        if (gzip && !type.startsWith('image/png') && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          const packed = zlib.gzipSync(body, { level: 6 });
          res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store' });
          res.end(packed);
          return;
        }
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        // try the next root
      }
    }
    // Like hosts that have one, answer a missing page with 404.html.
    if (notFoundPage) {
      try {
        const body = await fs.readFile(path.join(roots[0], '404.html'));
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        res.end(body);
        return;
      } catch {
        // no 404.html: plain answer below
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    abandoned,
    /** Answer the next requests for `pathname` with these HTTP statuses ('drop': close the connection; 'stall', 'trickle': see above). */
    fail(pathname, ...statuses) {
      failures.set(pathname, statuses);
    },
    /** Hold the next answer for `pathname` back by `ms`. */
    delay(pathname, ms) {
      delays.set(pathname, ms);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
