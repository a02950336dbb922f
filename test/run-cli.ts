import {execFile, spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)
const cli = path.resolve('dist/cli/main.js')

/** Run the built CLI; never throws, returns output and exit code. */
export async function dechaff(args: string[], input?: string | Buffer, cwd?: string): Promise<{stdout: string; stderr: string; code: number}> {
  const child = run('node', [cli, ...args], {env: {...process.env, NO_COLOR: '1'}, ...(cwd ? {cwd} : {})})
  child.child.stdin?.end(input ?? '')
  try {
    const {stdout, stderr} = await child
    return {stdout, stderr, code: 0}
  } catch (error) {
    const failure = error as {stdout: string; stderr: string; code: number}
    return {stdout: failure.stdout, stderr: failure.stderr, code: failure.code}
  }
}

/** Start the built CLI with its standard streams open, for tests that feed standard input over time. */
export function startDechaff(args: string[]): ChildProcessWithoutNullStreams {
  return spawn('node', [cli, ...args], {env: {...process.env, NO_COLOR: '1'}})
}
