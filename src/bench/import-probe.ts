import {execFile} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'

/** What a fresh Node process saw when it imported a build of dechaff and cleaned pages with it. */
export interface ImportProbe {
  /** Time `import()` of the entry took, in milliseconds, on the wall clock. */
  importMs: number
  /** The same on the process's CPU clock (user and system, every thread): what the import costs whatever else the machine runs. */
  importCpuMs: number
  /** The process's peak resident memory once the entry is imported, in megabytes. */
  importPeakMb: number
  /** Whether any module of jsdom was loaded by the end. */
  jsdomLoaded: boolean
}

// jsdom is CommonJS: whichever way it is loaded (import, require, createRequire) its files land in the CommonJS cache.
const probeScript = `
import {createRequire} from 'node:module'
const [entry, request] = process.argv.slice(1)
const {pages, options} = JSON.parse(request)
const started = performance.now()
const cpuStarted = process.cpuUsage()
const {createCleaner} = await import(entry)
const importMs = performance.now() - started
const cpu = process.cpuUsage(cpuStarted)
const importCpuMs = (cpu.user + cpu.system) / 1000
const importPeakMb = process.resourceUsage().maxRSS / 1024
const cleaner = createCleaner(options)
for (const page of pages) cleaner(page)
const jsdomLoaded = Object.keys(createRequire(import.meta.url).cache).some((file) => /[\\\\/]node_modules[\\\\/]jsdom[\\\\/]/.test(file))
process.stdout.write(JSON.stringify({importMs, importCpuMs, importPeakMb, jsdomLoaded}))
`

/**
 * Import `entry` (a built `dist/index.js`) in a new Node process, clean
 * `pages` with `createCleaner(options)`, and say how long the import took
 * (wall clock and CPU), how much memory the process held at its peak by then,
 * and whether jsdom was loaded.
 */
export async function probeImport(entry: string, pages: string[], options: Record<string, unknown> = {}): Promise<ImportProbe> {
  const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probeScript, pathToFileURL(entry).href, JSON.stringify({pages, options})], {maxBuffer: 1 << 20})
  return JSON.parse(stdout) as ImportProbe
}
