// A static HTTP server that behaves as a typical static host does, for the scale benchmark:
// text files (HTML, JavaScript, CSS, WebAssembly, SVG, JSON, plain text) are sent gzip-compressed
// (`Content-Encoding: gzip`, zlib level 6, the common default of nginx, Apache and CDNs) when the
// browser accepts gzip; everything else — fonts (woff2), Marsad's data bundle (`.bin`, already
// gzip files) and Pagefind's index files (already compressed) — is sent as it is on disk.
//
// A file is compressed on its first request and the result kept in memory, as a CDN keeps it, so
// that the compression time of a large file is not part of every page load measured.
//
// With `latency` (milliseconds), every response waits that long before it is written: each
// request then costs at least one round trip of a distant host, as over a real network, where
// files fetched one after another (rather than together) cost one round trip each. Only the wait
// is added: bandwidth is not limited, and the browser's own limit of six connections to a host
// (HTTP/1.1, as here) still applies.
//
// The server also counts what it sends (status line, headers and body of each response), an
// independent check of the browser's own count, and the only one for requests the browser's
// DevTools protocol reports without their body (a web worker's own script).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Content types by extension; `compress` marks the text types compressed on the fly. */
export const TYPES = {
  '.html': { type: 'text/html; charset=utf-8', compress: true },
  '.js': { type: 'text/javascript; charset=utf-8', compress: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', compress: true },
  '.css': { type: 'text/css; charset=utf-8', compress: true },
  '.wasm': { type: 'application/wasm', compress: true },
  '.svg': { type: 'image/svg+xml', compress: true },
  '.json': { type: 'application/json', compress: true },
  '.txt': { type: 'text/plain; charset=utf-8', compress: true },
  '.woff2': { type: 'font/woff2', compress: false },
};
const OTHER = { type: 'application/octet-stream', compress: false };

/** How a file is served: its content type and whether it is compressed on the fly. */
export function typeOf(file) {
  // Marsad's bundle names the current version in a file without extension (`data/current`).
  return TYPES[path.extname(file)] || OTHER;
}

/**
 * Serves `root` on 127.0.0.1 and a free port (a directory's `index.html` for its path), each
 * response `latency` ms after its request.
 * Resolves to { origin, url, close, sent(from, to) }: `sent` gives the responses whose requests
 * arrived between two `performance.now()` times of this process, with the bytes sent for each.
 */
export function serve(root, { latency = 0 } = {}) {
  root = path.resolve(root);
  const gzipped = new Map();
  const log = [];
  const server = http.createServer((req, res) => (latency > 0 ? setTimeout(() => respond(req, res), latency) : respond(req, res)));
  function respond(req, res) {
    const { pathname } = new URL(req.url, 'http://x');
    const at = performance.now();
    let bodyBytes = 0;
    const end = res.end.bind(res);
    res.end = (chunk, ...rest) => {
      if (chunk && typeof chunk !== 'function') bodyBytes += Buffer.byteLength(chunk);
      return end(chunk, ...rest);
    };
    // `_header` is the status line and headers exactly as written to the socket.
    res.on('finish', () => log.push({ path: pathname, at, bytes: bodyBytes + Buffer.byteLength(res._header || '') }));
    let file = path.join(root, path.normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(404).end('not found');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const { type, compress } = typeOf(file);
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    if (compress && accepts) {
      let body = gzipped.get(file);
      if (!body) {
        body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
        gzipped.set(file, body);
      }
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'Accept-Encoding' });
      res.end(body);
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(body);
  }
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        url: origin + '/',
        sent: (from, to) => log.filter((r) => r.at >= from && r.at <= to),
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(r);
          }),
      });
    });
  });
}
