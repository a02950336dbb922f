import {createHash} from 'node:crypto'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {pagePatterns} from '../io.js'

/** Files that are a shard each: JSON Lines, WARC and WET, gzipped or not. */
export const shardPatterns = ['**/*.jsonl', '**/*.jsonl.gz', '**/*.ndjson', '**/*.ndjson.gz', '**/*.warc', '**/*.warc.gz', '**/*.wet', '**/*.wet.gz', '**/*.arc', '**/*.arc.gz']

const shardExtension = /(?:\.(?:jsonl|ndjson|warc|wet|arc))+(?:\.gz)?$/iu

/** One unit of queued work: a file of records, or a folder's page files. */
export interface Shard {
  /** Absolute path of the file or folder. */
  source: string
  /** A folder whose page files (HTML, text) are cleaned together. */
  pages: boolean
  /** Output path relative to `--out`, without extension: the shard's name, mirrored from its folder. */
  name: string
  /** Bytes of the shard's files and the latest modification time, in ms: with the path, its identity. */
  size: number
  mtimeMs: number
}

export interface ShardSelection {
  /** Globs of files to take from folders (default: shard files, plus page files as one shard a folder). */
  include?: string[]
  /** Globs of files to leave out of folders. */
  exclude?: string[]
}

/**
 * The shards named by operands: a JSON Lines, WARC or WET file is one shard,
 * named by its base name; a folder gives each of its shard files (named by
 * their path under it) and, when it holds page files, one more shard of all of
 * them (named after the folder). Two shards with the same name would write the
 * same output: that is an error.
 */
export async function findShards(operands: string[], selection: ShardSelection = {}): Promise<Shard[]> {
  const shards: Shard[] = []
  for (const operand of operands) {
    const source = path.resolve(operand)
    const info = await stat(source)
    if (!info.isDirectory()) {
      shards.push({source, pages: false, name: stemOf(path.basename(source)), size: info.size, mtimeMs: info.mtimeMs})
      continue
    }
    const ignore = selection.exclude ?? []
    const files = await glob(selection.include ?? shardPatterns, {cwd: source, onlyFiles: true, ignore})
    for (const file of files.filter((candidate) => shardExtension.test(candidate)).sort()) {
      const fileInfo = await stat(path.join(source, file))
      shards.push({source: path.join(source, file), pages: false, name: stemOf(file), size: fileInfo.size, mtimeMs: fileInfo.mtimeMs})
    }
    const pages = await glob(selection.include ?? pagePatterns, {cwd: source, onlyFiles: true, ignore})
    const pageFiles = pages.filter((candidate) => !shardExtension.test(candidate))
    if (pageFiles.length > 0) {
      const infos = await Promise.all(pageFiles.map((file) => stat(path.join(source, file))))
      const size = infos.reduce((sum, fileInfo) => sum + fileInfo.size, 0)
      const mtimeMs = Math.max(...infos.map((fileInfo) => fileInfo.mtimeMs))
      shards.push({source, pages: true, name: path.basename(source) || 'pages', size, mtimeMs})
    }
  }
  const owners = new Map<string, string>()
  for (const shard of shards) {
    const owner = owners.get(shard.name)
    if (owner !== undefined && owner !== shard.source) throw new Error(`${owner} and ${shard.source} would both write ${shard.name}.jsonl: queue them under different --out folders`)
    owners.set(shard.name, shard.source)
  }
  return shards.filter((shard, index) => shards.findIndex((other) => other.source === shard.source && other.pages === shard.pages) === index)
}

/**
 * A queue job id for the shard: the same path, size and modification time give
 * the same id, so adding a shard twice queues it once; a changed file is new work.
 */
export function shardId(shard: Shard): string {
  const hash = createHash('sha256').update(JSON.stringify([shard.source, shard.pages, shard.size, shard.mtimeMs])).digest('hex')
  return `shard-${hash.slice(0, 32)}`
}

/** A shard's output and errors files under `out`: beside each other. */
export function shardOutputs(out: string, name: string): {output: string; errors: string} {
  const base = path.join(path.resolve(out), name)
  return {output: `${base}.jsonl`, errors: `${base}.errors.jsonl`}
}

function stemOf(file: string): string {
  return file.replace(shardExtension, '') || file
}
