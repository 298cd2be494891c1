// The HTTP API and UI server (`parley serve`).
export { createApp, type AppOptions } from './app.js';
export { startServer, type StartOptions, type RunningServer } from './server.js';
export { BODY_LIMIT_BYTES, openApiDocument } from './openapi.js';
export { defaultWebDir } from './static.js';
