import {createReadStream} from 'node:fs'
import {readFile as readBytes, stat} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {Readable} from 'node:stream'
import {createGunzip} from 'node:zlib'
import {glob} from 'tinyglobby'
import {WARCParser} from 'warcio'
import {asTextPath, pagePatterns} from '../io.js'
import type {InputKind} from '../types.js'

/** One page to clean, from a file, a JSON Lines record or a WARC record. */
export interface PageRecord {
  type: 'page'
  /** Position in the input, from 0: output order with `--ordered`. */
  seq: number
  id: string
  input: string | Uint8Array
  kind?: InputKind
  /** Output path relative to `--out`. */
  relative: string
  /** Fields carried through to a JSON Lines output untouched. */
  fields?: Record<string, unknown>
  /** The charset the HTTP `Content-Type` declared (WARC responses). */
  charset?: string
}

/** An input record that could not even be read as a page: it becomes an error line. */
export interface BadRecord {
  type: 'bad'
  seq: number
  id: string
  reason: string
}

export type InputRecord = PageRecord | BadRecord

export interface InputOptions {
  /** Globs of files to take from folders (default: pages, JSON Lines and WARC files). */
  include?: string[]
  /** Globs of files to leave out of folders. */
  exclude?: string[]
}

const jsonLines = /\.(?:jsonl|ndjson)(?:\.gz)?$/iu
const warc = /\.(?:warc|wet|arc)(?:\.gz)?$/iu
/** Everything dechaff reads from a folder by default. */
export const folderPatterns = [...pagePatterns, '**/*.jsonl', '**/*.jsonl.gz', '**/*.ndjson', '**/*.warc', '**/*.warc.gz', '**/*.wet', '**/*.wet.gz']

/**
 * Every record of the inputs, in order: page files as they are, JSON Lines
 * (one record a line with an `id` and `text` or `html`; other fields are
 * carried), WARC and WET files (response records as HTML, conversion records
 * as text, with the record's URI and date), and standard input as any of them.
 */
export async function* readRecords(operands: string[], options: InputOptions = {}): AsyncGenerator<InputRecord> {
  const counter = {seq: 0}
  for (const operand of operands.length === 0 ? ['-'] : operands) {
    if (operand === '-') {
      yield* readStdin(counter)
      continue
    }
    const info = await stat(operand)
    if (info.isDirectory()) {
      const files = await glob(options.include ?? folderPatterns, {cwd: operand, onlyFiles: true, ignore: options.exclude ?? []})
      for (const file of files.sort()) yield* readFile(path.join(operand, file), file, counter)
    } else {
      yield* readFile(operand, path.basename(operand), counter)
    }
  }
}

interface Counter {
  seq: number
}

async function* readFile(file: string, relative: string, counter: Counter): AsyncGenerator<InputRecord> {
  if (jsonLines.test(file)) {
    const stream = createReadStream(file)
    yield* readJsonLines(file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream, relative, counter)
  } else if (warc.test(file)) {
    yield* readWarc(createReadStream(file), relative, counter)
  } else {
    const seq = counter.seq++
    try {
      yield {type: 'page', seq, id: file, input: await readBytes(file), relative: asTextPath(relative)}
    } catch (error) {
      yield {type: 'bad', seq, id: file, reason: `cannot read: ${(error as Error).message}`}
    }
  }
}

async function* readStdin(counter: Counter): AsyncGenerator<InputRecord> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const bytes = Buffer.concat(chunks)
  const head = bytes.subarray(0, 64).toString('latin1').trimStart()
  if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || head.startsWith('WARC/')) {
    yield* readWarc(Readable.from([bytes]), 'stdin', counter)
  } else if (head.startsWith('{')) {
    yield* readJsonLines(Readable.from([bytes]), 'stdin', counter)
  } else {
    yield {type: 'page', seq: counter.seq++, id: 'stdin', input: bytes, relative: 'stdin.txt'}
  }
}

async function* readJsonLines(stream: Readable, relative: string, counter: Counter): AsyncGenerator<InputRecord> {
  const stem = relative.replace(jsonLines, '')
  let line = 0
  for await (const text of createInterface({input: stream, crlfDelay: Number.POSITIVE_INFINITY})) {
    line++
    if (text.trim() === '') continue
    const seq = counter.seq++
    const fallbackId = `${relative}:${line}`
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      yield {type: 'bad', seq, id: fallbackId, reason: `line ${line} is not JSON: ${(error as Error).message}`}
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield {type: 'bad', seq, id: fallbackId, reason: `line ${line} is not a JSON object`}
      continue
    }
    const {text: pageText, html, ...fields} = value as Record<string, unknown>
    const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id) : fallbackId
    const input = typeof html === 'string' ? html : pageText
    if (typeof input !== 'string') {
      yield {type: 'bad', seq, id, reason: `record has no \`text\` or \`html\` string`}
      continue
    }
    yield {type: 'page', seq, id, input, kind: typeof html === 'string' ? 'html' : 'text', relative: path.join(stem, `${safeName(id)}.txt`), fields}
  }
}

async function* readWarc(stream: Readable, relative: string, counter: Counter): AsyncGenerator<InputRecord> {
  const stem = relative.replace(warc, '')
  for await (const record of WARCParser.iterRecords(stream)) {
    const type = record.warcType
    if (type !== 'response' && type !== 'conversion' && type !== 'resource') continue
    const contentType = (type === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcHeaders.headers.get('content-type')) ?? ''
    if (type !== 'conversion' && contentType && !/html|text\/plain/iu.test(contentType)) continue
    const seq = counter.seq++
    const id = record.warcHeader('WARC-Record-ID') ?? `${relative}#${seq}`
    const fields = {uri: record.warcTargetURI ?? null, date: record.warcDate ?? null}
    try {
      const input = await record.readFully(true)
      const kind: InputKind = type === 'conversion' || /text\/plain/iu.test(contentType) ? 'text' : 'html'
      const charset = /;\s*charset\s*=\s*["']?([\w.:-]{1,40})/iu.exec(contentType)?.[1]
      yield {type: 'page', seq, id, input, kind, relative: path.join(stem, `${String(seq).padStart(8, '0')}.txt`), fields, ...(charset ? {charset} : {})}
    } catch (error) {
      yield {type: 'bad', seq, id, reason: `cannot read WARC record: ${(error as Error).message}`}
    }
  }
}

function safeName(id: string): string {
  return id.replace(/[^\w.-]+/gu, '_').slice(0, 120) || 'record'
}
