import {describe, expect, it} from 'vitest'
import {clean, type PageType} from '../src/index.js'

const description =
  'The Tern is a folding stool made from ash and waxed canvas. It opens with one pull, holds up to 120 kg, and folds flat enough to slide behind a car seat or hang on a hook in the shed.'

/** A shop's product page whose JSON-LD states the description; `shown` puts it in the page's markup too. */
function productPage(options: {shown?: boolean; products?: number} = {}): string {
  const products = Array.from({length: options.products ?? 1}, (_, index) => ({'@type': 'Product', name: `Tern stool ${index + 1}`, description: index === 0 ? description : `${description} Variant ${index + 1}.`}))
  const jsonLd = JSON.stringify({'@context': 'https://schema.org', '@graph': products})
  return `<html><head><title>Tern Folding Stool | Example Workshop</title><script type="application/ld+json">${jsonLd}</script></head><body>
    <nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/cart">Basket</a></nav>
    <main><h1>Tern Folding Stool</h1><p class="price">£64.00</p>
    <div class="description">${options.shown ? `<p>${description}</p>` : ''}</div>
    <ul class="features"><li>Oiled ash legs and a waxed canvas seat</li><li>Folds to 4 cm thick</li></ul>
    <button>Add to basket</button></main>
    <footer><p>© 2026 Example Workshop. All rights reserved.</p></footer></body></html>`
}

function cleaned(html: string, pageType: PageType) {
  return clean(html, {input: 'html', pageType, model: false})
}

describe('product-description', () => {
  it('shows a description the page states only in its JSON-LD on a product page, after the product’s name', () => {
    const result = cleaned(productPage(), 'product')
    expect(result.text).toContain(description)
    expect(result.text.indexOf('Tern Folding Stool')).toBeLessThan(result.text.indexOf(description))
    expect(result.blocks.find((block) => block.text === description)?.ruleId).toBe('product-description')
  })

  it('keeps the shown description’s blocks on a product page, and adds no copy of it', () => {
    const result = cleaned(productPage({shown: true}), 'product')
    expect(result.text.split(description).length).toBe(2)
    expect(result.blocks.find((block) => block.text === description)?.kept).toBe(true)
  })

  it('leaves the JSON-LD description out of pages of other types', () => {
    const result = cleaned(productPage(), 'article')
    expect(result.text).not.toContain('folding stool made from ash')
    expect(result.blocks.find((block) => block.text === description)?.ruleId).toBe('product-description')
  })

  it('adds nothing when the JSON-LD states several products (a listing’s items)', () => {
    const result = cleaned(productPage({products: 3}), 'product')
    expect(result.text).not.toContain('folding stool made from ash')
  })

  it('writes the added description in Markdown too', () => {
    const markdown = clean(productPage(), {input: 'html', pageType: 'product', format: 'markdown'}).output
    expect(markdown).toContain('# Tern Folding Stool')
    expect(markdown).toContain(description)
  })
})
