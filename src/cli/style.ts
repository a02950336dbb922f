import {styleText} from 'node:util'

type Style = Parameters<typeof styleText>[0]

/** Colour for a terminal; plain text when piped or when NO_COLOR is set. */
export function painter(stream: NodeJS.WriteStream): (style: Style, text: string) => string {
  const colour = stream.isTTY === true && !process.env.NO_COLOR
  return (style, text) => (colour ? styleText(style, text) : text)
}
