import {readFile, writeFile} from 'node:fs/promises'

/**
 * Write a fitted model to its data file and say so (`fitted`: what it was
 * fitted on), or with `check` only compare it with the file there: a shipped
 * model must be what its trainer fits from today's pipeline, or a change to a
 * parser or a classifier has left it reading evidence it was not fitted on. A
 * mismatch sets the exit code to 1.
 */
export async function saveModel(file: string, text: string, check: boolean, script: string, fitted: string): Promise<void> {
  if (!check) {
    await writeFile(file, text)
    console.log(`${fitted} written to ${file}`)
    return
  }
  const shipped = await readFile(file, 'utf8').catch(() => undefined)
  if (shipped === text) {
    console.log(`${file} is what this build fits`)
    return
  }
  console.log(`${file} ${shipped === undefined ? 'is missing' : 'differs from what this build fits'}: refit it with \`${refitCommand(script)}\``)
  process.exitCode = 1
}

/** The command that refits the model as this run was asked to fit it: the npm script and this run's own options, but `--check`. */
function refitCommand(script: string): string {
  const options = process.argv.slice(2).filter((argument) => argument !== '--check')
  return `npm run ${script}${options.length > 0 ? ` -- ${options.join(' ')}` : ''}`
}
