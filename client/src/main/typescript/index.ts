// The package's entry: the generated client and models, and the hand-written layer over them.
export * from '../index';
export * from './client';
export * from './errors';
export * from './retry';
export * from './errorCodes';
export { maskKey } from './apiKey';
