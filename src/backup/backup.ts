import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { databaseKind, databaseUri, mediaDir } from '../env'
import { adapterKind } from '../lib/db'

/** What a backup folder holds: `manifest.json`, the database file or dump, and `media/`. */
export type BackupManifest = { format: 1; adapter: 'sqlite' | 'postgres'; createdAt: string; database: string }

const SQLITE_FILE = 'database.sqlite'
const PG_DUMP = 'database.pgdump'

const run = (command: string, args: string[]) => {
  const out = spawnSync(command, args, { encoding: 'utf8' })
  if (out.error) throw new Error(`${command} could not run (${out.error.message}): install PostgreSQL's client tools`)
  if (out.status !== 0) throw new Error(`${command} failed: ${out.stderr.trim()}`)
  return out.stdout
}

/**
 * Back up the running database and the media folder into `out` (which must be empty or new). SQLite:
 * `VACUUM INTO`, a consistent copy made inside one read transaction while other processes keep
 * writing. PostgreSQL: `pg_dump` (one consistent snapshot). MongoDB: use `mongodump` (refused here).
 */
export async function backup(payload: Payload, out: string): Promise<BackupManifest> {
  if (fs.existsSync(out) && fs.readdirSync(out).length)
    throw new Error(`${out} is not empty: back up into a new folder`)
  fs.mkdirSync(out, { recursive: true })
  const kind = adapterKind(payload)
  let database: string
  if (kind === 'sqlite') {
    database = SQLITE_FILE
    const client = (
      payload.db as unknown as { client: { execute: (s: { sql: string; args: string[] }) => Promise<unknown> } }
    ).client
    await client.execute({ sql: 'VACUUM INTO ?', args: [path.resolve(out, database)] })
  } else if (kind === 'postgres') {
    database = PG_DUMP
    run('pg_dump', ['--format=custom', '--no-owner', '--file', path.resolve(out, database), databaseUri()])
  } else {
    throw new Error('MongoDB is backed up with mongodump/mongorestore (see README)')
  }
  if (fs.existsSync(mediaDir())) fs.cpSync(mediaDir(), path.join(out, 'media'), { recursive: true })
  const manifest: BackupManifest = { format: 1, adapter: kind, createdAt: new Date().toISOString(), database }
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

const sqliteFile = (uri: string) => path.resolve(uri.slice('file:'.length).split('?')[0])

/** Tables already in the target database (restore refuses a database that has any). */
function existingTables(uri: string): number {
  if (databaseKind(uri) === 'postgres') {
    try {
      return Number(run('psql', ['-Atc', "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", uri]).trim())
    } catch (err) {
      if (!/database ".*" does not exist/.test((err as Error).message)) throw err
      // A new database: create it (as Payload does on first connect), from the server's `postgres` database.
      const url = new URL(uri)
      const name = decodeURIComponent(url.pathname.slice(1))
      url.pathname = '/postgres'
      run('psql', ['-Atc', `CREATE DATABASE "${name.replace(/"/g, '""')}"`, url.toString()])
      return 0
    }
  }
  const file = sqliteFile(uri)
  return fs.existsSync(file) && fs.statSync(file).size > 0 ? 1 : 0
}

/**
 * Restore a backup folder into the empty database of DATABASE_URI (same adapter) and the media
 * folder. Works below Payload (booting it would create the schema first). A database that already
 * has tables is refused, and so is a backup of another adapter.
 */
export function restore(dir: string, uri = databaseUri()): BackupManifest {
  const manifestFile = path.join(dir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) throw new Error(`${dir} is not a Briefing backup (no manifest.json)`)
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest
  const kind = databaseKind(uri)
  if (kind !== manifest.adapter)
    throw new Error(`this backup is of a ${manifest.adapter} database; DATABASE_URI is ${kind}`)
  if (existingTables(uri) > 0)
    throw new Error('the target database is not empty: restore into a new, empty database (DATABASE_URI)')
  if (kind === 'postgres')
    run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', uri, path.join(dir, manifest.database)])
  else {
    fs.mkdirSync(path.dirname(sqliteFile(uri)), { recursive: true })
    fs.copyFileSync(path.join(dir, manifest.database), sqliteFile(uri))
  }
  const media = path.join(dir, 'media')
  if (fs.existsSync(media)) fs.cpSync(media, mediaDir(), { recursive: true })
  return manifest
}
