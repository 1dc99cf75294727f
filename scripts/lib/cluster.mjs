// Several server instances on one PostgreSQL database behind nginx as load balancer and HTTP
// cache: what `pnpm cluster` runs, what the cluster test checks and what bench:load measures.
// The nginx configuration is the one docs/deploy.md describes, without TLS (loopback only).
import { mkdirSync } from 'node:fs';
import { freePort, startApiServer, startNginx } from './processes.mjs';

/**
 * nginx.conf for `upstreams` (host:port) behind one `listen` address, with a proxy cache in
 * `dir/cache` unless `cache` is false.
 *
 * - The cache follows the answers' Cache-Control (max-age, stale-while-revalidate; private and
 *   no-store are never kept) and revalidates with their ETag (proxy_cache_revalidate).
 * - Within the answer's stale-while-revalidate window, an expired entry is served while one
 *   background request revalidates it (background update, cache lock); after it, the request
 *   waits for the revalidation: never an answer older than max-age + stale-while-revalidate.
 * - Requests with credentials pass by the cache, both ways (proxy_cache_bypass, proxy_no_cache).
 * - Encodings: the answers vary by Accept-Encoding only (Vary says so); nginx keys its entries by
 *   the normalised encoding instead of every client's own header string.
 */
export function clusterNginxConfig({ dir, listen, upstreams, cache = true, workers = 1 }) {
  return `
daemon on;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  log_format fk '$remote_addr [$time_iso8601] "$request" $status $body_bytes_sent $request_time cache=$upstream_cache_status upstream=$upstream_addr';
  access_log ${dir}/access.log fk;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 100000;
  client_max_body_size 4m;

  # The API compresses (brotli, gzip); the cache keeps one entry per encoding.
  map $http_accept_encoding $fk_encoding {
    ~*\\bbr\\b   br;
    ~*\\bgzip\\b gzip;
    default     "";
  }

  upstream fk_api {
${upstreams.map((u) => `    server ${u} max_fails=2 fail_timeout=5s;`).join('\n')}
    keepalive 64;
    # Below Node's 5 s: nginx must never reuse a connection the instance is closing.
    keepalive_timeout 4s;
  }
${cache ? `
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=fk_api:10m max_size=512m inactive=10m use_temp_path=off;
` : ''}
  server {
    listen ${listen};

    location / {
      proxy_pass http://fk_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Accept-Encoding $fk_encoding;
      proxy_next_upstream error timeout http_502 http_503;
${cache ? `
      proxy_cache fk_api;
      proxy_cache_key $scheme$http_host$request_uri$fk_encoding;
      proxy_ignore_headers Vary;
      proxy_cache_revalidate on;
      # Stale while revalidating only as long as the answer's stale-while-revalidate allows: the
      # "updating" parameter would serve an entry of any age once (measured: STALE after both
      # windows had passed), and break the freshness bound. Stale on errors: availability first.
      proxy_cache_use_stale error timeout http_500 http_502 http_503 http_504;
      proxy_cache_background_update on;
      proxy_cache_lock on;
      proxy_cache_bypass $http_authorization;
      proxy_no_cache $http_authorization;
      add_header X-Cache-Status $upstream_cache_status always;
` : ''}
    }

    # Health of the instances is each one's /healthz; through nginx it is never cached.
    location = /healthz {
      proxy_pass http://fk_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
}

/**
 * Starts `instances` servers on `databaseUrl` (the first one alone: it migrates and loads the data
 * sets), then nginx in front of them on a free port. Returns their URLs and a stop().
 */
export async function startCluster({
  databaseUrl, instances = 2, dataSets = 'seed,upcoming', maxAge, cache = true, dir, workers = 1, args = [],
}) {
  mkdirSync(dir, { recursive: true });
  const serverArgs = ['--database-url', databaseUrl, '--data-sets', dataSets, ...(maxAge !== undefined ? ['--max-age', String(maxAge)] : []), ...args];
  const servers = [];
  const stopAll = async () => {
    for (const s of servers) await s.stop();
  };
  try {
    servers.push(await startApiServer({ args: serverArgs, label: 'instance 1' }));
    servers.push(...(await Promise.all(Array.from({ length: instances - 1 }, (_, i) => startApiServer({ args: serverArgs, label: `instance ${i + 2}` })))));
  } catch (err) {
    await stopAll();
    throw err;
  }
  const port = await freePort();
  let nginx;
  try {
    nginx = await startNginx(dir, clusterNginxConfig({
      dir, listen: `127.0.0.1:${port}`, upstreams: servers.map((s) => `127.0.0.1:${s.port}`), cache, workers,
    }), `http://127.0.0.1:${port}/healthz`);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    servers,
    nginx,
    async stop() {
      await nginx.stop();
      await stopAll();
    },
  };
}
