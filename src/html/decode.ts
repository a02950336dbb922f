const utf8 = new TextDecoder('utf-8', {fatal: true})
const metaCharset = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/iu

/**
 * Decode an HTML page's bytes: a byte-order mark wins; then valid UTF-8 (what
 * nearly every page and every scraper's output is, whatever its meta tag
 * says); then the `<meta charset>` of the first kilobyte; then windows-1252,
 * the web's fallback.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return utf8.decode(bytes)
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
    const declared = metaCharset.exec(head)?.[1]
    return new TextDecoder(supported(declared) ?? 'windows-1252').decode(bytes)
  }
}

function supported(label: string | undefined): string | undefined {
  if (!label) return undefined
  try {
    return new TextDecoder(label).encoding === 'utf-8' ? undefined : label
  } catch {
    return undefined
  }
}
