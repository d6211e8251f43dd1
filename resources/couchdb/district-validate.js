function (newDoc, oldDoc, userCtx, secObj) {
  // validate_doc_update of the `district` roll-up database: only the roll-up replication (role
  // district-rollup) and administrators write here; district staff only read. ES5 only (CouchDB 3).
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') === -1 && roles.indexOf('district-rollup') === -1) {
    throw({ forbidden: 'readOnly: the district roll-up is filled by replication from the stations' });
  }
}
