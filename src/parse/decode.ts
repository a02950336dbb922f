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
    const label = supported(declared)
    return label ? new TextDecoder(label).decode(bytes) : decodeWindows1252(bytes)
  }
}

/** windows-1252's printable characters in 0x80–0x9F (the rest of the code page is Latin-1). */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Decode windows-1252 by its table: Node's decoder for this label falls back to Latin-1. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192)
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/gu, (char) => windows1252High[char.charCodeAt(0) - 0x80] as string)
  }
  return text
}

function supported(label: string | undefined): string | undefined {
  if (!label) return undefined
  try {
    const encoding = new TextDecoder(label).encoding
    return encoding === 'utf-8' || encoding === 'windows-1252' ? undefined : label
  } catch {
    return undefined
  }
}
