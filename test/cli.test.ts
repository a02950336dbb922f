import {mkdtemp, mkdir, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {prose} from './helpers.js'
import {dechaff} from './run-cli.js'

const page = ['Skip to main content', 'A headline about the library pilot', ...prose, 'Leave a Reply'].join('\n')

describe('dechaff clean', () => {
  it('cleans standard input to standard output', async () => {
    const {stdout, code} = await dechaff(['clean'], page)
    expect(code).toBe(0)
    expect(stdout).toBe(['A headline about the library pilot', ...prose].join('\n') + '\n')
  })

  it('mirrors a folder into --out, html and txt alike ending in .txt', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dechaff-'))
    await mkdir(path.join(root, 'in/a'), {recursive: true})
    await writeFile(path.join(root, 'in/a/b.txt'), page)
    const {code} = await dechaff(['clean', path.join(root, 'in'), '--out', path.join(root, 'out')])
    expect(code).toBe(0)
    expect(await readFile(path.join(root, 'out/a/b.txt'), 'utf8')).toContain('A headline about the library pilot')
  })

  it('explains each removal with its rule', async () => {
    const {stderr} = await dechaff(['clean', '--explain'], page)
    expect(stderr).toMatch(/skip-link\s+skip link/)
    expect(stderr).toMatch(/comment-form\s+comment form/)
  })

  it('writes --explain lines to stderr, never into the --errors file', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dechaff-'))
    const {stderr} = await dechaff(['clean', '--explain', '--errors', path.join(root, 'errors.jsonl')], page)
    expect(stderr).toMatch(/skip-link\s+skip link/)
    expect(await readFile(path.join(root, 'errors.jsonl'), 'utf8')).toBe('')
  })

  it('fails with a usage message on an unknown command', async () => {
    const {stderr, code} = await dechaff(['scrub'])
    expect(code).toBe(2)
    expect(stderr).toContain('unknown command')
  })
})
