import {once} from 'node:events'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {prose} from './helpers.js'
import {dechaff, startDechaff} from './run-cli.js'

const lines = (text: string): Array<Record<string, unknown>> => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
const record = (id: string): string => `${JSON.stringify({id, text: ['Skip to main content', ...prose].join('\n')})}\n`

describe('standard input', () => {
  it('is cleaned record by record as it arrives: the README\'s pipe() stage answers before its producer is done', async () => {
    const child = startDechaff(['clean', '--quiet', '--jobs', '1', '--errors', '/dev/stderr'])
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const exited = once(child, 'exit')
    child.stdin.write(record('a1') + record('a2'))
    // The producer is still running (stdin open): the first records must come out all the same.
    const deadline = Date.now() + 60_000
    while (lines(stdout).length < 2 && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(lines(stdout).map((out) => out.id)).toEqual(['a1', 'a2'])
    expect(child.stdin.writableEnded).toBe(false)
    child.stdin.end(record('b1'))
    const [code] = await exited
    expect(code).toBe(0)
    expect(lines(stdout).map((out) => out.id)).toEqual(['a1', 'a2', 'b1'])
    expect(lines(stdout)[0]?.text).toBe(`${prose.join('\n')}\n`)
  }, 90_000)

  it('recognises gzip by its magic bytes, then JSON Lines or WARC inside it', async () => {
    const jsonl = await dechaff(['clean', '--quiet', '--ordered'], gzipSync(record('z1') + record('z2')))
    expect(jsonl.code).toBe(0)
    expect(lines(jsonl.stdout).map((out) => out.id)).toEqual(['z1', 'z2'])
    const body = `<html><body><article><h1>Gzipped</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
    const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${body}`
    const warc = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://example.com/g\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n${block}\r\n\r\n`
    const fromWarc = await dechaff(['clean', '--quiet'], gzipSync(warc))
    expect(lines(fromWarc.stdout).map((out) => [out.uri, (out.text as string).split('\n')[0]])).toEqual([['http://example.com/g', 'Gzipped']])
    const page = await dechaff(['clean', '--quiet'], gzipSync(['Skip to main content', ...prose].join('\n')))
    expect(page.stdout).toBe(`${prose.join('\n')}\n`)
  })

  it('takes a text page opening with braces for a page, and JSON Lines opening with an array for JSON Lines', async () => {
    const wiki = ['{{Infobox settlement', '| name = Amberley', '}}', ...prose].join('\n')
    const page = await dechaff(['clean', '--quiet'], wiki)
    expect(page.code).toBe(0)
    expect(page.stdout).toContain(prose[0])
    const records = await dechaff(['clean', '--quiet', '--ordered', '--errors', '/dev/stderr'], `["x"]\n${record('r1')}${record('r2')}`)
    expect(lines(records.stdout).map((out) => out.id)).toEqual(['r1', 'r2'])
    expect(lines(records.stderr)).toEqual([{id: 'stdin:1', reason: 'line 1 is not a JSON object'}])
  })

  it('is one page of the kind --input names, whatever it looks like', async () => {
    const input = record('r1') + record('r2')
    const {stdout, code} = await dechaff(['clean', '--quiet', '--input', 'text'], input)
    expect(code).toBe(0)
    expect(stdout).toContain('"id":"r1"')
    expect(stdout).toContain('"id":"r2"')
    expect(stdout).not.toContain('"removed"')
  })
})
