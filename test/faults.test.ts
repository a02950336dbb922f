import {spawn, spawnSync} from 'node:child_process'
import {chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {seededRandom} from '../src/bench/seeded.js'
import {prose} from './helpers.js'

/**
 * Fault injection: kills, full disks, unwritable and closed outputs, broken
 * archives, colliding names and odd ids. Every input record must end as
 * exactly one output or one error record, and nothing may hang.
 */

const cli = path.resolve('dist/cli/main.js')
/** Past this a run is taken to hang: it is killed and the test fails. */
const hangMs = 45_000
const isRoot = process.getuid?.() === 0

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dechaff-faults-'))
})
afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})
const at = (...parts: string[]): string => path.join(root, ...parts)
const jsonLines = (text: string): Array<Record<string, unknown>> => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
const readLines = async (file: string): Promise<Array<Record<string, unknown>>> => jsonLines(await readFile(file, 'utf8').catch(() => ''))
const textPage = (n: number): string => ['Skip to main content', `Story ${n}`, ...prose, `Record ${n} ends here.`, 'Leave a Reply'].join('\n')
const recordsOf = (count: number): string => Array.from({length: count}, (_, n) => JSON.stringify({id: `r${n}`, text: textPage(n)})).join('\n') + '\n'

interface Outcome {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  hung: boolean
}

interface RunOptions {
  input?: string | Buffer
  /** Kill the run with SIGKILL after this many ms. */
  killAfterMs?: number
  /** Close the run's standard output after its first bytes. */
  closeStdout?: boolean
  uid?: number
}

/** Run the built CLI; a run that outlives `hangMs` is killed and reported as hung. */
function run(args: string[], options: RunOptions = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1'}, ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})})
    let stdout = ''
    let stderr = ''
    let hung = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.closeStdout) child.stdout.destroy()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
    const hang = setTimeout(() => {
      hung = true
      child.kill('SIGKILL')
    }, hangMs)
    const kill = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs)
    child.on('close', (code, signal) => {
      clearTimeout(hang)
      clearTimeout(kill)
      resolve({code, signal, stdout, stderr, hung})
    })
  })
}

/** One line, `dechaff: …`, and no stack trace. */
function expectOneLineMessage(stderr: string): void {
  const lines = stderr.split('\n').filter(Boolean)
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^dechaff: /)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('fatal errors stop cleanly', () => {
  it('a truncated gzip of JSON Lines: its whole lines are cleaned, the rest is one error record, nothing hangs', async () => {
    const full = gzipSync(recordsOf(400))
    await writeFile(at('trunc.jsonl.gz'), full.subarray(0, Math.floor(full.length * 0.6)))
    const outcome = await run(['clean', 'trunc.jsonl.gz', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--jobs', '2', '--quiet'])
    expect(outcome.hung).toBe(false)
    expect(outcome.code).toBe(0)
    const outputs = await readLines(at('o.jsonl'))
    const errors = await readLines(at('e.jsonl'))
    expect(outputs.length).toBeGreaterThan(100)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.id).toBe(`trunc.jsonl.gz:${outputs.length + 1}`)
    expect(String(errors[0]?.reason)).toMatch(/cannot read past line \d+: unexpected end of file/)
    // Every whole line that was read is accounted for.
    expect(new Set(outputs.map((record) => record.id))).toEqual(new Set(Array.from({length: outputs.length}, (_, n) => `r${n}`)))
  })

  it('a missing operand beside a folder is an error record; the folder is cleaned and the run ends', async () => {
    await mkdir(at('in'))
    for (let n = 0; n < 6; n++) await writeFile(at('in', `${n}.txt`), textPage(n))
    const outcome = await run(['clean', 'in', 'nonexist.html', '--out', 'o', '--errors', 'e.jsonl', '--jobs', '2', '--quiet'])
    expect(outcome.hung).toBe(false)
    expect(outcome.code).toBe(0)
    expect((await readdir(at('o'))).sort()).toEqual(['0.txt', '1.txt', '2.txt', '3.txt', '4.txt', '5.txt'])
    const errors = await readLines(at('e.jsonl'))
    expect(errors).toMatchObject([{id: 'nonexist.html'}])
    expect(String(errors[0]?.reason)).toContain('ENOENT')
  })

  it('a 250-character file name with --out is written under a shortened name that keeps the record', async () => {
    await mkdir(at('in'))
    const long = `${'x'.repeat(246)}.txt`
    await writeFile(at('in', long), textPage(1))
    await writeFile(at('in', 'short.txt'), textPage(2))
    const outcome = await run(['clean', 'in', '--out', 'o', '--jobs', '2'])
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toContain('2 pages cleaned, 0 skipped, 0 errors')
    const names = await readdir(at('o'))
    expect(names).toHaveLength(2)
    expect(names.every((name) => Buffer.byteLength(name) <= 255)).toBe(true)
  })

  it.each([
    ['--output', ['--output', 'blocker/o.jsonl']],
    ['--errors', ['--errors', 'blocker/e.jsonl']],
    ['--out', ['--out', 'blocker/out']]
  ])('an unwritable %s stops the run with exit code 2 and one dechaff: line', async (_, flags) => {
    // A file where a folder should be cannot be written into, even by root.
    await writeFile(at('blocker'), 'a file')
    await writeFile(at('in.jsonl'), recordsOf(20))
    const outcome = await run(['clean', 'in.jsonl', ...flags, '--jobs', '2', '--quiet'])
    expect(outcome.hung).toBe(false)
    expect(outcome.code).toBe(2)
    expectOneLineMessage(outcome.stderr)
    expect(outcome.stderr).toMatch(/cannot write blocker/)
  })

  it('a closed standard output (| head) ends the run quietly', async () => {
    await writeFile(at('in.jsonl'), recordsOf(200))
    const outcome = await run(['clean', 'in.jsonl', '--jobs', '2', '--quiet'], {closeStdout: true})
    expect(outcome.hung).toBe(false)
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toBe('')
  })

  it('a closed standard output ends explain quietly too', async () => {
    // A report far larger than a pipe's buffer, so writing it meets the closed pipe.
    await writeFile(at('long.txt'), Array.from({length: 5000}, (_, index) => `Menu entry ${index}`).join('\n'))
    const outcome = await run(['explain', 'long.txt'], {closeStdout: true})
    expect(outcome.hung).toBe(false)
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toBe('')
  })

  it.skipIf(!isRoot)('a full disk stops the run with exit code 2; --resume then completes exactly the missing records', async (context) => {
    await mkdir(at('disk'))
    // A small tmpfs is the full disk; a container without the right to mount one skips the test.
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', at('disk')]).status !== 0) return context.skip()
    await writeFile(at('in.jsonl'), recordsOf(300))
    await run(['clean', 'in.jsonl', '--output', 'reference.jsonl', '--quiet'])
    const reference = await readLines(at('reference.jsonl'))
    try {
      for (const flags of [['--output', 'disk/o.jsonl'], ['--out', 'disk/out']]) {
        const full = await run(['clean', 'in.jsonl', ...flags, '--errors', 'disk/e.jsonl', '--jobs', '2', '--quiet'])
        expect(full.hung).toBe(false)
        expect(full.code).toBe(2)
        expectOneLineMessage(full.stderr)
        expect(full.stderr).toContain('ENOSPC')
        expect(spawnSync('mount', ['-o', 'remount,size=64m', at('disk')]).status).toBe(0)
        const resumed = await run(['clean', 'in.jsonl', ...flags, '--errors', 'disk/e.jsonl', '--jobs', '2', '--resume', '--quiet'])
        expect(resumed.code).toBe(0)
        expect(await readLines(at('disk/e.jsonl'))).toEqual([])
        if (flags[0] === '--output') {
          const outputs = await readLines(at('disk/o.jsonl'))
          expect(sortById(outputs).map(withoutTime)).toEqual(sortById(reference).map(withoutTime))
        } else {
          const files = await readdir(at('disk/out/in'))
          expect(files).toHaveLength(300)
          for (const record of reference) expect(await readFile(at('disk/out/in', `${String(record.id)}.txt`), 'utf8')).toBe(record.text)
          expect(await readdir(at('disk/out'))).toEqual(['in'])
        }
        await rm(at(flags[1] as string), {recursive: true, force: true})
        await rm(at('disk/e.jsonl'), {force: true})
        expect(spawnSync('mount', ['-o', 'remount,size=64k', at('disk')]).status).toBe(0)
      }
    } finally {
      spawnSync('umount', [at('disk')])
    }
  })

  it('a JSON Lines line over the line limit is an error record, and the lines after it are read', async () => {
    const lines = [JSON.stringify({id: 'a', text: textPage(1)}), JSON.stringify({id: 'huge', text: 'x'.repeat(200_000)}), JSON.stringify({id: 'b', text: textPage(2)})]
    await writeFile(at('in.jsonl'), lines.join('\n'))
    const outcome = await run(['clean', 'in.jsonl', '--max-bytes', '2000', '--errors', 'e.jsonl', '--ordered', '--quiet'])
    expect(outcome.code).toBe(0)
    expect(jsonLines(outcome.stdout).map((record) => record.id)).toEqual(['a', 'b'])
    const errors = await readLines(at('e.jsonl'))
    expect(errors).toMatchObject([{id: 'in.jsonl:2'}])
    expect(String(errors[0]?.reason)).toMatch(/over the \d+-byte line limit/)
  })
})

function sortById(records: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return [...records].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1))
}

function withoutTime(record: Record<string, unknown>): Record<string, unknown> {
  const {ms: _, ...rest} = record
  return rest
}

describe('names and ids', () => {
  it('ids that sanitise or shorten to the same name get files of their own', async () => {
    const ids = ['a b', 'a_b', 'a/b', 'a:b', `${'long'.repeat(40)}-1`, `${'long'.repeat(40)}-2`, '', '..']
    await writeFile(at('in.jsonl'), ids.map((id, n) => JSON.stringify({id, text: textPage(n)})).join('\n'))
    const outcome = await run(['clean', 'in.jsonl', '--out', 'o', '--errors', 'e.jsonl', '--quiet'])
    expect(outcome.code).toBe(0)
    expect(await readLines(at('e.jsonl'))).toEqual([])
    const files = await readdir(at('o/in'))
    expect(files).toHaveLength(ids.length)
    const texts = await Promise.all(files.map((file) => readFile(at('o/in', file), 'utf8')))
    expect(new Set(texts).size).toBe(ids.length)
  })

  it('page.txt, page.html and page.htm in one folder keep their extensions and give three outputs', async () => {
    await mkdir(at('in'))
    await writeFile(at('in', 'page.txt'), textPage(1))
    await writeFile(at('in', 'page.html'), `<html><body><article><h1>Story 2</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`)
    await writeFile(at('in', 'page.htm'), `<html><body><article><h1>Story 3</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`)
    await writeFile(at('in', 'other.html'), `<html><body><p>${prose[0]}</p></body></html>`)
    const outcome = await run(['clean', 'in', '--out', 'o', '--quiet'])
    expect(outcome.code).toBe(0)
    expect((await readdir(at('o'))).sort()).toEqual(['other.txt', 'page.htm.txt', 'page.html.txt', 'page.txt.txt'])
  })

  it('a duplicate id is reported as an error record, and resume keeps every record accounted for once', async () => {
    const records = [{id: 'x', text: textPage(1)}, {id: 'y', text: textPage(2)}, {id: 'x', text: textPage(3)}]
    await writeFile(at('in.jsonl'), records.map((record) => JSON.stringify(record)).join('\n'))
    await run(['clean', 'in.jsonl', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--quiet'])
    const errors = await readLines(at('e.jsonl'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({id: 'x'})
    expect(String(errors[0]?.reason)).toContain('duplicate id')
    const resumed = await run(['clean', 'in.jsonl', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--resume'])
    expect(resumed.stderr).toContain('0 pages cleaned, 3 skipped')
    expect(await readLines(at('o.jsonl'))).toHaveLength(2)
  })

  it('ids of any JSON type are carried as they were and resumed without cleaning again', async () => {
    const ids: unknown[] = [null, true, false, {a: 1}, [1, 2], 7, '']
    await writeFile(at('in.jsonl'), ids.map((id, n) => JSON.stringify({id, text: textPage(n)})).join('\n'))
    const first = await run(['clean', 'in.jsonl', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--ordered', '--quiet'])
    expect(first.code).toBe(0)
    expect(await readLines(at('e.jsonl'))).toEqual([])
    expect((await readLines(at('o.jsonl'))).map((record) => record.id)).toEqual(ids)
    const resumed = await run(['clean', 'in.jsonl', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--resume'])
    expect(resumed.stderr).toContain(`0 pages cleaned, ${ids.length} skipped`)
    expect(await readLines(at('o.jsonl'))).toHaveLength(ids.length)
  })

  it('a killed run leaves no temporary file for good: --resume removes it', async () => {
    await mkdir(at('in'))
    await writeFile(at('in', 'a.txt'), textPage(1))
    // What a run killed during a write leaves behind.
    await mkdir(at('o', '.dechaff-tmp', '4242'), {recursive: true})
    await writeFile(at('o', '.dechaff-tmp', '4242', '.4242-0.dechaff.tmp'), 'half a pa')
    const outcome = await run(['clean', 'in', '--out', 'o', '--resume', '--quiet'])
    expect(outcome.code).toBe(0)
    expect((await readdir(at('o'))).sort()).toEqual(['a.txt'])
  })
})

describe('inputs read right', () => {
  it('--ordered --output FILE writes in input order', async () => {
    const count = 400
    // Pages of very different sizes finish out of order on two workers.
    const records = Array.from({length: count}, (_, n) => JSON.stringify({id: `r${n}`, text: n % 7 === 0 ? textPage(n).repeat(40) : textPage(n)}))
    await writeFile(at('in.jsonl'), records.join('\n'))
    await run(['clean', 'in.jsonl', '--output', 'o.jsonl', '--ordered', '--jobs', '2', '--quiet'])
    expect((await readLines(at('o.jsonl'))).map((record) => record.id)).toEqual(Array.from({length: count}, (_, n) => `r${n}`))
  })

  it.each([['.warc'], ['.warc.gz']])('a truncated %s: whole records cleaned, the cut record an error record', async (extension) => {
    const warc = [1, 2, 3].map((n) => warcRecord(`http://example.com/${n}`, `<html><body><article><h1>Story ${n}</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`)).join('')
    const bytes = Buffer.from(warc)
    const cut = bytes.subarray(0, bytes.length - 200)
    await writeFile(at(`crawl${extension}`), extension.endsWith('.gz') ? gzipSync(cut) : cut)
    const outcome = await run(['clean', `crawl${extension}`, '--errors', 'e.jsonl', '--ordered', '--quiet'])
    expect(outcome.code).toBe(0)
    expect(jsonLines(outcome.stdout).map((record) => record.uri)).toEqual(['http://example.com/1', 'http://example.com/2'])
    const errors = await readLines(at('e.jsonl'))
    expect(errors).toHaveLength(1)
    expect(String(errors[0]?.reason)).toContain('truncated')
  })

  it('a JSON Lines file opening with a byte-order mark reads its first record', async () => {
    await writeFile(at('in.jsonl'), `\uFEFF${recordsOf(2)}`)
    // Records come out as workers finish them; --ordered keeps the input's order, which the comparison needs.
    const fromFile = await run(['clean', 'in.jsonl', '--quiet', '--ordered'])
    expect(jsonLines(fromFile.stdout).map((record) => record.id)).toEqual(['r0', 'r1'])
    const fromStdin = await run(['clean', '--quiet', '--ordered'], {input: `\uFEFF${recordsOf(2)}`})
    expect(jsonLines(fromStdin.stdout).map((record) => record.id)).toEqual(['r0', 'r1'])
  })

  it('a first line that is not JSON is an error record; the output stays JSON Lines', async () => {
    const input = `not json\n${recordsOf(3)}`
    await writeFile(at('in.jsonl'), input)
    for (const outcome of [await run(['clean', 'in.jsonl', '--errors', 'e.jsonl', '--quiet']), await run(['clean', '--errors', 'e.jsonl', '--quiet'], {input})]) {
      expect(outcome.code).toBe(0)
      expect(jsonLines(outcome.stdout).map((record) => record.id).sort()).toEqual(['r0', 'r1', 'r2'])
      expect(await readLines(at('e.jsonl'))).toHaveLength(1)
    }
  })

  it('an unreadable subfolder and a broken link are error records', async () => {
    await mkdir(at('in', 'locked'), {recursive: true})
    await writeFile(at('in', 'a.txt'), textPage(1))
    await writeFile(at('in', 'locked', 'b.txt'), textPage(2))
    await symlink(at('in', 'gone.txt'), at('in', 'broken.txt'))
    await chmod(at('in', 'locked'), 0o000)
    await chmod(root, 0o777)
    // Root reads any folder: the run goes as nobody then.
    const outcome = await run(['clean', 'in', '--out', 'o', '--errors', 'e.jsonl', '--quiet'], isRoot ? {uid: 65_534} : {})
    await chmod(at('in', 'locked'), 0o755)
    expect(outcome.code).toBe(0)
    expect(await readdir(at('o'))).toEqual(['a.txt'])
    const errors = await readLines(at('e.jsonl'))
    expect(errors.map((error) => path.basename(String(error.id))).sort()).toEqual(['broken.txt', 'locked'])
  })

  it('a symbolic link loop is not followed round: one output per file', async () => {
    await mkdir(at('in', 'sub'), {recursive: true})
    await writeFile(at('in', 'a.txt'), textPage(1))
    await writeFile(at('in', 'sub', 'b.txt'), textPage(2))
    await symlink(at('in'), at('in', 'sub', 'loop'))
    const outcome = await run(['clean', 'in', '--out', 'o'])
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toContain('2 pages cleaned, 0 skipped, 0 errors')
  })

  it('UTF-16 pages with a byte-order mark, text and HTML, are read as UTF-16', async () => {
    const html = `<html><body><article><h1>Story</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
    const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    await mkdir(at('in'))
    await writeFile(at('in', 'a.txt'), utf16le(textPage(1)))
    await writeFile(at('in', 'b.html'), utf16le(html))
    await run(['clean', 'in', '--out', 'o', '--quiet'])
    for (const file of ['a.txt', 'b.txt']) {
      const text = await readFile(at('o', file), 'utf8')
      expect(text).toContain(prose[0])
      expect(text).not.toMatch(/[\u0000<]/u)
    }
  })
})

describe('a working folder deleted under a run', () => {
  it('writing an output there fails with an error instead of spinning in a recursive mkdir', () => {
    // A child process, so that this test's own working folder stays put.
    const script = [
      `import {mkdirSync, rmSync} from 'node:fs'`,
      `const {writeAtomically} = await import(${JSON.stringify(path.resolve('dist/io.js'))})`,
      `const folder = ${JSON.stringify(at('gone'))}`,
      `mkdirSync(folder); process.chdir(folder); rmSync(folder, {recursive: true})`,
      `await writeAtomically('o/d0/page.txt', 'text').then(() => console.log('written'), (error) => console.log('failed', error.code))`
    ].join('\n')
    const outcome = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: hangMs})
    expect(outcome.signal).toBeNull()
    expect(outcome.stdout.trim()).toBe('failed ENOENT')
  })
})

describe('kill -9 and --resume', () => {
  const next = seededRandom(16)

  it('a JSON Lines batch killed at random points and resumed matches an uninterrupted run record by record', async () => {
    const lines = recordsOf(240).split('\n').filter(Boolean)
    lines.splice(100, 0, 'not json', JSON.stringify({id: 'no-text'}))
    await writeFile(at('in.jsonl'), lines.join('\n'))
    const flags = ['--errors', 'e.jsonl', '--jobs', '2', '--quiet']
    await run(['clean', 'in.jsonl', '--output', 'reference.jsonl', '--errors', 'reference-e.jsonl', '--jobs', '2', '--quiet'])
    const reference = sortById(await readLines(at('reference.jsonl'))).map(withoutTime)
    const referenceErrors = sortById(await readLines(at('reference-e.jsonl')))
    for (let attempt = 0; attempt < 2; attempt++) {
      await rm(at('o.jsonl'), {force: true})
      await rm(at('e.jsonl'), {force: true})
      for (let kill = 0; kill < 2; kill++) await run(['clean', 'in.jsonl', '--output', 'o.jsonl', ...flags, '--resume'], {killAfterMs: 300 + Math.floor(next() * 1500)})
      const resumed = await run(['clean', 'in.jsonl', '--output', 'o.jsonl', ...flags, '--resume'])
      expect(resumed.code).toBe(0)
      expect(sortById(await readLines(at('o.jsonl'))).map(withoutTime)).toEqual(reference)
      expect(sortById(await readLines(at('e.jsonl')))).toEqual(referenceErrors)
    }
  })

  it('a folder batch killed at random points and resumed matches an uninterrupted run file by file', async () => {
    for (let n = 0; n < 160; n++) {
      await mkdir(at('in', `d${n % 4}`), {recursive: true})
      await writeFile(at('in', `d${n % 4}`, `${n}.txt`), textPage(n))
    }
    await run(['clean', 'in', '--out', 'reference', '--jobs', '2', '--quiet'])
    for (let kill = 0; kill < 3; kill++) await run(['clean', 'in', '--out', 'o', '--jobs', '2', '--resume', '--quiet'], {killAfterMs: 300 + Math.floor(next() * 1500)})
    const resumed = await run(['clean', 'in', '--out', 'o', '--jobs', '2', '--resume', '--quiet'])
    expect(resumed.code).toBe(0)
    expect((await readdir(at('o'))).sort()).toEqual(['d0', 'd1', 'd2', 'd3'])
    for (let n = 0; n < 160; n++) {
      const file = path.join(`d${n % 4}`, `${n}.txt`)
      expect(await readFile(at('o', file), 'utf8')).toBe(await readFile(at('reference', file), 'utf8'))
    }
  })
})

/** A WARC response record with a correct Content-Length. */
function warcRecord(uri: string, body: string): string {
  const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`
  const headers = ['WARC/1.0', 'WARC-Type: response', `WARC-Record-ID: <urn:uuid:${uri.replace(/\W/g, '')}>`, `WARC-Target-URI: ${uri}`, 'WARC-Date: 2024-03-01T10:00:00Z', 'Content-Type: application/http; msgtype=response', `Content-Length: ${Buffer.byteLength(block)}`]
  return `${headers.join('\r\n')}\r\n\r\n${block}\r\n\r\n`
}
