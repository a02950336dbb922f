import {readFile} from 'node:fs/promises'
import path from 'node:path'

/** One page's row of a benchmark set's `MANIFEST.tsv`, by column name. */
export type ManifestRow = Partial<Record<string, string>>

/** The rows of a set's `MANIFEST.tsv`: tab-separated, its first line naming the columns (`id`, `page_type`, `domain`, `site`, `language`, `url`…). */
export async function readManifest(directory: string): Promise<ManifestRow[]> {
  const [header = [], ...rows] = (await readFile(path.join(directory, 'MANIFEST.tsv'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])))
}

/** A set's page ids, one per line of its `ids.txt`. */
export async function readIds(directory: string): Promise<string[]> {
  return (await readFile(path.join(directory, 'ids.txt'), 'utf8'))
    .split('\n')
    .map((id) => id.trim())
    .filter(Boolean)
}
