export * from './core';
export * from './enterprises';
export * from './projects';
