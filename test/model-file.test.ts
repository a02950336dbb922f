import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {saveModel} from '../src/bench/model-file.js'

describe('a trainer saving its model', () => {
  let directory = ''
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'dechaff-model-'))
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
  })
  afterEach(async () => {
    process.exitCode = undefined
    vi.restoreAllMocks()
    await rm(directory, {recursive: true, force: true})
  })

  it('writes the fitted model', async () => {
    const file = path.join(directory, 'model.json')
    await saveModel(file, '{"weights":[1]}\n', false, 'train', 'model fitted on all 3 pages')
    expect(await readFile(file, 'utf8')).toBe('{"weights":[1]}\n')
    expect(process.exitCode).toBeUndefined()
    expect(console.log).toHaveBeenCalledWith(`model fitted on all 3 pages written to ${file}`)
  })

  it('with check, leaves the file alone and passes when the fit is the shipped model', async () => {
    const file = path.join(directory, 'model.json')
    await writeFile(file, '{"weights":[1]}\n')
    await saveModel(file, '{"weights":[1]}\n', true, 'train', 'model')
    expect(process.exitCode).toBeUndefined()
    expect(console.log).toHaveBeenCalledWith(`${file} is what this build fits`)
  })

  it('with check, fails and names the refit, with this run\'s options, when the shipped model is not what this build fits', async () => {
    const file = path.join(directory, 'model.json')
    await writeFile(file, '{"weights":[1]}\n')
    vi.spyOn(process, 'argv', 'get').mockReturnValue(['node', 'train-page-type.js', '--folds', '0', '--check'])
    await saveModel(file, '{"weights":[2]}\n', true, 'train:page-type', 'model')
    expect(await readFile(file, 'utf8')).toBe('{"weights":[1]}\n')
    expect(process.exitCode).toBe(1)
    expect(console.log).toHaveBeenCalledWith(`${file} differs from what this build fits: refit it with \`npm run train:page-type -- --folds 0\``)
  })

  it('with check, fails when there is no shipped model', async () => {
    const file = path.join(directory, 'missing.json')
    await saveModel(file, '{}\n', true, 'train', 'model')
    expect(process.exitCode).toBe(1)
    await expect(readFile(file, 'utf8')).rejects.toThrow()
  })
})
