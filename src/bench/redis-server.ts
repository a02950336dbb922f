import {spawn, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {mkdtemp} from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** A real `redis-server` of our own (for the queue tests and bench) on a free loopback port, persisting to a folder of its own so a restart keeps the queue. */
export interface TestRedis {
  url: string
  port: number
  /** Stop the server (it writes its data first); `start` brings it back on the same port with the same data. */
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  const directory = await mkdtemp(path.join(tmpdir(), 'dechaff-redis-'))
  let child: ChildProcess | undefined
  const start = async (): Promise<void> => {
    // Append-only with a write every second, and a final one on SIGTERM: a stopped server comes back with its jobs.
    const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', directory, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'], {stdio: ['ignore', 'pipe', 'pipe']})
    child = server
    let log = ''
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString()
        if (log.includes('Ready to accept connections')) resolve()
      })
      server.on('error', (error) => reject(new Error(`cannot start redis-server (is it installed? .ci/run installs it): ${error.message}`)))
      server.on('exit', (code) => reject(new Error(`redis-server exited with code ${code}:\n${log}`)))
    })
  }
  const stop = async (): Promise<void> => {
    const server = child
    child = undefined
    if (!server || server.exitCode !== null) return
    const exited = once(server, 'exit')
    server.kill('SIGTERM')
    await exited
  }
  await start()
  return {url: `redis://127.0.0.1:${port}`, port, stop, start}
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}
