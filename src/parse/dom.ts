import {createRequire} from 'node:module'
import type {Root as HastRoot} from 'hast'
import {fromDom} from 'hast-util-from-dom'

type Jsdom = typeof import('jsdom')

let domParser: DOMParser | undefined

/**
 * Parse HTML into a browser DOM with jsdom, then into hast. jsdom is loaded
 * here, on first use, so that text cleaning and the parse5 path never pay
 * for it; one shared window's `DOMParser` serves every page. Scripts never run.
 */
export function parseWithJsdom(html: string): HastRoot {
  if (!domParser) {
    const {JSDOM} = createRequire(import.meta.url)('jsdom') as Jsdom
    domParser = new new JSDOM('').window.DOMParser()
  }
  const document = domParser.parseFromString(html, 'text/html')
  const tree = hastOfDocument(document)
  // jsdom registers every element with an id as a named property of the parser's window until it is detached.
  document.documentElement?.remove()
  return tree
}

/** A DOM `Document` (from jsdom, a browser or linkedom) as hast. */
export function hastOfDocument(document: Document): HastRoot {
  return fromDom(document as unknown as Parameters<typeof fromDom>[0]) as HastRoot
}
