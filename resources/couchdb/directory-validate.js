function (newDoc, oldDoc, userCtx, secObj) {
  // validate_doc_update of the `directory` database: shared reference data that stations read
  // (and replicate down) but never write. Runs in Apache CouchDB 3 (SpiderMonkey): ES5 only.
  if ((userCtx.roles || []).indexOf('_admin') === -1) {
    throw({ forbidden: 'readOnly: the directory is kept by the central server administrator' });
  }
}
