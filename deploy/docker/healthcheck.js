// Docker HEALTHCHECK for the churn services: GET http://127.0.0.1:$PORT/health, healthy on 200.
// /health answers 503 while a dependency (broker, store, engine) is down, so "unhealthy" in
// `docker ps` names a service that cannot do its work, not only a dead process. Plain Node:
// the slim runtime image has no curl or wget.
'use strict';
const { get } = require('node:http');

const request = get(
  { host: '127.0.0.1', port: Number(process.env.PORT || 3000), path: '/health', timeout: 4000 },
  (response) => {
    response.resume();
    process.exit(response.statusCode === 200 ? 0 : 1);
  },
);
request.on('timeout', () => request.destroy(new Error('no answer in 4 s')));
request.on('error', () => process.exit(1));
