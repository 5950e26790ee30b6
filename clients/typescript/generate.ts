/**
 * `npm run generate:client`: writes the TypeScript types of the API (clients/typescript/api.ts)
 * from the document the server serves, with openapi-typescript. The committed file is checked
 * against a fresh generation by test/openapi-contract.test.ts, so a route change that is not
 * regenerated fails the tests, and a test using the client fails the typecheck.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import { servedOpenApi } from './spec.ts'

export const clientTypesPath = fileURLToPath(new URL('./api.ts', import.meta.url))

const banner = [
  '/**',
  ' * The Sellahead API as TypeScript types, generated from /openapi.json by openapi-typescript.',
  ' * Do not edit: run `npm run generate:client`.',
  ' */',
  '',
].join('\n')

/** The text of clients/typescript/api.ts for the document the server serves now. */
export async function generatedClientTypes(): Promise<string> {
  const document = await servedOpenApi()
  return banner + astToString(await openapiTS(document as unknown as OpenAPI3))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(clientTypesPath, await generatedClientTypes())
  console.log(`wrote ${clientTypesPath}`)
}
