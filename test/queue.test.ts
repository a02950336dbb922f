import {spawn, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {createQueue, type QueueStatus} from '../src/queue/index.js'
import {prose} from './helpers.js'
import {startRedis, type TestRedis} from '../src/bench/redis-server.js'
import {dechaff} from './run-cli.js'

// Real redis-server and real worker processes: slow by nature, so generous limits; nothing here times a result.
const slow = 240_000
const cli = path.resolve('dist/cli/main.js')
/** A killed worker's shard is handed on after about this long. */
const lockMs = '2000'
const maxBytes = '20000'

let redis: TestRedis
let root: string
const children = new Set<ChildProcess>()

beforeAll(async () => {
  redis = await startRedis()
  root = await mkdtemp(path.join(tmpdir(), 'dechaff-queue-'))
})
afterEach(() => {
  for (const child of children) child.kill('SIGKILL')
  children.clear()
})
afterAll(async () => {
  await redis?.stop()
})

const at = (...parts: string[]): string => path.join(root, ...parts)

/** Record `index` of shard `shard`: text and HTML pages, and now and then a hostile line, deterministic (no time limits involved). */
function recordLine(shard: number, index: number): string {
  const id = `s${shard}-r${index}`
  const hostile: Record<number, string> = {
    3: 'not JSON at all {',
    17: '[1, 2, 3]',
    29: JSON.stringify({id, title: 'a record with neither text nor html'}),
    41: JSON.stringify({id, text: 'word '.repeat(6000)}),
    53: JSON.stringify({id, text: '\u0000\u0001\ufffd\ud800 binary-looking \u0007'}),
    67: JSON.stringify({id, html: `${'<div>'.repeat(3000)}deep${'</div>'.repeat(3000)}`}),
    71: JSON.stringify({id, text: ''})
  }
  if (shard % 5 === 2 && hostile[index] !== undefined) return hostile[index]
  const title = `Story ${shard}.${index}`
  return index % 2 === 0
    ? JSON.stringify({id, lang: 'en', text: ['Skip to main content', title, ...prose, 'Leave a Reply'].join('\n')})
    : JSON.stringify({id, html: `<html><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`})
}

/** Write `count` shards of `records` records each into `folder`; the ids every one of them must account for. */
async function writeShards(folder: string, count: number, records: number): Promise<string[]> {
  await mkdir(folder, {recursive: true})
  const ids: string[] = []
  for (let shard = 0; shard < count; shard++) {
    const file = `shard-${String(shard).padStart(2, '0')}.jsonl`
    const lines = Array.from({length: records}, (_, index) => recordLine(shard, index))
    await writeFile(path.join(folder, file), `${lines.join('\n')}\n`)
    lines.forEach((line, index) => {
      let id = `${file}:${index + 1}`
      try {
        const value = JSON.parse(line) as {id?: string}
        if (value.id) id = value.id
      } catch {
        // Not JSON: its id is the file and line.
      }
      ids.push(id)
    })
  }
  return ids.sort()
}

/** `dechaff queue ACTION ...` on the named queue of the test's Redis. */
function queueCommand(name: string, action: string, ...args: string[]): ReturnType<typeof dechaff> {
  return dechaff(['queue', action, ...args, '--redis', redis.url, '--name', name])
}

/** Shards written under a folder named after the queue, and added to it; the ids they hold and what `queue add` said. */
async function addShards(name: string, count: number, records: number, ...args: string[]): Promise<{shards: string; out: string; expected: string[]; added: Awaited<ReturnType<typeof dechaff>>}> {
  const shards = at(name, 'shards')
  const out = at(name, 'out')
  const expected = await writeShards(shards, count, records)
  const added = await queueCommand(name, 'add', shards, '--out', out, ...args)
  return {shards, out, expected, added}
}

/** A `dechaff worker` process; its stderr log as it grows. */
function workerProcess(name: string, extra: string[] = []): {child: ChildProcess; log: () => string; waitFor: (pattern: RegExp) => Promise<RegExpExecArray>} {
  const child = spawn('node', [cli, 'worker', '--redis', redis.url, '--name', name, '--jobs', '1', '--lock-ms', lockMs, ...extra], {stdio: ['ignore', 'ignore', 'pipe']})
  children.add(child)
  let log = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(log)
      if (match) return match
      if (child.exitCode !== null) throw new Error(`worker exited before ${pattern}:\n${log}`)
      await sleep(50)
    }
  }
  return {child, log: () => log, waitFor}
}

async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const [code] = (await once(child, 'exit')) as [number | null]
  children.delete(child)
  return code
}

/** Poll the queue until `done` says so. */
async function waitForStatus(name: string, done: (status: QueueStatus) => boolean): Promise<QueueStatus> {
  for (;;) {
    const queue = await createQueue({redis: redis.url, name})
    try {
      const status = await queue.status()
      if (done(status)) return status
    } finally {
      await queue.close()
    }
    await sleep(250)
  }
}

/** Ids of every line of the shards' outputs and error files under `out`. */
async function idsIn(out: string): Promise<string[]> {
  const ids: string[] = []
  for (const file of (await readdir(out)).filter((name) => name.endsWith('.jsonl'))) {
    for (const line of (await readFile(path.join(out, file), 'utf8')).split('\n').filter(Boolean)) ids.push((JSON.parse(line) as {id: string}).id)
  }
  return ids.sort()
}

/** The shards' outputs, or error files, concatenated in shard order. */
async function concatenated(out: string, errors: boolean): Promise<string> {
  const files = (await readdir(out)).filter((name) => name.endsWith('.jsonl') && name.endsWith('.errors.jsonl') === errors).sort()
  return (await Promise.all(files.map((file) => readFile(path.join(out, file), 'utf8')))).join('')
}

describe('shard queue on Redis', () => {
  it(
    'three worker processes, one killed mid-shard, account for every record once, byte for byte as one `dechaff clean`',
    async () => {
      const {shards, out, expected, added} = await addShards('kill', 30, 200, '--max-bytes', maxBytes)
      expect(added.stderr).toContain('queued 30 of 30 shards')

      const victim = workerProcess('kill')
      const others = [workerProcess('kill'), workerProcess('kill')]
      // The victim's first shard is under way (its threads are still warming up): kill it there.
      const [, victimShard] = await victim.waitFor(/: (\S+\.jsonl): started\n/u)
      await sleep(300)
      victim.child.kill('SIGKILL')
      await exited(victim.child)
      expect(victim.log()).not.toContain(`${victimShard}: 200 pages`)

      const status = await waitForStatus('kill', (current) => current.counts.completed === 30)
      expect(status.counts).toEqual({waiting: 0, active: 0, completed: 30, failed: 0, delayed: 0})
      // Another worker found the shard stalled and cleaned it from the start.
      expect(others.map((worker) => worker.log()).join('')).toContain(`${victimShard}: started (attempt 2)`)
      for (const worker of others) worker.child.kill('SIGTERM')
      expect(await Promise.all(others.map((worker) => exited(worker.child)))).toEqual([0, 0])

      expect(await idsIn(out)).toEqual(expected)
      const reference = await dechaff(['clean', shards, '--output', at('kill', 'one.jsonl'), '--errors', at('kill', 'one.errors.jsonl'), '--ordered', '--no-timings', '--quiet', '--max-bytes', maxBytes])
      expect(reference.code).toBe(0)
      expect(await concatenated(out, false)).toBe(await readFile(at('kill', 'one.jsonl'), 'utf8'))
      const sortedLines = (text: string): string[] => text.split('\n').filter(Boolean).sort()
      expect(sortedLines(await concatenated(out, true))).toEqual(sortedLines(await readFile(at('kill', 'one.errors.jsonl'), 'utf8')))
      expect(status.pages + status.errors).toBeGreaterThanOrEqual(expected.length)

      const again = await queueCommand('kill', 'add', shards, '--out', out)
      expect(again.stderr).toContain('queued 0 of 30 shards (30 were queued before)')
      const json = await queueCommand('kill', 'status', '--json')
      expect(JSON.parse(json.stdout)).toMatchObject({counts: {waiting: 0, active: 0, completed: 30, failed: 0}})
    },
    slow
  )

  it(
    'a missing shard fails with a clear error after its attempts, the others are cleaned, and `queue retry` takes it again',
    async () => {
      const {shards, out, added} = await addShards('missing', 4, 20, '--attempts', '2', '--backoff-ms', '100')
      expect(added.code).toBe(0)
      const gone = path.join(shards, 'shard-01.jsonl')
      const kept = await readFile(gone)
      await rm(gone)

      const first = workerProcess('missing', ['--until-empty'])
      expect(await exited(first.child)).toBe(0)
      const status = await waitForStatus('missing', () => true)
      expect(status.counts).toMatchObject({completed: 3, failed: 1, waiting: 0, active: 0})
      expect(status.failed).toEqual([{source: gone, reason: `shard ${gone} cannot be read: ENOENT`, attempts: 2}])
      expect(first.log()).toContain(`${gone}: failed: shard ${gone} cannot be read: ENOENT`)
      expect((await readdir(out)).sort()).toEqual(['shard-00.errors.jsonl', 'shard-00.jsonl', 'shard-02.errors.jsonl', 'shard-02.jsonl', 'shard-03.errors.jsonl', 'shard-03.jsonl'])

      await writeFile(gone, kept)
      const retried = await queueCommand('missing', 'retry')
      expect(retried.stderr).toContain('1 failed shards moved back to waiting')
      const second = workerProcess('missing', ['--until-empty'])
      expect(await exited(second.child)).toBe(0)
      expect((await waitForStatus('missing', () => true)).counts).toMatchObject({completed: 4, failed: 0})
      expect((await readFile(path.join(out, 'shard-01.jsonl'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(20)
    },
    slow
  )

  it(
    'Redis stopped and started mid-run costs time, not records',
    async () => {
      const {out, expected} = await addShards('restart', 10, 150, '--max-bytes', maxBytes)
      const worker = workerProcess('restart', ['--jobs', '2'])
      await waitForStatus('restart', (status) => status.counts.completed >= 2)
      await redis.stop()
      await sleep(1500)
      await redis.start()
      const status = await waitForStatus('restart', (current) => current.counts.completed === 10)
      expect(status.counts).toMatchObject({completed: 10, failed: 0})
      expect(worker.log()).toContain('queue connection:')
      worker.child.kill('SIGTERM')
      expect(await exited(worker.child)).toBe(0)
      expect(await idsIn(out)).toEqual(expected)
    },
    slow
  )
})
