import {mkdir, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** Write through a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, file)
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
