// Sync with central, as rules: settings, status, batch progress, bundle format, merging conflicting edits.
export * from './batchProgress'
export * from './bundleManifest'
export * from './conflictMerge'
export * from './syncSettings'
export * from './syncStatus'
