// The validate_doc_update of central's directory database, as the source text CouchDB 3 runs.

// ES5 only (CouchDB's SpiderMonkey). String.raw keeps the text as written, so it holds no backtick or dollar-brace.
export const directoryValidateSource = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  // validate_doc_update of the "directory" database: shared reference data that stations read
  // (and replicate down) but never write. Runs in Apache CouchDB 3 (SpiderMonkey): ES5 only.
  if ((userCtx.roles || []).indexOf('_admin') === -1) {
    throw({ forbidden: 'readOnly: the directory is kept by the central server administrator' });
  }
}`
