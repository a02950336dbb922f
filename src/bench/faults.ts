import {spawn, spawnSync} from 'node:child_process'
import {chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import {seededRandom} from './seeded.js'

/**
 * `npm run bench:faults`: the faults and hostile inputs of issue 16, each run
 * through the built CLI as a user would, with its exit code, wall time, peak
 * memory (the process's max RSS, workers included) and records in and out
 * (outputs plus error records). Prints a Markdown table.
 */

const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url))
/** Past this a run is taken to hang and killed. */
const hangMs = 180_000

interface Outcome {
  code: number | null
  seconds: number
  maxRssMb: number | undefined
  stdout: string
  stderr: string
}

interface Case {
  name: string
  /** The command as shown (`D` is `node dist/cli/main.js`), run in the case's folder. */
  args: string[]
  setup: (at: (...parts: string[]) => string) => Promise<void>
  recordsIn: number
  /** Outputs and error records after the run. */
  recordsOut: (at: (...parts: string[]) => string, outcome: Outcome) => Promise<number>
  options?: {closeStdout?: boolean; uid?: number; before?: (at: (...parts: string[]) => string) => Promise<void>}
}

const prose = [
  'The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled since the first trial began.',
  'Residents who spoke at the meeting were broadly in favour, although several asked for the opening hours to be extended into the evening.'
]
const textPage = (n: number): string => ['Skip to main content', `Story ${n}`, ...prose, `Record ${n} ends here.`, 'Leave a Reply'].join('\n')
const htmlPage = (n: number): string => `<html><body><article><h1>Story ${n}</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
/** `count` text pages, `0.txt` on, in `folder`, which must exist. */
async function writeTextPages(folder: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await writeFile(path.join(folder, `${n}.txt`), textPage(n))
}
const records = (count: number, page: (n: number) => Record<string, unknown> = (n) => ({id: `r${n}`, text: textPage(n)})): string =>
  Array.from({length: count}, (_, n) => JSON.stringify(page(n))).join('\n') + '\n'

async function lineCount(file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.split('\n').filter(Boolean).length
}

async function fileCount(folder: string): Promise<number> {
  const entries = await readdir(folder, {withFileTypes: true}).catch(() => [])
  let count = 0
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    count += entry.isDirectory() ? await fileCount(path.join(folder, entry.name)) : 1
  }
  return count
}

const stdoutLines = (outcome: Outcome): number => outcome.stdout.split('\n').filter(Boolean).length
const linesOf = (...files: string[]) => async (at: (...parts: string[]) => string) => (await Promise.all(files.map((file) => lineCount(at(file))))).reduce((a, b) => a + b, 0)
const filesAndErrors = (folder: string) => async (at: (...parts: string[]) => string) => (await fileCount(at(folder))) + (await lineCount(at('e.jsonl')))
const stdoutAndErrors = async (at: (...parts: string[]) => string, outcome: Outcome) => stdoutLines(outcome) + (await lineCount(at('e.jsonl')))
/** One page cleaned in one process without a time budget: its time is all the work it costs. */
function pageWithoutBudget(what: string, file: string, content: () => string): Case {
  return {
    name: `${what}, no budget`,
    args: ['clean', file, '--out', 'o', '--errors', 'e.jsonl', '--jobs', '0', '--timeout-ms', '0'],
    setup: async (at) => writeFile(at(file), content()),
    recordsIn: 1,
    recordsOut: filesAndErrors('o')
  }
}

/** A WARC response record of an HTML page. */
function warcResponse(id: string, html: string): string {
  const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:${id}>\r\nWARC-Target-URI: http://example.com/${id}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n${block}\r\n\r\n`
}
const warc = (count: number): string => Array.from({length: count}, (_, n) => warcResponse(`r${n}`, htmlPage(n))).join('')
const isRoot = process.getuid?.() === 0
/** What to undo once every case has run: tmpfs mounts, locked folders. */
const cleanups: Array<() => unknown> = []

function mountTmpfs(folder: string): void {
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder])
  cleanups.push(() => spawnSync('umount', [folder]))
}

const cases: Case[] = [
  {
    name: 'truncated gzip, workers busy',
    args: ['clean', 'trunc.jsonl.gz', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--jobs', '2'],
    setup: async (at) => {
      const full = gzipSync(records(2000))
      await writeFile(at('trunc.jsonl.gz'), full.subarray(0, Math.floor(full.length / 2)))
    },
    // 2,000 records were written; half the file is left: its whole lines, and the cut rest as one error record.
    recordsIn: 2000,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: 'folder and a missing operand',
    args: ['clean', 'in', 'nonexist.html', '--out', 'o', '--errors', 'e.jsonl', '--jobs', '2'],
    setup: async (at) => {
      await mkdir(at('in'))
      await writeTextPages(at('in'), 50)
    },
    recordsIn: 51,
    recordsOut: filesAndErrors('o')
  },
  {
    name: '250-character file name, --out',
    args: ['clean', 'in', '--out', 'o', '--errors', 'e.jsonl', '--jobs', '2'],
    setup: async (at) => {
      await mkdir(at('in'))
      await writeFile(at('in', `${'x'.repeat(246)}.txt`), textPage(1))
      await writeFile(at('in', 'short.txt'), textPage(2))
    },
    recordsIn: 2,
    recordsOut: filesAndErrors('o')
  },
  {
    name: 'closed stdout (`| head -1`)',
    args: ['clean', 'in.jsonl', '--jobs', '2'],
    setup: async (at) => writeFile(at('in.jsonl'), records(2000)),
    recordsIn: 2000,
    recordsOut: async (_, outcome) => stdoutLines(outcome),
    options: {closeStdout: true}
  },
  ...['--output', '--errors'].map(
    (flag): Case => ({
      name: `unwritable ${flag}`,
      args: ['clean', 'in.jsonl', flag, 'blocker/file.jsonl', '--jobs', '2'],
      setup: async (at) => {
        await writeFile(at('blocker'), 'a file where a folder should be')
        await writeFile(at('in.jsonl'), records(100))
      },
      recordsIn: 100,
      recordsOut: async () => 0
    })
  ),
  ...(isRoot
    ? [
        {
          name: 'ENOSPC on --output (64 KB tmpfs)',
          args: ['clean', 'in.jsonl', '--output', 'disk/o.jsonl', '--errors', 'e.jsonl', '--jobs', '2'],
          setup: async (at: (...parts: string[]) => string) => {
            await writeFile(at('in.jsonl'), records(1000))
            await mkdir(at('disk'))
            mountTmpfs(at('disk'))
          },
          recordsIn: 1000,
          recordsOut: linesOf('disk/o.jsonl', 'e.jsonl')
        },
        {
          name: '… then --resume with space',
          args: ['clean', 'in.jsonl', '--output', 'disk/o.jsonl', '--errors', 'e.jsonl', '--jobs', '2', '--resume'],
          setup: async () => undefined,
          recordsIn: 1000,
          recordsOut: linesOf('disk/o.jsonl', 'e.jsonl'),
          options: {before: async (at: (...parts: string[]) => string) => void spawnSync('mount', ['-o', 'remount,size=64m', at('disk')])}
        },
        {
          name: 'ENOSPC on --out (64 KB tmpfs)',
          args: ['clean', 'in', '--out', 'disk2/o', '--errors', 'e.jsonl', '--jobs', '2'],
          setup: async (at: (...parts: string[]) => string) => {
            await mkdir(at('in'))
            await writeTextPages(at('in'), 300)
            await mkdir(at('disk2'))
            mountTmpfs(at('disk2'))
          },
          recordsIn: 300,
          recordsOut: filesAndErrors('disk2/o')
        },
        {
          name: '… then --resume with space',
          args: ['clean', 'in', '--out', 'disk2/o', '--errors', 'e.jsonl', '--jobs', '2', '--resume'],
          setup: async () => undefined,
          recordsIn: 300,
          recordsOut: filesAndErrors('disk2/o'),
          options: {before: async (at: (...parts: string[]) => string) => void spawnSync('mount', ['-o', 'remount,size=64m', at('disk2')])}
        }
      ]
    : []),
  {
    name: 'JSON Lines line over the line limit',
    args: ['clean', 'in.jsonl', '--max-bytes', '1000', '--output', 'o.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('in.jsonl'), `${records(1)}${JSON.stringify({id: 'huge', text: 'x'.repeat(1_000_000)})}\n${records(1, () => ({id: 'after', text: 'After.'}))}`),
    recordsIn: 3,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: 'ids `a b`, `a_b`, `a/b`, 120-char prefixes, --out',
    args: ['clean', 'in.jsonl', '--out', 'o', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('in.jsonl'), ['a b', 'a_b', 'a/b', `${'p'.repeat(120)}1`, `${'p'.repeat(120)}2`].map((id, n) => JSON.stringify({id, text: textPage(n)})).join('\n')),
    recordsIn: 5,
    recordsOut: filesAndErrors('o')
  },
  {
    name: '`page.txt`, `page.html`, `page.htm` in one folder',
    args: ['clean', 'in', '--out', 'o', '--errors', 'e.jsonl'],
    setup: async (at) => {
      await mkdir(at('in'))
      await writeFile(at('in', 'page.txt'), textPage(1))
      await writeFile(at('in', 'page.html'), htmlPage(2))
      await writeFile(at('in', 'page.htm'), htmlPage(3))
    },
    recordsIn: 3,
    recordsOut: filesAndErrors('o')
  },
  {
    name: 'duplicate, null, boolean, object, array and empty ids',
    args: ['clean', 'in.jsonl', '--output', 'o.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('in.jsonl'), ['x', 'x', null, true, {a: 1}, [1], ''].map((id, n) => JSON.stringify({id, text: textPage(n)})).join('\n')),
    recordsIn: 7,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: '… then --resume (nothing left to do)',
    args: ['clean', 'in.jsonl', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--resume'],
    setup: async () => undefined,
    recordsIn: 7,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: '`--ordered --output FILE`, 4,900 records',
    args: ['clean', 'in.jsonl', '--ordered', '--output', 'o.jsonl', '--errors', 'e.jsonl', '--jobs', '2'],
    setup: async (at) => writeFile(at('in.jsonl'), records(4900, (n) => ({id: n, text: n % 7 === 0 ? textPage(n).repeat(30) : textPage(n)}))),
    recordsIn: 4900,
    recordsOut: async (at) => {
      const ids = (await readFile(at('o.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as {id: number}).id)
      const inversions = ids.filter((id, index) => index > 0 && id < (ids[index - 1] as number)).length
      if (inversions > 0) throw new Error(`${inversions} inversions`)
      return ids.length + (await lineCount(at('e.jsonl')))
    }
  },
  {
    name: 'truncated `.warc`',
    args: ['clean', 'crawl.warc', '--output', 'o.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('crawl.warc'), warc(5).slice(0, -200)),
    recordsIn: 5,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: 'truncated `.warc.gz`',
    args: ['clean', 'crawl.warc.gz', '--output', 'o.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('crawl.warc.gz'), gzipSync(warc(5).slice(0, -200))),
    recordsIn: 5,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: 'JSON Lines with a UTF-8 BOM',
    args: ['clean', 'in.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('in.jsonl'), `\uFEFF${records(3)}`),
    recordsIn: 3,
    recordsOut: stdoutAndErrors
  },
  {
    name: 'first line not JSON',
    args: ['clean', 'in.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('in.jsonl'), `not json\n${records(3)}`),
    recordsIn: 4,
    recordsOut: async (at, outcome) => {
      if (!outcome.stdout.startsWith('{')) throw new Error('output is not JSON Lines')
      return stdoutAndErrors(at, outcome)
    }
  },
  {
    name: `unreadable subfolder${isRoot ? ' (run as nobody)' : ''}`,
    args: ['clean', 'in', '--out', 'o', '--errors', 'e.jsonl'],
    setup: async (at) => {
      await mkdir(at('in', 'locked'), {recursive: true})
      await writeTextPages(at('in'), 7)
      await writeFile(at('in', 'locked', 'x.txt'), textPage(8))
      const locked = at('in', 'locked')
      await chmod(locked, 0o000)
      cleanups.push(() => chmod(locked, 0o755))
      await chmod(at(), 0o777)
    },
    recordsIn: 8,
    recordsOut: filesAndErrors('o'),
    ...(isRoot ? {options: {uid: 65_534}} : {})
  },
  {
    name: 'symlink loop',
    args: ['clean', 'in', '--out', 'o', '--errors', 'e.jsonl'],
    setup: async (at) => {
      await mkdir(at('in', 'sub'), {recursive: true})
      await writeFile(at('in', 'a.txt'), textPage(1))
      await writeFile(at('in', 'sub', 'b.txt'), textPage(2))
      await symlink(at('in'), at('in', 'sub', 'loop'))
    },
    recordsIn: 2,
    recordsOut: filesAndErrors('o')
  },
  {
    name: 'kill -9 mid-run, then `--resume` (`--out`)',
    args: ['clean', 'in', '--out', 'o', '--errors', 'e.jsonl', '--jobs', '2', '--resume'],
    setup: async (at) => {
      await mkdir(at('in'))
      await writeTextPages(at('in'), 300)
    },
    recordsIn: 300,
    recordsOut: async (at) => {
      const left = await readdir(at('o', '.dechaff-tmp')).catch(() => [])
      if (left.length > 0) throw new Error('temporary files left')
      return filesAndErrors('o')(at)
    },
    options: {
      before: async (at) => {
        const child = spawn(process.execPath, [cli, 'clean', 'in', '--out', 'o', '--errors', 'e.jsonl', '--jobs', '2', '--quiet'], {cwd: at(), stdio: 'ignore'})
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(seededRandom(16)() * 1000)))
        child.kill('SIGKILL')
        await new Promise((resolve) => child.once('close', resolve))
        // What a write cut by the kill would leave.
        await mkdir(at('o', '.dechaff-tmp', '1'), {recursive: true})
        await writeFile(at('o', '.dechaff-tmp', '1', '.1-0.dechaff.tmp'), 'half a pa')
      }
    }
  },
  ...[
    ['`<div/>` × 100,000', 'divs.html', `<p>${prose[0]}</p>${'<div/>'.repeat(100_000)}`],
    ['`<div></x>` × 20,000', 'divx.html', `<p>${prose[0]}</p>${'<div></x>'.repeat(20_000)}`],
    ['`a.a. ` to 625 KB', 'aa.txt', 'a.a. '.repeat(125_000)],
    ['500,000 `<p>x</p>`', 'ps.html', '<p>x</p>'.repeat(500_000)],
    ['UTF-16 LE with BOM (`.html`)', 'utf16.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(htmlPage(1), 'utf16le')])],
    ['NUL byte after the first 8 KB', 'nul.txt', `${textPage(1)}\n${prose[0]?.repeat(60)}\u0000 The end.`]
  ].map(
    ([name, file, content]): Case => ({
      name: name as string,
      args: ['clean', file as string, '--out', 'o', '--errors', 'e.jsonl', '--jobs', '0'],
      setup: async (at) => writeFile(at(file as string), content as string | Buffer),
      recordsIn: 1,
      recordsOut: async (at) => {
        const outputs = await readdir(at('o')).catch(() => [])
        for (const output of outputs) if ((await readFile(at('o', output), 'utf8')).includes('\u0000')) throw new Error('NUL in output')
        return outputs.length + (await lineCount(at('e.jsonl')))
      }
    })
  ),
  {
    name: 'budget inside a stage: one 7.5 MB line, `--jobs 0 --timeout-ms 2000`',
    args: ['clean', 'words.txt', '--out', 'o', '--errors', 'e.jsonl', '--jobs', '0', '--timeout-ms', '2000'],
    setup: async (at) => writeFile(at('words.txt'), 'word '.repeat(1_500_000)),
    recordsIn: 1,
    recordsOut: filesAndErrors('o')
  },
  // Settling and the metadata step read each block against its neighbours and each byline against the others: linear, or a page of many blocks holds a worker for minutes.
  pageWithoutBudget('a dump of 100,000 one-letter lines', 'lines.txt', () => 'a\n'.repeat(99_999)),
  pageWithoutBudget('a dump of 50,000 dated lines', 'dates.txt', () => 'September 10, 2012 4:45 AM\n'.repeat(50_000)),
  // Work that grows with the square of a run's length inside a library: cut into pieces (the segmenter) or bounded (the JSON-LD repair).
  pageWithoutBudget('a 145,000-character line of Chinese', 'zh.txt', () => '研究人员发现，城市公园里的鸟类数量在过去十年中增加了一倍。'.repeat(5_000)),
  pageWithoutBudget('three broken JSON-LD scripts of 300,000 quotes each', 'ld.html', () => `<html><head>${`<script type="application/ld+json">{"author":{"name":"${'"'.repeat(300_000)}</script>`.repeat(3)}</head><body>${htmlPage(1)}</body></html>`),
  {
    name: 'a 65 MB record between two pages in a `.warc`',
    args: ['clean', 'big.warc', '--output', 'o.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('big.warc'), warcResponse('a', htmlPage(1)) + warcResponse('big', `<html><body>${'<p>filler</p>'.repeat(5_000_000)}</body></html>`) + warcResponse('b', htmlPage(2))),
    recordsIn: 3,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  },
  {
    name: 'runaway page, then the replacement worker’s first page',
    args: ['clean', 'in.jsonl', '--jobs', '1', '--timeout-ms', '500', '--output', 'o.jsonl', '--errors', 'e.jsonl'],
    setup: async (at) => writeFile(at('in.jsonl'), [JSON.stringify({id: 'runaway', text: 'word '.repeat(1_500_000)}), records(3).trim()].join('\n')),
    recordsIn: 4,
    recordsOut: linesOf('o.jsonl', 'e.jsonl')
  }
]

/** A small module each run loads first: it leaves the process's peak RSS in a file as it exits. */
const rssHook = `import {writeFileSync} from 'node:fs'\nprocess.on('exit', () => writeFileSync(process.env.DECHAFF_RSS_FILE, String(process.resourceUsage().maxRSS)))\n`

function runCli(cwd: string, args: string[], hook: string, options: Case['options'] = {}): Promise<Outcome> {
  const rssFile = path.join(cwd, '.rss')
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', hook, cli, ...args], {cwd, env: {...process.env, DECHAFF_RSS_FILE: rssFile}, ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      // `| head -1`: the reader goes away after the first line.
      if (options.closeStdout && stdout.includes('\n')) child.stdout.destroy()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdin.end()
    const hang = setTimeout(() => child.kill('SIGKILL'), hangMs)
    child.on('close', async (code) => {
      clearTimeout(hang)
      const seconds = (performance.now() - started) / 1000
      const rss = await readFile(rssFile, 'utf8').catch(() => undefined)
      if (options.closeStdout) stdout = stdout.slice(0, stdout.indexOf('\n') + 1)
      resolve({code, seconds, maxRssMb: rss === undefined ? undefined : Number(rss) / 1024, stdout, stderr})
    })
  })
}

const base = await mkdtemp(path.join(tmpdir(), 'dechaff-faults-'))
const hook = path.join(base, 'rss-hook.mjs')
await writeFile(hook, rssHook)
await chmod(base, 0o755)
const rows: string[] = ['| case | command | exit | time | peak memory | records in → out | message |', '|---|---|---|---|---|---|---|']
let folder = ''
let number = 0
for (const fault of cases) {
  // A row starting with … runs on in the folder of the row before it.
  if (!fault.name.startsWith('…')) folder = path.join(base, `case-${++number}`)
  const here = folder
  const at = (...parts: string[]): string => path.join(here, ...parts)
  await mkdir(folder, {recursive: true})
  await fault.setup(at)
  await fault.options?.before?.(at)
  const outcome = await runCli(folder, fault.args, hook, fault.options)
  let out: string
  try {
    out = String(await fault.recordsOut(at, outcome))
  } catch (error) {
    out = `FAILED: ${(error as Error).message}`
  }
  const firstError = (await readFile(at('e.jsonl'), 'utf8').catch(() => '')).split('\n')[0]
  const message =
    outcome.stderr.split('\n').find((line) => line.startsWith('dechaff:') && !/pages cleaned/u.test(line)) ??
    (/\n\s+at /u.test(outcome.stderr) ? 'STACK TRACE' : firstError ? `error record: ${(JSON.parse(firstError) as {reason: string}).reason}` : '')
  rows.push(`| ${fault.name} | \`D ${fault.args.join(' ')}\` | ${outcome.code ?? 'killed'} | ${outcome.seconds.toFixed(1)} s | ${outcome.maxRssMb === undefined ? '–' : `${outcome.maxRssMb.toFixed(0)} MB`} | ${fault.recordsIn} → ${out} | ${message.replace(/\|/gu, '\\|').slice(0, 110)} |`)
}
for (const cleanup of cleanups) await cleanup()
await rm(base, {recursive: true, force: true}).catch(() => undefined)
if ((await stat(base).catch(() => undefined)) !== undefined) process.stderr.write(`left ${base}: unmount it by hand\n`)
process.stdout.write(`${rows.join('\n')}\n`)
