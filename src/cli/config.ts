import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {DechaffConfigError, validateOptions, type CleanOptions} from '../options.js'

/** Where options came from, for messages. */
export interface LoadedConfig {
  options: CleanOptions
  /** The file the options were read from, if any. */
  source?: string
}

/**
 * The configuration for a run: `--config FILE` when given, else the nearest
 * `dechaff.config.json`, or `dechaff` field of a package.json, walking up
 * from `start`. Validated; a bad key or value throws `DechaffConfigError`.
 */
export async function loadConfig(start: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit) return {options: validateOptions(await readJson(explicit), explicit), source: explicit}
  for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
    const configFile = path.join(directory, 'dechaff.config.json')
    const config = await readJsonIfPresent(configFile)
    if (config !== undefined) return {options: validateOptions(config, configFile), source: configFile}
    const packageFile = path.join(directory, 'package.json')
    const manifest = await readJsonIfPresent(packageFile)
    if (manifest && typeof manifest === 'object' && 'dechaff' in manifest) {
      return {options: validateOptions((manifest as {dechaff: unknown}).dechaff, `${packageFile} (dechaff)`), source: packageFile}
    }
    if (path.dirname(directory) === directory) return {options: {}}
  }
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8')
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new DechaffConfigError(`${file}: not valid JSON (${(error as Error).message})`)
  }
}

async function readJsonIfPresent(file: string): Promise<unknown> {
  try {
    return await readJson(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined
    throw error
  }
}
