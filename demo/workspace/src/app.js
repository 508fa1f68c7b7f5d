// Starts the payments service with settings from the environment.
const http = require('node:http');

const port = Number(process.env.PORT ?? 8080);
http.createServer((req, res) => res.end('ok')).listen(port);
