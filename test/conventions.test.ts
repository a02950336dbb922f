import {execFile} from 'node:child_process'
import {mkdir, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {beforeEach, describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {prose} from './helpers.js'
import {dechaff} from './run-cli.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dechaff-conventions-'))
})
const at = (...parts: string[]): string => path.join(root, ...parts)
const lines = (text: string): Array<Record<string, unknown>> => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
const textPage = ['Skip to main content', 'A headline about the library pilot', ...prose, 'Leave a Reply'].join('\n')
const htmlPage = (title: string): string => `<html><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

/** A WARC record with a correct Content-Length; `body` as bytes for pages in other charsets. */
function warcRecord(type: string, uri: string, body: string | Buffer, contentType: string, recordId = `${uri}-${type}`): Buffer {
  const block = type === 'response' ? Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\n\r\n`), Buffer.from(body)]) : Buffer.from(body)
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${recordId.replace(/\W/g, '')}>`,
    `WARC-Target-URI: ${uri}`,
    'WARC-Date: 2024-03-01T10:00:00Z',
    `Content-Type: ${type === 'response' ? 'application/http; msgtype=response' : contentType}`,
    `Content-Length: ${block.length}`
  ]
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), block, Buffer.from('\r\n\r\n')])
}

describe('honest outputs', () => {
  it('--format json is one JSON object a page, its text plain, not JSON inside a string', async () => {
    await writeFile(at('page.html'), htmlPage('Jason'))
    const {stdout, code} = await dechaff(['clean', at('page.html'), '--format', 'json', '--quiet'])
    expect(code).toBe(0)
    const [page] = lines(stdout)
    expect(page?.text).toBe(`Jason\n\n${prose.join('\n\n')}\n`)
    expect(page).toMatchObject({input: 'html', metadata: {title: 'Jason'}})
    expect(Array.isArray(page?.blocks)).toBe(true)
    await writeFile(at('in.jsonl'), `${JSON.stringify({id: 'j1', lang: 'en', html: htmlPage('Record')})}\n`)
    const records = lines((await dechaff(['clean', at('in.jsonl'), '--format', 'json', '--quiet'])).stdout)
    expect(records[0]).toMatchObject({id: 'j1', lang: 'en', text: `Record\n\n${prose.join('\n\n')}\n`})
    expect(Array.isArray(records[0]?.blocks)).toBe(true)
  })

  it('writes JSON Lines for a folder holding a JSON Lines file, whichever record comes first', async () => {
    await mkdir(at('mixed'))
    await writeFile(at('mixed', 'a.html'), htmlPage('Page first'))
    await writeFile(at('mixed', 'b.jsonl'), `${JSON.stringify({id: 'b1', text: textPage})}\n`)
    const {stdout} = await dechaff(['clean', at('mixed'), '--ordered', '--quiet'])
    expect(lines(stdout).map((record) => record.id)).toEqual([at('mixed', 'a.html'), 'b1'])
  })

  it('--format markdown --out writes .md files for JSON Lines records too', async () => {
    await writeFile(at('in.jsonl'), `${JSON.stringify({id: 'm1', html: htmlPage('Marked')})}\n`)
    await dechaff(['clean', at('in.jsonl'), '--out', at('md'), '--format', 'markdown', '--quiet'])
    expect(await readdir(at('md', 'in'))).toEqual(['m1.md'])
    expect(await readFile(at('md', 'in', 'm1.md'), 'utf8')).toMatch(/^# Marked\n/)
  })

  it('WARC records with --out are named by their URI, never collide, keep uri and date, and non-pages count as skipped', async () => {
    const warc = Buffer.concat([
      warcRecord('response', 'https://example.com/news/a', htmlPage('First'), 'text/html'),
      warcRecord('response', 'https://example.com/logo.png', 'PNG', 'image/png'),
      warcRecord('response', 'https://example.com/news/a', htmlPage('Again'), 'text/html', 'second-capture')
    ])
    await writeFile(at('crawl.warc'), warc)
    await writeFile(at('x.warc.wet'), Buffer.concat([warcRecord('conversion', 'https://example.com/b', textPage, 'text/plain'), warcRecord('conversion', 'https://example.com/c', textPage, 'text/plain')]))
    const {stderr, code} = await dechaff(['clean', at('crawl.warc'), at('x.warc.wet'), '--out', at('out'), '--format', 'json'])
    expect(code).toBe(0)
    expect(stderr).toContain('4 pages cleaned, 1 skipped, 0 errors')
    expect((await readdir(at('out'))).sort()).toEqual(['crawl', 'x'])
    expect((await readdir(at('out', 'x'))).sort()).toEqual([expect.stringMatching(/^example\.com_b-[0-9a-f]{12}\.json$/), expect.stringMatching(/^example\.com_c-[0-9a-f]{12}\.json$/)])
    const files = (await readdir(at('out', 'crawl'))).sort()
    expect(files).toHaveLength(2)
    for (const file of files) expect(file).toMatch(/^example\.com_news_a-[0-9a-f]{12}(-[0-9a-f]{12})?\.json$/)
    const pages = await Promise.all(files.map(async (file) => JSON.parse(await readFile(at('out', 'crawl', file), 'utf8')) as Record<string, unknown>))
    expect(pages.map((page) => [page.uri, page.date])).toEqual([
      ['https://example.com/news/a', '2024-03-01T10:00:00Z'],
      ['https://example.com/news/a', '2024-03-01T10:00:00Z']
    ])
    expect(pages.map((page) => (page.text as string).split('\n')[0]).sort()).toEqual(['Again', 'First'])
  })

  it('decodes a WARC response by the charset its HTTP Content-Type names', async () => {
    // "この記事は静かな町の図書館について書いています。" in Shift_JIS, with no <meta charset>.
    const japanese = Buffer.from('82b182cc8b4c8e9682cd90c382a982c892ac82cc907d8f918ad982c982c282a282c48f9182a282c482a282dc82b78142', 'hex')
    const body = Buffer.concat([Buffer.from('<html><body><article><p>'), japanese, Buffer.from('</p></article></body></html>')])
    await writeFile(at('jp.warc'), warcRecord('response', 'https://example.jp/a', body, 'text/html; charset=shift_jis'))
    const {stdout} = await dechaff(['clean', at('jp.warc'), '--quiet'])
    expect(lines(stdout)[0]?.text).toBe('この記事は静かな町の図書館について書いています。\n')
  })
})

describe('usage errors come first', () => {
  it('--out with --output, a bogus --input and an unknown flag exit 2 with a clear message and read nothing', async () => {
    await writeFile(at('page.txt'), textPage)
    const both = await dechaff(['clean', at('page.txt'), '--out', at('A'), '--output', at('B.jsonl')])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--out DIR and --output FILE cannot go together')
    await expect(readdir(at('A'))).rejects.toThrow()
    const bogus = await dechaff(['clean', at('page.txt'), '--input', 'bogus'])
    expect(bogus).toMatchObject({code: 2, stdout: ''})
    expect(bogus.stderr).toBe('dechaff: --input must be auto, text or html, got bogus\nRun `dechaff clean --help` for its options.\n')
    const unknown = await dechaff(['clean', at('page.txt'), '--outt', at('A')])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('clean has no option --outt')
    const resume = await dechaff(['clean', at('page.txt'), '--resume'])
    expect(resume.code).toBe(2)
    expect(resume.stderr).toContain('--resume needs')
  })

  it('a folder glob without a slash matches file names at any depth; a folder with nothing to clean says so and exits 2', async () => {
    await mkdir(at('corpus', 'a', 'b'), {recursive: true})
    await writeFile(at('corpus', 'a', 'b', 'deep.html'), htmlPage('Deep'))
    await writeFile(at('corpus', 'top.txt'), textPage)
    const deep = await dechaff(['clean', at('corpus'), '--out', at('out'), '--include', '*.html'])
    expect(deep.code).toBe(0)
    expect(await readdir(at('out', 'a', 'b'))).toEqual(['deep.txt'])
    await expect(readdir(at('out', 'top.txt'))).rejects.toThrow()
    const none = await dechaff(['clean', at('corpus'), '--out', at('out2'), '--include', '*.xml'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain(`${at('corpus')} holds no file to clean`)
  })
})

describe('check', () => {
  it('exits 2 on a missing or empty corpus, and reports golden files whose page is gone', async () => {
    const missing = await dechaff(['check', '--corpus', at('nonexist')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no corpus folder')
    const fromElsewhere = await dechaff(['check'], undefined, root)
    expect(fromElsewhere.code).toBe(2)
    await mkdir(at('empty'))
    const empty = await dechaff(['check', '--corpus', at('empty')])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('holds no page')
    await mkdir(at('corpus'))
    await mkdir(at('golden'))
    await writeFile(at('corpus', 'kept.txt'), textPage)
    await dechaff(['check', '--update'], undefined, root)
    await writeFile(at('golden', 'gone.txt'), 'A page deleted from the corpus.\n')
    const orphan = await dechaff(['check'], undefined, root)
    expect(orphan.code).toBe(1)
    expect(orphan.stdout).toContain('orphaned gone.txt (no page in the corpus)')
    expect(orphan.stdout).toContain('1 page: 1 passed, 0 changed, 0 missing golden, 0 errors, 1 golden file without a page')
    const updated = await dechaff(['check', '--update'], undefined, root)
    expect(updated.stdout).toContain('removed gone.txt (its page is gone)')
    expect(await readdir(at('golden'))).toEqual(['kept.txt'])
    expect((await dechaff(['check'], undefined, root)).code).toBe(0)
  })
})

describe('conventions', () => {
  it('--version, help COMMAND and COMMAND --help with that command\'s own flags', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {version: string}
    expect(await dechaff(['--version'])).toMatchObject({code: 0, stdout: `${manifest.version}\n`})
    const clean = await dechaff(['clean', '--help'])
    expect(clean.code).toBe(0)
    expect(clean.stdout).toMatch(/^Usage: dechaff clean/)
    expect(clean.stdout).toContain('--out DIR')
    expect(clean.stdout).not.toContain('--corpus')
    expect((await dechaff(['help', 'clean'])).stdout).toBe(clean.stdout)
    const check = await dechaff(['check', '--help'])
    expect(check.stdout).toMatch(/^Usage: dechaff check/)
    expect(check.stdout).toContain('--timeout-ms')
    expect(check.stdout).not.toContain('--out DIR')
    expect((await dechaff(['explain', '--help'])).stdout).toContain('--id ID')
  })

  it('explain reads standard input, refuses a folder, and picks a JSON Lines record by --id', async () => {
    const fromStdin = await dechaff(['explain', '-'], textPage)
    expect(fromStdin.code).toBe(0)
    expect(fromStdin.stdout).toMatch(/skip-link/)
    const folder = await dechaff(['explain', root])
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('is a folder')
    await writeFile(at('in.jsonl'), [{id: 'one', text: 'Only a short line.'}, {id: 'two', text: textPage}].map((record) => JSON.stringify(record)).join('\n'))
    const two = await dechaff(['explain', at('in.jsonl'), '--id', 'two'])
    expect(two.code).toBe(0)
    expect(two.stdout).toContain('skip-link')
    expect(two.stdout).toMatch(/^two: \d+ kept, 2 removed; language en \(detected\)$/m)
    const unsaid = await dechaff(['explain', at('in.jsonl')])
    expect(unsaid.code).toBe(2)
    expect(unsaid.stderr).toContain('holds more than one record: say which with --id')
  })

  it('explain places each HTML block at its element in the source, past the scripts the parser never sees', async () => {
    const page = ['<html><head><script>', 'var x = "<p>not a block</p>";', '</script></head><body>', '<nav><a href="/">Home</a></nav>', '<article>', '  <h1>Placed</h1>', ...prose.map((p) => `  <p>${p}</p>`), '</article></body></html>'].join('\n')
    await writeFile(at('page.html'), page)
    const {stdout} = await dechaff(['explain', at('page.html')])
    expect(stdout).toMatch(/^4:1 <nav> +removed /m)
    expect(stdout).toMatch(/^6:3 <h1> +kept/m)
    expect(stdout).toMatch(/^7:3 <p> +kept/m)
    expect(stdout).toContain('places are LINE:COLUMN of the element in the HTML source')
    const {blocks} = clean(page, {sourcePositions: true})
    expect(blocks.map((block) => block.source && page.slice(block.source.offset, block.source.offset + 4))).toEqual(['<nav', '<h1>', '<p>T', '<p>R', '<p>O'])
    expect(clean(page).blocks.every((block) => block.source === undefined)).toBe(true)
  })

  it('--resume cleans again the pages that timed out or lost their worker; --retry-errors all of them', async () => {
    await mkdir(at('in'))
    for (const name of ['slow', 'broken', 'fine']) await writeFile(at('in', `${name}.txt`), textPage)
    await writeFile(
      at('errors.jsonl'),
      [
        {id: at('in', 'slow.txt'), reason: 'DechaffTimeoutError: page took more than 10000 ms (parsing)'},
        {id: at('in', 'broken.txt'), reason: 'DechaffInputError: input looks binary'}
      ].map((error) => `${JSON.stringify(error)}\n`).join('')
    )
    await mkdir(at('out'))
    await writeFile(at('out', 'fine.txt'), 'done before\n')
    const resumed = await dechaff(['clean', at('in'), '--out', at('out'), '--errors', at('errors.jsonl'), '--resume'])
    expect(resumed.code).toBe(0)
    expect(resumed.stderr).toContain('1 page cleaned, 2 skipped, 0 errors')
    expect((await readdir(at('out'))).sort()).toEqual(['fine.txt', 'slow.txt'])
    expect(lines(await readFile(at('errors.jsonl'), 'utf8')).map((error) => error.id)).toEqual([at('in', 'broken.txt')])
    const all = await dechaff(['clean', at('in'), '--out', at('out'), '--errors', at('errors.jsonl'), '--resume', '--retry-errors'])
    expect(all.stderr).toContain('1 page cleaned, 2 skipped, 0 errors')
    expect((await readdir(at('out'))).sort()).toEqual(['broken.txt', 'fine.txt', 'slow.txt'])
    expect(await readFile(at('errors.jsonl'), 'utf8')).toBe('')
  })
})

/** What a terminal shows of raw output: carriage returns and cursor moves overwrite, line clears erase. */
function screen(raw: string): string[] {
  const shown: string[] = []
  for (const line of raw.split('\n')) {
    let cells: string[] = []
    let cursor = 0
    for (const token of line.match(/\x1b\[[0-9;?]*[A-Za-z]|\r|[^\x1b\r]/gu) ?? []) {
      if (token === '\r' || token === '\x1b[1G') cursor = 0
      else if (token === '\x1b[2K') cells = []
      else if (token === '\x1b[0K') cells = cells.slice(0, cursor)
      else if (!token.startsWith('\x1b')) cells[cursor++] = token
    }
    shown.push(cells.join(''))
  }
  return shown
}

describe('on a terminal', () => {
  const terminal = async (command: string): Promise<string[]> => {
    // `script` gives the command a terminal and passes on its exit code: 2 here, for the page that failed.
    const outcome = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {env: {...process.env, NO_COLOR: '1', COLUMNS: '200'}}).catch((error: {stdout: string}) => error)
    return screen(outcome.stdout)
  }

  it('shows a total, a percentage and an ETA, writes errors on lines of their own and counts in good English', async () => {
    await mkdir(at('in'))
    await writeFile(at('in', 'good.txt'), textPage)
    await writeFile(at('in', 'binary.txt'), Buffer.from(Array.from({length: 3000}, (_, n) => (n * 7919) % 32)))
    const shown = await terminal(`node ${path.resolve('dist/cli/main.js')} clean ${at('in')} --out ${at('out')} --jobs 1`)
    const error = shown.find((line) => line.includes('"reason"'))
    expect(error).toMatch(/^\{"id":".*binary\.txt","reason":"DechaffInputError: input looks binary/)
    expect(shown.some((line) => /^dechaff .* 100% \| 2\/2 records \| .* \| 1 error \| ETA/u.test(line))).toBe(true)
    expect(shown).toContain(shown.find((line) => line.startsWith('dechaff: 1 page cleaned, 0 skipped, 1 error in ')))
  })
})
