#!/usr/bin/env node
// Packs fachkraefte/ into dist/fachkraefte-wordpress-<version>.zip, the file an administrator
// uploads under Plugins → Add New → Upload. The version must agree in the plugin header, the
// readme's "Stable tag" and package.json, else no zip. A small ZIP writer (deflate + CRC-32 from
// node:zlib) rather than a dependency or the `zip` binary, which a fresh machine may lack.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'fachkraefte');

/** The version, checked across the three places that state it. */
export function pluginVersion() {
  const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(readFileSync(join(source, 'fachkraefte.php'), 'utf8'))?.[1];
  const stable = /^Stable tag:\s*(\S+)/m.exec(readFileSync(join(source, 'readme.txt'), 'utf8'))?.[1];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (!header || header !== stable || header !== pkg) {
    throw new Error(`version mismatch: plugin header ${header}, readme Stable tag ${stable}, package.json ${pkg}`);
  }
  return header;
}

function files(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Writes the zip and returns its path. Entries sit under `fachkraefte/`, as WordPress expects. */
export function buildZip(outDir = join(root, 'dist')) {
  const version = pluginVersion();
  const local = [];
  const central = [];
  let offset = 0;
  // A fixed time (2026-01-01 00:00) keeps the zip byte-identical for identical sources.
  const dosTime = 0;
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const path of files(source)) {
    const name = Buffer.from(`fachkraefte/${relative(source, path)}`, 'utf8');
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8); head.writeUInt16LE(dosTime, 10); head.writeUInt16LE(dosDate, 12);
    head.writeUInt32LE(crc, 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26); head.writeUInt16LE(0, 28);
    local.push(head, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(0x031e, 4); entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8); entry.writeUInt16LE(8, 10); entry.writeUInt16LE(dosTime, 12);
    entry.writeUInt16LE(dosDate, 14); entry.writeUInt32LE(crc, 16); entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24); entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += head.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  const count = central.length / 2;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(count, 8); end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `fachkraefte-wordpress-${version}.zip`);
  writeFileSync(out, Buffer.concat([...local, dir, end]));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = buildZip();
  console.log(`${relative(process.cwd(), out)} (${statSync(out).size} bytes)`);
}
