import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {prose} from './helpers.js'

const page = `<html><head><title>Installing Quill | Docs</title></head><body>
<nav><a href="/">Home</a> <a href="/docs">Docs</a> <a href="/blog">Blog</a></nav>
<main><article><h1>Installing Quill</h1>
<p>Quill runs on <strong>Linux</strong> and <em>macOS</em>; read <a href="https://example.org/notes">the release notes</a> before you start, because the installer changed in this version and some of the folders it writes have moved.</p>
<h2>Steps</h2>
<ol start="3"><li>Download the archive.<ul><li>Check its checksum.</li><li>Unpack it.</li></ul></li><li>Run the installer:</li></ol>
<pre><code class="language-bash">tar xf quill.tar.gz
cd quill
  ./install --prefix=/usr/local
</code></pre>
<h3>Supported systems</h3>
<table><thead><tr><th>System</th><th>Version</th></tr></thead><tbody><tr><td>Linux</td><td>2.1</td></tr><tr><td>macOS</td><td>2.0</td></tr></tbody></table>
<blockquote><p>The installer needs root on every system, so run it with sudo or as an administrator.</p></blockquote>
<p><img src="/layout.png" alt="Folders after installing">The picture shows the folders once installed, with every folder the installer creates and what each of them is for.</p>
</article></main><footer>© 2026 Quill. All rights reserved.</footer></body></html>`

describe('markdown output', () => {
  const markdown = clean(page, {format: 'markdown'}).output

  it('keeps heading levels', () => {
    expect(markdown).toMatch(/^# Installing Quill\n/)
    expect(markdown).toContain('\n## Steps\n')
    expect(markdown).toContain('\n### Supported systems\n')
  })

  it('keeps ordered lists with their start, and nested lists', () => {
    expect(markdown).toMatch(/\n3\. Download the archive\.\n+ {3}- Check its checksum\.\n {3}- Unpack it\.\n+4\. Run the installer:\n/)
  })

  it('writes fenced code with its language and its line breaks', () => {
    expect(markdown).toContain('```bash\ntar xf quill.tar.gz\ncd quill\n  ./install --prefix=/usr/local\n```')
  })

  it('writes tables, quotes and emphasis', () => {
    expect(markdown).toContain('| System | Version |\n| - | - |\n| Linux | 2.1 |\n| macOS | 2.0 |')
    expect(markdown).toContain('> The installer needs root')
    expect(markdown).toContain('Quill runs on **Linux** and *macOS*')
  })

  it('drops the furniture around the article', () => {
    expect(markdown).not.toContain('Home')
    expect(markdown).not.toContain('All rights reserved')
  })

  it('keeps links and images only when asked', () => {
    expect(markdown).toContain('read the release notes before')
    expect(markdown).not.toContain('![')
    const linked = clean(page, {format: 'markdown', links: true, images: true}).output
    expect(linked).toContain('read [the release notes](https://example.org/notes) before')
    expect(linked).toContain('![Folders after installing](/layout.png)')
  })

  it('writes the <title> headline as the title when the page has no <h1>', () => {
    const output = clean(`<html><head><title>Seed swaps return | Village News</title></head><body><p>${prose[0]}</p><p>${prose[1]}</p></body></html>`, {format: 'markdown'}).output
    expect(output).toMatch(/^# Seed swaps return\n\n/)
  })

  it('writes a text dump’s kept blocks as headings, lists and paragraphs', () => {
    const dump = ['Mending a Jumper', '', prose[0], '', '1. Find the hole.', '2. Darn it.', '', prose[1]].join('\n')
    const output = clean(dump, {format: 'markdown'}).output
    expect(output).toBe(`# Mending a Jumper\n\n${prose[0]}\n\n1. Find the hole.\n2. Darn it.\n\n${prose[1]}\n`)
  })
})

describe('html output', () => {
  it('writes the kept elements with only the attributes that carry content', () => {
    const html = clean(page, {format: 'html', links: true}).output
    expect(html).toContain('<h1>Installing Quill</h1>')
    expect(html).toContain('<a href="https://example.org/notes">the release notes</a>')
    expect(html).toContain('<code class="language-bash">tar xf quill.tar.gz\ncd quill\n  ./install --prefix=/usr/local\n</code>')
    expect(html).toContain('<ol start="3">')
    expect(html).not.toMatch(/<nav|<footer|<html|<body|<title/)
  })

  it('writes a text dump as headings, lists and paragraphs', () => {
    const html = clean(['Mending a Jumper', '', prose[0]].join('\n'), {format: 'html'}).output
    expect(html).toBe(`<h1>Mending a Jumper</h1>\n<p>${prose[0]}</p>\n`)
  })
})

describe('text output', () => {
  it('keeps the line breaks of <pre> and gives the plain text beside a structured output', () => {
    const result = clean(page, {format: 'markdown'})
    expect(result.text).toContain('tar xf quill.tar.gz\ncd quill\n  ./install --prefix=/usr/local\n')
    expect(result.text).not.toContain('```')
    expect(clean(page).output).toBe(clean(page).text)
  })

  it('keeps the indentation of a text dump’s code lines, not of stray spaces', () => {
    const dump = [prose[0], '', '    pip install --upgrade quill', ' ' + prose[1]].join('\n')
    expect(clean(dump).text).toBe(`${prose[0]}\n\n    pip install --upgrade quill\n${prose[1]}\n`)
  })
})
