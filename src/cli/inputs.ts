import {stat} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {asTextPath, pagePatterns} from '../io.js'

/** A page to clean and where its output goes, relative to the output folder. */
export interface InputPage {
  /** Path to read, or `-` for standard input. */
  source: string
  /** Output path relative to `--out`, always ending in `.txt`. */
  relative: string
}


/**
 * Expand the command's operands into pages: files as given, folders walked
 * recursively (output mirrors the folder), `-` or nothing for standard input.
 */
export async function collectPages(operands: string[]): Promise<InputPage[]> {
  if (operands.length === 0) return [{source: '-', relative: 'stdin.txt'}]
  const pages: InputPage[] = []
  for (const operand of operands) {
    if (operand === '-') {
      pages.push({source: '-', relative: 'stdin.txt'})
      continue
    }
    const info = await stat(operand)
    if (info.isDirectory()) {
      const files = await glob(pagePatterns, {cwd: operand, onlyFiles: true, dot: false})
      for (const file of files.sort()) pages.push({source: path.join(operand, file), relative: asTextPath(file)})
    } else {
      pages.push({source: operand, relative: asTextPath(path.basename(operand))})
    }
  }
  return pages
}
