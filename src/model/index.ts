export * from './nodes.js';
export * from './build.js';
export * from './walk.js';
export * from './json.js';
