// The station's own settings: name, code, villages served, staff, deadline rule.
export * from './station'
