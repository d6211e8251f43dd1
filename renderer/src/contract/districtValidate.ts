// The validate_doc_update of central's district roll-up database, as the source text CouchDB 3 runs.

// ES5 only (CouchDB's SpiderMonkey). String.raw keeps the text as written, so it holds no backtick or dollar-brace.
export const districtValidateSource = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  // validate_doc_update of the "district" roll-up database: only the roll-up replication (role
  // district-rollup) and administrators write here; district staff only read. ES5 only (CouchDB 3).
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') === -1 && roles.indexOf('district-rollup') === -1) {
    throw({ forbidden: 'readOnly: the district roll-up is filled by replication from the stations' });
  }
}`
