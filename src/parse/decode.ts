import {defaults} from '../thresholds.js'
const utf8 = new TextDecoder('utf-8', {fatal: true})
/** windows-1252's printable characters in 0x80–0x9F (the rest of the code page is Latin-1). */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
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
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
    const declared = metaCharset.exec(head)?.[1]
    const label = supported(declared)
    return label ? new TextDecoder(label).decode(bytes) : decodeWindows1252(bytes)
  }
  return undoubleDecoding(text)
}

/** A character above ASCII that windows-1252 (or Latin-1, for the bytes it leaves undefined) does not write: text holding one was never windows-1252's reading of bytes. */
const beyondWindows1252 = new RegExp(`[^\\u0000-\\u00ff${windows1252High}]`, 'u')
/** A UTF-8 lead byte's character before a continuation byte's: how a double-decoded UTF-8 sequence reads ("Ã©", "â€™"). */
const utf8Sequence = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${windows1252High}]`, 'u')

/**
 * Undo a page's double decoding: a scraper that read UTF-8 as windows-1252
 * and saved the text as UTF-8 again leaves "Ä…" for "ą", "â€™" for "’",
 * "Â " for a no-break space. Text all of whose characters above ASCII
 * windows-1252 writes is written back to those bytes while they are valid
 * UTF-8, once for each time it was done (at most `doubleDecoding.maxLayers`
 * in `data/thresholds.json`). Text written in windows-1252 on purpose
 * ("café", "naïve") is not valid UTF-8 as those bytes, and stays as it is.
 */
export function undoubleDecoding(text: string): string {
  let current = text
  for (let layer = 0; layer < defaults.doubleDecoding.maxLayers; layer++) {
    if (!utf8Sequence.test(current) || beyondWindows1252.test(current)) break
    try {
      current = utf8.decode(windows1252Bytes(current))
    } catch {
      break
    }
  }
  return current
}

/** The bytes windows-1252 reads as the text (each character one byte). */
function windows1252Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    bytes[index] = code <= 0xff ? code : 0x80 + windows1252High.indexOf(text[index] as string)
  }
  return bytes
}

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
