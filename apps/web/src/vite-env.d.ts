/// <reference types="vite/client" />

// The maps' base layer is not a build setting: the server tells the client at run time
// (GEWU_MAP_* in apps/server/src/config.ts, GET /api/map/config), so one build serves every deployment.
