// A small static file server for dist/, used by scripts/serve and the browser tests.
// Loopback only; serves .wasm as application/wasm so streaming compilation works.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.d.ts': 'text/plain; charset=utf-8',
};

export function startStaticServer(root, port = 0) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let file;
    try {
      file = path.join(base, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
    } catch {
      return void res.writeHead(400).end(); // a malformed %-escape
    }
    if (file !== base && !file.startsWith(base + path.sep)) return void res.writeHead(403).end();
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    fs.readFile(file, (error, body) => {
      if (error) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const type = types[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startStaticServer(process.argv[2] ?? 'dist', Number(process.env.PORT ?? 8080));
  console.log(`saas-metrics is served at http://127.0.0.1:${server.address().port}/`);
}
