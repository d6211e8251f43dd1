// The station's own settings: name, code, villages served, staff, deadline rule; and its secret for hashing ID numbers.
export * from './station'
export * from './stationSecret'
