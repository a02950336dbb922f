import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {warmUpPages} from '../src/batch/warm-up.js'
import {probeImport} from '../src/bench/import-probe.js'

// The built entry a user imports, in a fresh process, so the test runner's own modules do not count.
const entry = path.resolve('dist/index.js')

describe('what importing dechaff loads', () => {
  it('cleans a text page and an HTML page without loading jsdom', async () => {
    expect(await probeImport(entry, [warmUpPages.text, warmUpPages.html])).toMatchObject({jsdomLoaded: false})
  })

  it("loads jsdom for parser: 'jsdom', so the probe does see it when it is there", async () => {
    expect(await probeImport(entry, [warmUpPages.html], {input: 'html', parser: 'jsdom'})).toMatchObject({jsdomLoaded: true})
  })
})
