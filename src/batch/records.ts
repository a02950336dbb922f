import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {readdir, readFile as readBytes, stat} from 'node:fs/promises'
import path from 'node:path'
import {Readable} from 'node:stream'
import {createGunzip} from 'node:zlib'
import picomatch from 'picomatch'
import {WARCParser, type WARCRecord} from 'warcio'
import {asTextPath, pagePatterns} from '../io.js'
import {defaultMaxBytes} from '../limits.js'
import type {InputKind} from '../types.js'

/** One page to clean, from a file, a JSON Lines record or a WARC record. */
export interface PageRecord {
  type: 'page'
  /** Position in the input, from 0: output order with `--ordered`. */
  seq: number
  /** The record's key: its path, WARC record id, or JSON Lines id (see `idKey`). */
  id: string
  /** A JSON Lines record's `id` as the line gave it (any JSON type), written back as it was. */
  rawId?: unknown
  input: string | Uint8Array
  kind?: InputKind
  /** Output path relative to `--out`; never the same for two records of a batch. */
  relative: string
  /** Fields carried through to a JSON Lines output untouched. */
  fields?: Record<string, unknown>
  /** The charset the HTTP `Content-Type` declared (WARC responses). */
  charset?: string
  /** From a JSON Lines or WARC file: output is JSON Lines by default. */
  fromRecords: boolean
}

/** An input that could not even be read as a page: it becomes an error record. */
export interface BadRecord {
  type: 'bad'
  seq: number
  id: string
  rawId?: unknown
  reason: string
  fromRecords: boolean
}

/** A record that is not a page (a WARC response with an image): counted as skipped, never cleaned. */
export interface SkippedRecord {
  type: 'skipped'
  seq: number
  id: string
  reason: string
  fromRecords: boolean
}

export type InputRecord = PageRecord | BadRecord | SkippedRecord

export interface InputOptions {
  /** Globs of files to take from folders (default: pages, JSON Lines and WARC files); one without a slash matches file names at any depth, one with a slash paths relative to the folder. */
  include?: string[]
  /** Globs of files to leave out of folders. */
  exclude?: string[]
  /** Longest JSON Lines line read, in bytes; a longer line is an error record (default: 128 MiB). */
  maxLineBytes?: number
  /** Largest page read whole, in bytes: a larger page file, WARC or WET record or standard input is an error record, and is not held in memory (default: 16 MiB). */
  maxPageBytes?: number
  /** Called once, before the first record, with what the inputs hold: JSON Lines or WARC files (`streams`), and the number of records when they are all page files (each one record). */
  onPlan?: (plan: {streams: boolean; total?: number}) => void
  /** Called with each folder operand that holds no file to clean. */
  onEmptyFolder?: (folder: string) => void
  /** Standard input is one page of this kind (`--input text|html`), not told from its bytes. */
  stdinKind?: InputKind
}

const jsonLines = /\.(?:jsonl|ndjson)(?:\.gz)?$/iu
const warc = /(?:\.(?:warc|wet|arc))+(?:\.gz)?$/iu
/** Everything dechaff reads from a folder by default. */
export const folderPatterns = [...pagePatterns, '**/*.jsonl', '**/*.jsonl.gz', '**/*.ndjson', '**/*.warc', '**/*.warc.gz', '**/*.wet', '**/*.wet.gz']
const defaultMaxLineBytes = 128 * 1024 * 1024
/** Longest output file name kept as it is, in bytes; file systems allow 255. */
const maxNameBytes = 200
/** Longest JSON Lines id used as a file name as it is. */
const maxIdName = 120

/**
 * The key of a JSON Lines record's id, the same on input and on resume: a
 * string is itself, any other JSON value its JSON text.
 */
export function idKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** What file system errors mean, in our words; the code stays beside them for searching. */
const errorWords: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'the disk could not be read'
}

/** Why a file could not be read: `no such file or folder (ENOENT)`, or the error's own message. */
function reasonOf(error: unknown): string {
  const {code, message} = error as NodeJS.ErrnoException
  const words = code === undefined ? undefined : errorWords[code]
  return words ? `${words} (${code})` : message
}

/** A short hash of a full id or path, to tell apart names that sanitising or shortening made equal. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
}

/** What a batch has given out so far: output names, record keys. */
interface BatchState {
  seq: number
  /** Output names given, folded to lower case (case-insensitive file systems). */
  names: Set<string>
  /** Record keys seen, and where first. */
  keys: Map<string, string>
  maxLineBytes: number
  maxPageBytes: number
}

/**
 * Every record of the inputs, in order: page files as they are, JSON Lines
 * (one record a line with an `id` and `text` or `html`; other fields are
 * carried), WARC and WET files (response records as HTML, conversion records
 * as text, with the record's URI and date), and standard input as any of them.
 * Whatever cannot be read — a missing operand, an unreadable folder, a broken
 * line, a truncated archive, a duplicate id — is a bad record, never skipped.
 */
export async function* readRecords(operands: string[], options: InputOptions = {}): AsyncGenerator<InputRecord> {
  const state: BatchState = {seq: 0, names: new Set(), keys: new Map(), maxLineBytes: options.maxLineBytes ?? defaultMaxLineBytes, maxPageBytes: options.maxPageBytes ?? defaultMaxBytes}
  const sources: Source[] = []
  for (const operand of operands.length === 0 ? ['-'] : operands) {
    if (operand === '-') {
      sources.push({type: 'stdin'})
      continue
    }
    let isFolder: boolean
    try {
      isFolder = (await stat(operand)).isDirectory()
    } catch (error) {
      sources.push({type: 'bad', id: operand, reason: `cannot read: ${reasonOf(error)}`})
      continue
    }
    if (isFolder) {
      const entries = await walkFolder(operand, options)
      if (entries.length === 0) options.onEmptyFolder?.(operand)
      const relatives = outputRelatives(entries.flatMap((entry) => ('reason' in entry ? [] : [entry.relative])))
      for (const entry of entries) {
        const file = path.join(operand, entry.relative)
        sources.push('reason' in entry ? {type: 'bad', id: file, reason: entry.reason} : {type: 'file', file, relative: entry.relative, output: relatives.get(entry.relative) as string})
      }
    } else {
      sources.push({type: 'file', file: operand, relative: path.basename(operand), output: asTextPath(path.basename(operand))})
    }
  }
  // Page files are a record each: their count is the batch's; a stream of records has none known ahead.
  const streams = sources.some((source) => source.type === 'file' && (jsonLines.test(source.file) || warc.test(source.file)))
  options.onPlan?.({streams, ...(streams || sources.some((source) => source.type === 'stdin') ? {} : {total: sources.length})})
  for (const source of sources) {
    if (source.type === 'stdin') yield* unique(readStdin(state, options.stdinKind), state)
    else if (source.type === 'bad') yield* unique(badRecord(state, source.id, source.reason, false), state)
    else yield* unique(readFile(source.file, source.relative, source.output, state), state)
  }
}

/** Where records come from: standard input, a file, or an operand or folder entry that cannot be read. */
type Source = {type: 'stdin'} | {type: 'file'; file: string; relative: string; output: string} | {type: 'bad'; id: string; reason: string}

/** A record whose key an earlier record had becomes a bad record; every output name is made unique. */
async function* unique(records: AsyncGenerator<InputRecord>, state: BatchState): AsyncGenerator<InputRecord> {
  for await (const record of records) {
    if (record.type === 'skipped') {
      yield record
      continue
    }
    const first = state.keys.get(record.id)
    const where = record.type === 'page' ? record.relative : record.id
    if (first !== undefined) {
      yield {type: 'bad', seq: record.seq, id: record.id, ...('rawId' in record ? {rawId: record.rawId} : {}), reason: `duplicate id: the same id as ${first}`, fromRecords: record.fromRecords}
      continue
    }
    state.keys.set(record.id, record.type === 'page' && record.fields ? `record ${record.seq + 1}` : where)
    if (record.type === 'page') record.relative = claimName(state, record.relative, record.id)
    yield record
  }
}

async function* badRecord(state: BatchState, id: string, reason: string, fromRecords: boolean): AsyncGenerator<InputRecord> {
  yield {type: 'bad', seq: state.seq++, id, reason, fromRecords}
}

/**
 * An output name no other record of the batch has: the name itself, or, when
 * it is taken or a part of it too long for a file system, one with a short
 * hash of the record's full id.
 */
function claimName(state: BatchState, relative: string, id: string): string {
  const parts = relative.split('/')
  const fits = parts.every((part) => Buffer.byteLength(part) <= maxNameBytes)
  let name = fits ? relative : parts.map((part) => (Buffer.byteLength(part) <= maxNameBytes ? part : withHash(part.slice(0, maxNameBytes / 2), id))).join('/')
  if (state.names.has(name.toLowerCase())) name = withHash(name, id)
  state.names.add(name.toLowerCase())
  return name
}

/** `a/b.txt` with the hash of `id`: `a/b-0123456789ab.txt`. */
function withHash(name: string, id: string): string {
  const extension = path.extname(name)
  return `${extension ? name.slice(0, -extension.length) : name}-${shortHash(id)}${extension}`
}

type FolderEntry = {relative: string} | {relative: string; reason: string}

/**
 * The files of a folder the patterns take, by relative path, and the folders
 * and entries that could not be read. Symbolic links are followed, a folder
 * already visited (a link loop) is not entered again; hidden entries are left out.
 */
async function walkFolder(root: string, options: InputOptions): Promise<FolderEntry[]> {
  const include = picomatch(options.include ?? folderPatterns, {basename: true})
  const exclude = options.exclude?.length ? picomatch(options.exclude, {basename: true}) : () => false
  const entries: FolderEntry[] = []
  const visited = new Set<string>()
  const visit = async (relative: string): Promise<void> => {
    const folder = path.join(root, relative)
    let names: string[]
    try {
      const info = await stat(folder)
      const identity = `${info.dev}:${info.ino}`
      if (visited.has(identity)) return
      visited.add(identity)
      names = (await readdir(folder)).filter((name) => !name.startsWith('.'))
    } catch (error) {
      entries.push({relative: relative || '.', reason: `cannot read folder: ${reasonOf(error)}`})
      return
    }
    for (const name of names) {
      const child = relative ? `${relative}/${name}` : name
      let isFolder: boolean
      try {
        isFolder = (await stat(path.join(root, child))).isDirectory()
      } catch (error) {
        if (include(child) && !exclude(child)) entries.push({relative: child, reason: `cannot read: ${reasonOf(error)}`})
        continue
      }
      if (isFolder) await visit(child)
      else if (include(child) && !exclude(child)) entries.push({relative: child})
    }
  }
  await visit('')
  return entries.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
}

/**
 * Output paths of a folder's page files: `a/b.html` → `a/b.txt`, but where two
 * files share a stem (`page.txt`, `page.html`) each keeps its extension
 * (`page.txt.txt`, `page.html.txt`).
 */
function outputRelatives(files: string[]): Map<string, string> {
  const stems = new Map<string, number>()
  for (const file of files) stems.set(asTextPath(file), (stems.get(asTextPath(file)) ?? 0) + 1)
  return new Map(files.map((file) => [file, (stems.get(asTextPath(file)) as number) > 1 ? `${file}.txt` : asTextPath(file)]))
}

async function* readFile(file: string, relative: string, output: string, state: BatchState): AsyncGenerator<InputRecord> {
  if (jsonLines.test(file)) {
    const stream = createReadStream(file)
    yield* readJsonLines(file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream, relative, state)
  } else if (warc.test(file)) {
    yield* readWarc(createReadStream(file), relative, state)
  } else {
    const seq = state.seq++
    try {
      const {size} = await stat(file)
      if (size > state.maxPageBytes) {
        yield {type: 'bad', seq, id: file, reason: overLimit('page', size, state.maxPageBytes), fromRecords: false}
        return
      }
      yield {type: 'page', seq, id: file, input: await readBytes(file), relative: output, fromRecords: false}
    } catch (error) {
      yield {type: 'bad', seq, id: file, reason: `cannot read: ${reasonOf(error)}`, fromRecords: false}
    }
  }
}

/** What standard input holds, from its first bytes. */
type StdinFormat = 'warc' | 'jsonl' | 'page'

/** Most bytes of standard input held to tell its format; past them, a page or JSON Lines by the first character. */
const stdinPeekBytes = 1024 * 1024

/**
 * Standard input, cleaned as it arrives: gzip is known by its magic bytes and
 * unpacked, then WARC/WET and JSON Lines are read record by record, anything
 * else is one page. `kind` (`--input text|html`) makes it one page of that kind.
 */
async function* readStdin(state: BatchState, kind: InputKind | undefined): AsyncGenerator<InputRecord> {
  let format: StdinFormat | undefined
  let source: Peeked | undefined
  try {
    source = await peek(process.stdin, (head, ended) => ended || head.length >= 2)
    if (source.head[0] === 0x1f && source.head[1] === 0x8b) source = await peek(source.stream.pipe(createGunzip()), (head, ended) => ended || head.length > 0)
    if (!kind) {
      source = await peek(source.stream, (head, ended) => stdinFormatOf(head, ended) !== undefined || head.length >= stdinPeekBytes)
      format = stdinFormatOf(source.head, true)
    }
  } catch (error) {
    yield {type: 'bad', seq: state.seq++, id: 'stdin', reason: `cannot read standard input: ${reasonOf(error)}`, fromRecords: false}
    return
  }
  if (format === 'warc') yield* readWarc(source.stream, 'stdin', state)
  else if (format === 'jsonl') yield* readJsonLines(source.stream, 'stdin', state)
  else yield await readStdinPage(source.stream, state, kind)
}

/** All of standard input as one page; past `state.maxPageBytes` it is not held but drained, and is an error record. */
async function readStdinPage(stream: Readable, state: BatchState, kind: InputKind | undefined): Promise<InputRecord> {
  const seq = state.seq++
  const maxBytes = state.maxPageBytes
  const chunks: Buffer[] = []
  let bytes = 0
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length
      if (bytes <= maxBytes) chunks.push(chunk as Buffer)
      else chunks.length = 0
    }
  } catch (error) {
    return {type: 'bad', seq, id: 'stdin', reason: `cannot read standard input: ${reasonOf(error)}`, fromRecords: false}
  }
  if (bytes > maxBytes) return {type: 'bad', seq, id: 'stdin', reason: overLimit('input', bytes, maxBytes), fromRecords: false}
  return {type: 'page', seq, id: 'stdin', input: Buffer.concat(chunks), relative: 'stdin.txt', fromRecords: false, ...(kind ? {kind} : {})}
}

/**
 * The format of standard input from its first bytes, or undefined while they
 * do not tell (`ended`: there are no more). WARC starts with `WARC/`, HTML
 * with `<`; JSON Lines when its first line is a JSON object or array, or,
 * the first line broken, its second is an object; anything else is a page
 * (a wiki dump opening with `{{Infobox` is text).
 */
export function stdinFormatOf(head: Buffer, ended: boolean): StdinFormat | undefined {
  const text = head.toString('utf8').replace(/^\uFEFF/u, '').trimStart()
  if (text.startsWith('WARC/')) return 'warc'
  if (!ended && 'WARC/'.startsWith(text)) return undefined
  if (text.startsWith('<')) return 'page'
  const lines = text.split('\n')
  const whole = (ended ? lines : lines.slice(0, -1)).filter((line) => line.trim() !== '')
  const [first, second] = whole
  if (first !== undefined && isJsonValue(first, true)) return 'jsonl'
  if (second !== undefined) return isJsonValue(second, false) ? 'jsonl' : 'page'
  if (ended) return head.length >= stdinPeekBytes && /^[[{]/u.test(text) ? 'jsonl' : 'page'
  return undefined
}

/** Whether a line is a JSON object (or, with `arrays`, an array). */
function isJsonValue(line: string, arrays: boolean): boolean {
  const trimmed = line.trim()
  if (!(trimmed.startsWith('{') || (arrays && trimmed.startsWith('[')))) return false
  try {
    JSON.parse(trimmed)
    return true
  } catch {
    return false
  }
}

/** A stream's first bytes, and the whole stream again, those bytes included. */
interface Peeked {
  head: Buffer
  stream: Readable
}

/** Read a stream until `enough` says its head tells what it is (or it ends), without losing a byte of it. */
async function peek(stream: Readable, enough: (head: Buffer, ended: boolean) => boolean): Promise<Peeked> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let head = Buffer.alloc(0)
  let ended = false
  while (!enough(head, ended) && !ended) {
    const next = await iterator.next()
    if (next.done) ended = true
    else {
      chunks.push(next.value)
      head = Buffer.concat(chunks)
    }
  }
  async function* again(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head
    if (ended) return
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  }
  return {head, stream: Readable.from(again(), {objectMode: false})}
}

/**
 * Lines of a byte stream, numbered from 1, without their line breaks (and a
 * first line's byte-order mark). A line longer than `maxBytes` is given as
 * its length only, and not held in memory. A stream that fails (a truncated
 * gzip member) throws after its last whole line.
 */
async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<{line: number; text?: string; bytes: number}> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let line = 0
  const take = (tail: Buffer): {line: number; text?: string; bytes: number} => {
    const bytes = pendingBytes + tail.length
    line++
    let text: string | undefined
    if (bytes <= maxBytes) {
      text = (pending.length === 0 ? tail : Buffer.concat([...pending, tail])).toString('utf8')
      if (text.endsWith('\r')) text = text.slice(0, -1)
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    pending = []
    pendingBytes = 0
    return text === undefined ? {line, bytes} : {line, text, bytes}
  }
  for await (const chunk of stream) {
    let buffer = chunk as Buffer
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a)) {
      yield take(buffer.subarray(0, end))
      buffer = buffer.subarray(end + 1)
    }
    pendingBytes += buffer.length
    if (pendingBytes <= maxBytes) pending.push(buffer)
    else pending = []
  }
  if (pendingBytes > 0) yield take(Buffer.alloc(0))
}

async function* readJsonLines(stream: Readable, relative: string, state: BatchState): AsyncGenerator<InputRecord> {
  const stem = relative.replace(jsonLines, '')
  let line = 0
  try {
    for await (const read of readLines(stream, state.maxLineBytes)) {
      line = read.line
      if (read.text?.trim() === '') continue
      const fallbackId = `${relative}:${line}`
      if (read.text === undefined) {
        yield {type: 'bad', seq: state.seq++, id: fallbackId, reason: `line ${line} is ${read.bytes} bytes, over the ${state.maxLineBytes}-byte line limit`, fromRecords: true}
        continue
      }
      yield recordOfLine(read.text, line, fallbackId, stem, state.seq++)
    }
  } catch (error) {
    yield {type: 'bad', seq: state.seq++, id: `${relative}:${line + 1}`, reason: `cannot read past line ${line}: ${(error as Error).message}`, fromRecords: true}
  }
}

function recordOfLine(text: string, line: number, fallbackId: string, stem: string, seq: number): InputRecord {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {type: 'bad', seq, id: fallbackId, reason: `line ${line} is not JSON: ${(error as Error).message}`, fromRecords: true}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {type: 'bad', seq, id: fallbackId, reason: `line ${line} is not a JSON object`, fromRecords: true}
  }
  const {text: pageText, html, ...fields} = value as Record<string, unknown>
  const hasId = Object.hasOwn(fields, 'id')
  const id = hasId ? idKey(fields.id) : fallbackId
  const given = hasId ? {rawId: fields.id} : {}
  const input = typeof html === 'string' ? html : pageText
  if (typeof input !== 'string') return {type: 'bad', seq, id, ...given, reason: `record has no \`text\` or \`html\` string`, fromRecords: true}
  return {type: 'page', seq, id, ...given, input, kind: typeof html === 'string' ? 'html' : 'text', relative: path.posix.join(stem, `${safeName(id)}.txt`), fields, fromRecords: true}
}

async function* readWarc(stream: Readable, relative: string, state: BatchState): AsyncGenerator<InputRecord> {
  const stem = relative.replace(warc, '')
  let records = 0
  try {
    for await (const record of WARCParser.iterRecords(stream)) {
      records++
      const type = record.warcType
      if (type !== 'response' && type !== 'conversion' && type !== 'resource') continue
      const contentType = (type === 'response' ? record.httpHeaders?.headers.get('content-type') : record.warcHeaders.headers.get('content-type')) ?? ''
      const seq = state.seq++
      const id = record.warcHeader('WARC-Record-ID') ?? `${relative}#${seq}`
      if (type !== 'conversion' && contentType && !/html|text\/plain/iu.test(contentType)) {
        yield {type: 'skipped', seq, id, reason: `not a page: ${contentType}`, fromRecords: true}
        continue
      }
      const fields = {uri: record.warcTargetURI ?? null, date: record.warcDate ?? null}
      // Named by what the record is, not where it fell: its address, else its record id.
      const name = safeName(record.warcTargetURI?.replace(/^[a-z][\w+.-]*:\/\//iu, '') ?? id)
      // A record read is held in memory until it is cleaned: one past the limit is left unread, and warcio skips it.
      const size = unreadBytes(record)
      if (size > state.maxPageBytes) {
        yield {type: 'bad', seq, id, reason: overLimit('record', size, state.maxPageBytes), fromRecords: true}
        continue
      }
      try {
        const input = await record.readFully(true)
        const missing = unreadBytes(record)
        if (missing > 0) throw new Error(`record is truncated: ${missing} of its ${record.warcContentLength} bytes are missing`)
        const kind: InputKind = type === 'conversion' || /text\/plain/iu.test(contentType) ? 'text' : 'html'
        const charset = /;\s*charset\s*=\s*["']?([\w.:-]{1,40})/iu.exec(contentType)?.[1]
        yield {type: 'page', seq, id, input, kind, relative: path.posix.join(stem, `${name}.txt`), fields, fromRecords: true, ...(charset ? {charset} : {})}
      } catch (error) {
        yield {type: 'bad', seq, id, reason: `cannot read WARC record: ${(error as Error).message}`, fromRecords: true}
      }
    }
  } catch (error) {
    yield {type: 'bad', seq: state.seq++, id: `${relative}#record-${records + 1}`, reason: `cannot read past WARC record ${records}: ${(error as Error).message}`, fromRecords: true}
  }
}

/**
 * Bytes of the record's block not yet read. warcio reads a record through a
 * reader limited to its Content-Length (past its HTTP headers) and keeps what
 * is left of the limit: before the record is read, the size of its page;
 * after, more than nothing means the file ended inside it.
 */
function unreadBytes(record: WARCRecord): number {
  const reader = (record as unknown as {_reader?: {limit?: unknown}})._reader
  return typeof reader?.limit === 'number' ? Math.max(0, reader.limit) : 0
}

/** Why a page or a record too large to read is an error record. */
function overLimit(what: string, bytes: number, limit: number): string {
  return `${what} is ${bytes} bytes, over the ${limit}-byte limit (--max-bytes)`
}

/** A record's id as a file name: itself when it is a short, plain name; else its plain part and a hash of it. */
function safeName(id: string): string {
  if (/^[\w-][\w.-]*$/u.test(id) && id.length <= maxIdName) return id
  return `${id.replace(/[^\w.-]+/gu, '_').replace(/^\.+/u, '').slice(0, maxIdName / 2) || 'record'}-${shortHash(id)}`
}
