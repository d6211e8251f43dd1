// The validate_doc_update of every station database on central (station-<code>), as the source text CouchDB 3 runs.

// ES5 only (CouchDB's SpiderMonkey). String.raw keeps the text as written, so it holds no backtick or dollar-brace.
export const stationValidateSource = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  // validate_doc_update of every station database ("station-<code>"), kept as source text in the
  // station-central contract and written by the provisioning command. It runs inside Apache
  // CouchDB 3 (SpiderMonkey): ES5 only, no let/const, arrow functions, template strings or
  // Array.prototype.includes.
  //
  // Each refusal is "{forbidden: '<reason>: <detail>'}"; the reason word lets the station show a
  // message in the clerk's language.

  // The document types a station may store, their ids and required fields. A new type must be added
  // here and to the contract's STATION_DOC_TYPES (a test holds the two to each other), and
  // provisioning re-run, before any station writes it.
  var NEED_EVENT_KINDS = ['assign', 'resolve', 'followUp', 'refer', 'decline'];
  var TYPES = {
    // station:<code>, the station's settings
    station: function (doc, code) {
      if (doc._id !== 'station:' + code) refuse('wrongStation', doc._id + ' is not the settings of station ' + code);
      requireText(doc, 'name');
      if (doc.code !== code) refuse('badShape', 'code must be ' + code);
    },
    // stationSecret:<code>, what the station's desks hash residents' ID numbers with; written once
    stationSecret: function (doc, code) {
      if (doc._id !== 'stationSecret:' + code) refuse('wrongStation', doc._id + ' is not the secret of station ' + code);
      if (!isKeyId(doc.keyId)) refuse('badShape', 'keyId is required');
      if (doc.algorithm !== 'HMAC-SHA-256') refuse('badShape', 'algorithm must be HMAC-SHA-256');
      if (typeof doc.secret !== 'string' || !/^[A-Za-z0-9+\/]{43}=$/.test(doc.secret)) refuse('badShape', 'secret must be 32 bytes in base64');
    },
    // need:<code>:<ulid>, one walk-in need
    need: function (doc, code) {
      var parts = idParts(doc._id, 3, 'need');
      if (parts[1] !== code) refuse('wrongStation', doc._id + ' belongs to station ' + parts[1] + ', not ' + code);
      requireText(doc, 'number');
      requireText(doc, 'registeredAt');
      if (!doc.resident || typeof doc.resident !== 'object') refuse('badShape', 'resident is required');
      requireText(doc.resident, 'name', 'resident.name');
      requireText(doc.resident, 'phone', 'resident.phone');
      if (typeof doc.dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(doc.dueDate)) {
        refuse('badShape', 'dueDate must be YYYY-MM-DD');
      }
      // resident.idKey, the keyed hash of the ID number that earlier visits are found by: only beside an
      // ID number, and only as a hash with the id of its key (never the number, nor its masked form)
      if (doc.resident.idKey !== undefined) {
        var idKey = doc.resident.idKey;
        if (typeof doc.resident.idCard !== 'string' || doc.resident.idCard === '') refuse('badShape', 'resident.idKey goes only with resident.idCard');
        if (!idKey || typeof idKey !== 'object' || !isKeyId(idKey.keyId) || typeof idKey.hmac !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(idKey.hmac)) {
          refuse('badShape', 'resident.idKey must be a keyId and an HMAC-SHA-256 in base64url');
        }
      }
    },
    // needEvent:<code>:<needUlid>:<eventUlid>, one step of a need's timeline
    needEvent: function (doc, code) {
      var parts = idParts(doc._id, 4, 'needEvent');
      if (parts[1] !== code) refuse('wrongStation', doc._id + ' belongs to station ' + parts[1] + ', not ' + code);
      if (doc.needId !== 'need:' + parts[1] + ':' + parts[2]) {
        refuse('badShape', 'needId must be need:' + parts[1] + ':' + parts[2]);
      }
      if (NEED_EVENT_KINDS.indexOf(doc.kind) === -1) {
        refuse('badShape', 'kind must be one of ' + NEED_EVENT_KINDS.join(', '));
      }
      requireText(doc, 'at');
      requireText(doc, 'by');
    },
    // 书记轮值: the roster, the shift pattern, plans, changes, check-ins and the duty log, each
    // "<type>:<code>:<ulid or name>".
    dutySecretary: function (doc, code) {
      ownId(doc, 'dutySecretary', code);
      requireText(doc, 'name');
      requireText(doc, 'phone');
    },
    dutyPattern: function (doc, code) {
      ownId(doc, 'dutyPattern', code);
      if (Object.prototype.toString.call(doc.slots) !== '[object Array]') refuse('badShape', 'slots must be a list');
    },
    dutyPlan: function (doc, code) {
      ownId(doc, 'dutyPlan', code);
      requireText(doc, 'from');
      requireText(doc, 'to');
      if (Object.prototype.toString.call(doc.shifts) !== '[object Array]') refuse('badShape', 'shifts must be a list');
    },
    dutyChange: function (doc, code) {
      ownId(doc, 'dutyChange', code);
      if (['override', 'swap'].indexOf(doc.kind) === -1) refuse('badShape', 'kind must be override or swap');
      requireText(doc, 'reason');
    },
    dutyCheck: function (doc, code) {
      ownId(doc, 'dutyCheck', code);
      requireText(doc, 'shiftKey');
      if (['in', 'out'].indexOf(doc.kind) === -1) refuse('badShape', 'kind must be in or out');
    },
    dutyNote: function (doc, code) {
      ownId(doc, 'dutyNote', code);
      requireText(doc, 'shiftKey');
      requireText(doc, 'text');
    },
    // 矛盾纠纷调处: cases, and what hangs off a case ("<type>:<code>:<caseUlid>:<ulid>"). Kept apart by
    // type so a later, stricter _security or a filtered replication can single them out.
    mediationCase: function (doc, code) {
      ownId(doc, 'mediationCase', code);
      requireText(doc, 'number');
      if (Object.prototype.toString.call(doc.applicants) !== '[object Array]' || doc.applicants.length === 0) refuse('badShape', 'applicants are required');
      if (Object.prototype.toString.call(doc.respondents) !== '[object Array]' || doc.respondents.length === 0) refuse('badShape', 'respondents are required');
    },
    mediationStep: function (doc, code) { caseChild(doc, 'mediationStep', code); requireText(doc, 'kind'); },
    mediationSession: function (doc, code) { caseChild(doc, 'mediationSession', code); requireText(doc, 'date'); },
    mediationAccess: function (doc, code) { caseChild(doc, 'mediationAccess', code); requireText(doc, 'by'); },
    mediationTeam: function (doc, code) { ownId(doc, 'mediationTeam', code); requireText(doc, 'name'); },
    // person:<code>:<ulid>, someone who works at the station's desks: roles, and the PIN only as a hash
    person: function (doc, code) {
      ownId(doc, 'person', code);
      requireText(doc, 'name');
      if (Object.prototype.toString.call(doc.roles) !== '[object Array]' || doc.roles.length === 0) refuse('badShape', 'roles are required');
      var pin = doc.pin;
      if (!pin || typeof pin !== 'object' || typeof pin.hash !== 'string' || typeof pin.salt !== 'string' || typeof pin.iterations !== 'number') {
        refuse('badShape', 'pin must be a salted hash');
      }
      if (typeof doc.disabled !== 'boolean') refuse('badShape', 'disabled must be true or false');
    },
    // audit:<code>:<ulid>, one entry of the audit trail (操作留痕): written once, never changed nor deleted
    audit: function (doc, code) { ownId(doc, 'audit', code); requireText(doc, 'action'); requireText(doc, 'device'); },
    // recovery:<code>, the hash of the code that resets a lost administrator PIN
    recovery: function (doc, code) {
      if (doc._id !== 'recovery:' + code) refuse('wrongStation', doc._id + ' is not the recovery code of station ' + code);
      if (!doc.code || typeof doc.code !== 'object' || typeof doc.code.hash !== 'string') refuse('badShape', 'code must be a salted hash');
    },
    // conflict:<code>:<rev>, what merging two versions of a document did not keep (冲突记录)
    conflict: function (doc, code) {
      var parts = idParts(doc._id, 3, 'conflict');
      if (parts[1] !== code) refuse('wrongStation', doc._id + ' belongs to station ' + parts[1] + ', not ' + code);
      requireText(doc, 'docId');
      if (String(doc.docId).split(':')[1] !== code) refuse('wrongStation', 'docId must be a document of station ' + code);
      if (['open', 'resolved'].indexOf(doc.status) === -1) refuse('badShape', 'status must be open or resolved');
      if (Object.prototype.toString.call(doc.fields) !== '[object Array]') refuse('badShape', 'fields must be a list');
    }
  };

  function caseChild(doc, type, code) {
    var parts = idParts(doc._id, 4, type);
    if (parts[1] !== code) refuse('wrongStation', doc._id + ' belongs to station ' + parts[1] + ', not ' + code);
    if (doc.caseId !== 'mediationCase:' + parts[1] + ':' + parts[2]) refuse('badShape', 'caseId must be mediationCase:' + parts[1] + ':' + parts[2]);
  }

  function ownId(doc, type, code) {
    var parts = idParts(doc._id, 3, type);
    if (parts[1] !== code) refuse('wrongStation', doc._id + ' belongs to station ' + parts[1] + ', not ' + code);
  }

  function refuse(reason, detail) {
    throw({ forbidden: reason + ': ' + detail });
  }

  function requireText(doc, field, label) {
    if (typeof doc[field] !== 'string' || doc[field] === '') refuse('badShape', (label || field) + ' is required');
  }

  // The id of a key that hashes ID numbers: its scope and a random part, never a colon.
  function isKeyId(value) {
    return typeof value === 'string' && /^[A-Za-z0-9._-]{1,80}$/.test(value);
  }

  // Splits "<type>:<station>:…" into exactly "count" non-empty parts.
  function idParts(id, count, type) {
    var parts = String(id).split(':');
    var ok = parts.length === count && parts[0] === type;
    for (var i = 0; ok && i < parts.length; i++) if (parts[i] === '') ok = false;
    if (!ok) refuse('badId', id + ' is not a ' + type + ' id');
    return parts;
  }

  var dbName = String(userCtx.db || '');
  if (dbName.indexOf('station-') !== 0 || dbName.length === 'station-'.length) {
    refuse('notStationDb', dbName + ' is not a station database');
  }
  var code = dbName.substring('station-'.length);
  var roles = userCtx.roles || [];
  var isAdmin = roles.indexOf('_admin') !== -1;

  if (!isAdmin && roles.indexOf('station:' + code) === -1) {
    refuse('notAllowed', 'only station ' + code + ' may write here');
  }

  if (newDoc._deleted === true) {
    // A station deletes only the losing versions of a document it merged (its conflict record and the
    // merge keep every value), and says so on the deletion. Any other deletion is an administrator's.
    if (!isAdmin && newDoc.conflictMerged !== true) refuse('noDeletes', 'only an administrator may delete ' + newDoc._id);
    // The audit trail never conflicts (each entry is new), so not even a merge deletes from it.
    if (!isAdmin && String(newDoc._id).indexOf('audit:') === 0) refuse('noDeletes', 'the audit trail is never deleted');
    if (!isAdmin && String(newDoc._id).split(':')[1] !== code) {
      refuse('wrongStation', newDoc._id + ' is not a document of station ' + code);
    }
    return;
  }

  var check = Object.prototype.hasOwnProperty.call(TYPES, newDoc.type) ? TYPES[newDoc.type] : null;
  if (!check) refuse('unknownType', 'type ' + JSON.stringify(newDoc.type) + ' is not a document of a station');
  if (oldDoc && !oldDoc._deleted && oldDoc.type !== newDoc.type) {
    refuse('badShape', newDoc._id + ' cannot change type from ' + oldDoc.type + ' to ' + newDoc.type);
  }

  if (newDoc.stationId !== code) refuse('wrongStation', 'stationId must be ' + code);
  if (typeof newDoc.schemaVersion !== 'number' || !isFinite(newDoc.schemaVersion)) {
    refuse('badShape', 'schemaVersion must be a number');
  }
  requireText(newDoc, 'createdAt');
  requireText(newDoc, 'createdBy');

  check(newDoc, code);
  // Changing the secret would leave every hash made with it matching nothing; a new key is an administrator's.
  if (newDoc.type === 'stationSecret' && oldDoc && !oldDoc._deleted && !isAdmin) refuse('notAllowed', 'a station secret is never changed');
  if (newDoc.type === 'audit' && oldDoc && !oldDoc._deleted && !isAdmin) refuse('notAllowed', 'an audit record is never changed');
}`
