import {mkdir, mkdtemp, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findShards, shardId, shardOutputs} from '../src/queue/shards.js'

async function folderOf(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'dechaff-shards-'))
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), {recursive: true})
    await writeFile(path.join(root, file), text)
  }
  return root
}

describe('finding shards', () => {
  it('takes each shard file of a folder by its path under it, and the page files together as one more', async () => {
    const root = await folderOf({'seg/a.warc.wet.gz': 'x', 'b.jsonl': '{}', 'c.ndjson.gz': 'x', 'pages/p.html': '<p>', 'q.txt': 'q', 'notes.md': 'n'})
    const shards = await findShards([root])
    expect(shards.map((shard) => [path.relative(root, shard.source), shard.pages, shard.name])).toEqual([
      ['b.jsonl', false, 'b'],
      ['c.ndjson.gz', false, 'c'],
      [path.join('seg', 'a.warc.wet.gz'), false, path.join('seg', 'a')],
      ['', true, path.basename(root)]
    ])
    expect(shards.at(-1)?.size).toBe('<p>'.length + 'q'.length)
  })

  it('honours exclude, and names a file given alone by its base name', async () => {
    const root = await folderOf({'keep.jsonl': '{}', 'skip.jsonl': '{}', 'x.html': '<p>'})
    expect((await findShards([root], {exclude: ['skip*', '*.html']})).map((shard) => shard.name)).toEqual(['keep'])
    expect((await findShards([path.join(root, 'skip.jsonl')])).map((shard) => shard.name)).toEqual(['skip'])
  })

  it('refuses two shards that would write the same output', async () => {
    const root = await folderOf({'one/data.jsonl': '{}', 'two/data.jsonl': '{}'})
    await expect(findShards([path.join(root, 'one', 'data.jsonl'), path.join(root, 'two', 'data.jsonl')])).rejects.toThrow(/would both write data\.jsonl/)
  })

  it('gives a shard the same id while its path, size and time stay, and a new one when the file changes', async () => {
    const root = await folderOf({'a.jsonl': '{"id":1}'})
    const file = path.join(root, 'a.jsonl')
    const [first] = await findShards([file])
    const [again] = await findShards([file])
    await utimes(file, new Date(2020, 0, 1), new Date(2020, 0, 1))
    const [touched] = await findShards([file])
    expect(shardId(first!)).toBe(shardId(again!))
    expect(shardId(first!)).toMatch(/^shard-[\da-f]{32}$/)
    expect(shardId(touched!)).not.toBe(shardId(first!))
  })

  it('puts a shard’s output and errors beside each other under out', () => {
    expect(shardOutputs('/data/out', path.join('seg', 'a'))).toEqual({output: path.join('/data/out', 'seg', 'a.jsonl'), errors: path.join('/data/out', 'seg', 'a.errors.jsonl')})
  })
})
