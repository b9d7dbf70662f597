/**
 * What the read-ahead thread runs (plain JavaScript, evaluated by `new Worker(source, { eval })`,
 * so it loads the same way from ts-node, Jest and the compiled service, with no build step).
 *
 * It opens the store's file read-only (WAL: it never blocks the writer nor waits for it) and,
 * after a `read` order, steps the same query the store's own thread runs (`readAfterSql`),
 * page after page, each page after the last position of the one before: the global order, no
 * gap, no duplicate. It decodes every row into a `RecordedEvent` (the `rowToEvent` shape, same
 * key order) and posts the page: the structured clone hands the main thread finished objects,
 * which costs it less than stepping SQLite and parsing JSON itself. At most `window` pages are
 * unacknowledged (`more` acknowledges one); a short page ends the read, since the subscription
 * reads past that point on its own thread. Pages carry the read's `run` number: the main
 * thread drops those of a read it has moved on from. Any error is posted, and ends the read;
 * `close` closes the connection and lets the thread end.
 */
export const READ_AHEAD_THREAD_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
const statement = db.prepare(workerData.sql).raw();
const params = workerData.params;
let run = 0;
let after = 0;
let limit = 0;
let credit = 0;
let reading = false;

const toEvent = (row) => ({
  stream: row[7],
  revision: row[1],
  position: row[0],
  id: row[2],
  type: row[3],
  data: JSON.parse(row[4]),
  metadata: JSON.parse(row[5]),
  recordedAt: row[6],
});

const pump = () => {
  while (reading && credit > 0) {
    let events;
    try {
      const rows = statement.all(after, ...params, limit);
      events = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) events[i] = toEvent(rows[i]);
    } catch (error) {
      reading = false;
      parentPort.postMessage({ run, error: String(error && error.message ? error.message : error) });
      return;
    }
    credit -= 1;
    const last = events[events.length - 1];
    if (events.length < limit || last === undefined) reading = false;
    else after = last.position;
    parentPort.postMessage({ run, events });
  }
};

parentPort.on('message', (order) => {
  if (order.kind === 'read') {
    run = order.run;
    after = order.after;
    limit = order.limit;
    credit = order.window;
    reading = true;
  } else if (order.kind === 'more' && order.run === run) {
    credit += 1;
  } else if (order.kind === 'stop') {
    reading = false;
  } else if (order.kind === 'close') {
    reading = false;
    db.close();
    parentPort.close();
    return;
  }
  pump();
});
`;
