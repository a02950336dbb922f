const utf8 = new TextDecoder('utf-8', {fatal: true})
const metaCharset = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/iu

/**
 * Decode an HTML page's bytes: a byte-order mark wins; then the charset the
 * HTTP `Content-Type` header declared, when the page came with one (a WARC
 * response); then valid UTF-8 (what nearly every page and every scraper's
 * output is, whatever its meta tag says); then the `<meta charset>` of the
 * first kilobyte; then windows-1252, the web's fallback.
 */
export function decodeHtml(bytes: Uint8Array, httpCharset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  // A header that says UTF-8 is checked like any page: invalid bytes mean it was wrong.
  const declared = httpCharset === undefined ? undefined : encodingOf(httpCharset)
  if (declared === 'windows-1252') return decodeWindows1252(bytes)
  if (declared && declared !== 'utf-8') return new TextDecoder(declared).decode(bytes)
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

/** The WHATWG name of an encoding label, or nothing for a label no decoder knows. */
function encodingOf(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return undefined
  }
}

/** A `<meta charset>` label worth a decoder of its own: not UTF-8 (already tried) nor windows-1252 (the fallback). */
function supported(label: string | undefined): string | undefined {
  const encoding = label === undefined ? undefined : encodingOf(label)
  return encoding === undefined || encoding === 'utf-8' || encoding === 'windows-1252' ? undefined : encoding
}
