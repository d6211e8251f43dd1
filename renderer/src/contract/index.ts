// The station↔central contract's public face: what the station (renderer) and central/ both build on.

// Runtime-neutral: it imports only the domain and web-standard APIs, never Node or the renderer's other rooms.
export * from './bundle'
export * from './bundleManifest'
export * from './docTypes'
export * from './directoryValidate'
export * from './districtValidate'
export * from './stationValidate'
export * from './topology'
export * from './validateSources'
