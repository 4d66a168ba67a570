/**
 * Backups of the embedded database (decision 0012). PGlite is one process and takes no lock: while Opstap runs,
 * no other process may open DATA_DIR/pglite. So the process that holds the folder (the app, or a backup or
 * restore run while the app is stopped) listens on DATA_DIR/ops.sock (mode 0600). A backup asks there first
 * and gets a copy made between two transactions; when nobody answers, nobody holds the folder, and the backup
 * claims the socket and copies the folder itself.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm, rmdir } from 'node:fs/promises';
import net from 'node:net';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, pgliteOptions, type Database } from './client.ts';

export const opsSocketPath = (dataDir: string) => join(dataDir, 'ops.sock');
export const pgliteFolder = (dataDir: string) => join(dataDir, 'pglite');

/** A consistent copy, gzipped tar. */
type Dump = () => Promise<Uint8Array>;

/** The holder of a data folder: answers backup requests on DATA_DIR/ops.sock until closed. */
export type DataDirClaim = {
  /** From now on, backup requests are answered with this database's copy. */
  serve(database: Database): void;
  close(): Promise<void>;
};

/**
 * Claims DATA_DIR: listens on its ops socket. Refuses when another process answers there (a running app, a
 * backup or a restore); a socket left by a process that stopped abruptly is replaced. Until `serve`, requests
 * get `busy` as their answer.
 */
export async function claimDataDir(dataDir: string, busy: string): Promise<DataDirClaim> {
  const path = opsSocketPath(dataDir);
  // A Unix socket path holds at most 107 bytes.
  if (Buffer.byteLength(path) > 100)
    throw new Error(
      `DATA_DIR is too long for its ops socket ${path} (100 bytes at most): use a shorter path`,
    );
  try {
    await mkdir(dataDir, { recursive: true });
  } catch {
    throw new Error(
      `Cannot write to the data directory ${dataDir}: choose another DATA_DIR or fix its permissions.`,
    );
  }
  let dump: Dump | undefined;
  const server = net.createServer((socket) => answer(socket, dump, busy));
  try {
    await listen(server, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (await answers(path))
      throw new Error(
        `Another Opstap process uses ${dataDir} (it answers on ${path}): stop it first, or choose another DATA_DIR`,
      );
    await rm(path, { force: true }); // left by a process that stopped abruptly
    await listen(server, path);
  }
  await chmod(path, 0o600);
  return {
    serve(database) {
      dump = dumpOf(database);
    },
    // Waits for a copy in progress; closing the server removes the socket file.
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function listen(server: net.Server, path: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Only the owner may connect, from the first moment (the mode is set again after listening).
    const umask = setUmask(0o177);
    try {
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    } finally {
      if (umask !== undefined) setUmask(umask);
    }
  });
}

/** `process.umask` is not available in worker threads; the chmod after listening covers that case. */
function setUmask(mask: number) {
  try {
    return process.umask(mask);
  } catch {
    return undefined;
  }
}

function answers(path: string) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One request a connection: the line `backup`, answered by a JSON line and then the copy's bytes. */
function answer(socket: net.Socket, dump: Dump | undefined, busy: string) {
  const reply = (header: object, body?: Uint8Array) => {
    socket.write(`${JSON.stringify(header)}\n`);
    if (body) socket.write(body);
    socket.end();
  };
  let received = '';
  socket.setTimeout(10_000, () => socket.destroy());
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    received += chunk.toString('utf8');
    if (!received.includes('\n') && received.length < 100) return;
    socket.removeAllListeners('data');
    socket.setTimeout(0);
    if (received.split('\n')[0] !== 'backup') return reply({ ok: false, error: 'unknown request' });
    if (!dump) return reply({ ok: false, error: busy });
    dump().then(
      (bytes) => reply({ ok: true, bytes: bytes.byteLength }, bytes),
      (error: unknown) => reply({ ok: false, error: `the copy failed: ${(error as Error).message}` }),
    );
  });
}

function dumpOf(database: Database): Dump {
  // Drizzle keeps its driver's client as `$client`.
  const client = (database.db as unknown as { $client?: PGlite }).$client;
  if (database.kind !== 'pglite' || typeof client?.dumpDataDir !== 'function')
    throw new Error(
      'Only the embedded database is backed up this way; back up a PostgreSQL server with pg_dump',
    );
  return () => dumpClient(client);
}

/**
 * A copy between two transactions: PGlite runs one transaction at a time, so while ours is open nobody else's
 * is. The checkpoint writes every change to the data files, so the copy opens without replaying the log.
 */
async function dumpClient(client: PGlite): Promise<Uint8Array> {
  const blob = await client.transaction(async (tx) => {
    await tx.exec('checkpoint');
    return client.dumpDataDir('gzip');
  });
  return new Uint8Array(await blob.arrayBuffer());
}

/** Asks the process that holds DATA_DIR for a copy; null when nobody listens there. */
export function requestBackup(dataDir: string): Promise<Uint8Array | null> {
  const path = opsSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let connected = false;
    const socket = net.connect(path);
    socket.setTimeout(10 * 60_000, () => socket.destroy(new Error(`No answer on ${path} within 10 minutes`)));
    socket.on('connect', () => {
      connected = true;
      socket.write('backup\n');
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) resolve(null);
      else reject(error);
    });
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(10);
      let header: { ok: boolean; bytes?: number; error?: string };
      try {
        header = JSON.parse(all.subarray(0, newline).toString('utf8'));
      } catch {
        return reject(new Error(`An unreadable answer on ${path}`));
      }
      if (!header.ok) return reject(new Error(`The Opstap process on ${dataDir} answered: ${header.error}`));
      const body = all.subarray(newline + 1);
      if (body.byteLength !== header.bytes)
        return reject(new Error(`The copy arrived incomplete (${body.byteLength} of ${header.bytes} bytes)`));
      resolve(new Uint8Array(body));
    });
  });
}

/** Where a backup goes when no file is named: DATA_DIR/backups/opstap-backup-<UTC time>.tar.gz. */
export function defaultBackupFile(dataDir: string, now = new Date()) {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '');
  return join(dataDir, 'backups', `opstap-backup-${stamp}Z.tar.gz`);
}

/**
 * Writes a consistent copy of the embedded database in DATA_DIR to `file`: from the running app when it
 * answers on DATA_DIR/ops.sock, otherwise from the data folder itself.
 */
export async function backupDataDir(options: { dataDir: string; file: string }) {
  const { dataDir, file } = options;
  if (existsSync(file)) throw new Error(`${file} exists already: name another file`);
  let bytes = await requestBackup(dataDir);
  const from = bytes ? 'running app' : 'data folder';
  if (!bytes) {
    const folder = pgliteFolder(dataDir);
    if (!existsSync(join(folder, 'PG_VERSION')))
      throw new Error(`There is no embedded database in ${folder}: check DATA_DIR`);
    const claim = await claimDataDir(dataDir, 'a backup is being made; try again in a moment');
    try {
      const client = await PGlite.create(folder, pgliteOptions);
      try {
        bytes = await dumpClient(client);
      } finally {
        await client.close();
      }
    } finally {
      await claim.close();
    }
  }
  await writeAtomically(file, bytes);
  return { file, bytes: bytes.byteLength, from };
}

/** Written to a temporary name beside the file, then renamed: a reader sees all of it or nothing. */
async function writeAtomically(file: string, bytes: Uint8Array) {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    // Owner only: the copy holds personal data.
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Brings a backup into DATA_DIR, whose database folder must be empty or absent. The copy is unpacked beside
 * it, opened and migrated, and only then renamed into place: a failed restore leaves nothing behind.
 */
export async function restoreBackup(options: { dataDir: string; file: string }) {
  const { dataDir, file } = options;
  const target = pgliteFolder(dataDir);
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new Error(
      `The database folder ${target} is not empty: restore into an empty DATA_DIR, or stop Opstap and move that folder away first`,
    );
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new Error(`Cannot read the backup ${file}`);
  }
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new Error(`${file} is not a backup made by npm run backup (not gzip)`);
  const claim = await claimDataDir(dataDir, 'a backup is being restored; try again in a moment');
  const staging = join(dataDir, `.pglite-restoring-${randomBytes(4).toString('hex')}`);
  try {
    const loaded = await PGlite.create(staging, {
      ...pgliteOptions,
      loadDataDir: new Blob([new Uint8Array(bytes)], { type: 'application/x-gzip' }),
    });
    await loaded.close();
    const database = await openPglite(staging);
    let accounts: number;
    try {
      await database.migrate();
      const { rows } = await database.executeSql('select count(*)::int as n from app_user');
      accounts = (rows[0] as { n: number }).n;
    } finally {
      await database.close();
    }
    if (existsSync(target)) await rmdir(target);
    await rename(staging, target);
    return { folder: target, accounts };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await claim.close();
  }
}
