// Types of needDocs.mjs for the TypeScript that imports it (syncPage.ts).

export function needDocs(options: {
  count: number
  stationId: string
  villages: string[]
  staff: string[]
  items: { code: string; label: string }[]
  seed?: number
  days?: number
}): Promise<Array<{ _id: string; type: string } & Record<string, unknown>>>
