import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'

const run = promisify(execFile)

describe('the packed package', () => {
  it('ships a LICENSE and the built code, with no source maps, bench code or unused dependencies', async () => {
    const {stdout} = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'])
    const files = (JSON.parse(stdout) as Array<{files: Array<{path: string}>}>)[0]?.files.map((file) => file.path) ?? []
    expect(files).toContain('LICENSE')
    expect(files).toContain('dist/cli/main.js')
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    expect(files.filter((file) => file.startsWith('dist/bench/'))).toEqual([])
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {dependencies: Record<string, string>}
    const shipped = await Promise.all(files.filter((file) => file.endsWith('.js')).map((file) => readFile(file, 'utf8')))
    const unused = Object.keys(manifest.dependencies).filter((name) => !shipped.some((code) => code.includes(`'${name}'`) || code.includes(`'${name}/`) || code.includes(`"${name}"`)))
    expect(unused).toEqual([])
  })

  it('exports every type the README\'s plugin example needs: it type-checks under strict', async () => {
    const readme = await readFile('README.md', 'utf8')
    const example = /```ts\n([^`]*removeShouting[^`]*)```/u.exec(readme)?.[1]
    expect(example).toBeDefined()
    // Inside the package, so `from 'dechaff'` resolves to this package's own exports (the built types).
    const folder = await mkdtemp(path.resolve('.typecheck-'))
    try {
      await writeFile(path.join(folder, 'example.ts'), example as string)
      const outcome = await run('npx', ['tsc', '--noEmit', '--strict', '--skipLibCheck', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', path.join(folder, 'example.ts')]).catch((error: {stdout: string}) => error)
      expect(outcome.stdout).toBe('')
    } finally {
      await rm(folder, {recursive: true, force: true})
    }
  }, 120_000)
})
