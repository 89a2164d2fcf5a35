export { admissionDelay, backoffDelay, type BackoffOptions } from './backoff';
export { LiveClient, type LiveClientEvents, type LiveClientOptions } from './live-client';
export * from './protocol';
export { applyBroadcast } from './snapshot-reducer';
