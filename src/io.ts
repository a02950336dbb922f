import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

let temporaries = 0

/**
 * Write through a temporary file and a rename, so a reader never sees half a
 * file. The temporary file is made beside the file, or in `temporaryFolder`
 * (on the same file system), where a killed writer's leftovers are easy to
 * find; its name is short, whatever the length of the file's.
 */
export async function writeAtomically(file: string, text: string, temporaryFolder = path.dirname(file)): Promise<void> {
  // Absolute paths: Node's recursive mkdir of a relative path spins forever once the working folder is deleted; resolving then throws instead.
  await mkdir(path.dirname(path.resolve(file)), {recursive: true})
  await mkdir(path.resolve(temporaryFolder), {recursive: true})
  const temporary = path.join(temporaryFolder, `.${process.pid}-${temporaries++}.dechaff.tmp`)
  try {
    await writeFile(temporary, text)
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/** Page files dechaff reads from folders. */
export const pagePatterns = ['**/*.txt', '**/*.text', '**/*.html', '**/*.htm', '**/*.xhtml']

/** Where a page's text output goes: same relative path and stem, `.txt` (`a/b.html` → `a/b.txt`). */
export function asTextPath(file: string): string {
  const extension = path.extname(file)
  return `${extension ? file.slice(0, -extension.length) : file}.txt`
}

/** File extension of a page written in each output format (`--out` files, golden files). */
export const formatExtensions = {text: '.txt', markdown: '.md', html: '.html', json: '.json'} as const
