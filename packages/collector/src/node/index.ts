export { type NodeListenerOptions, toNodeListener } from './node-listener.js';
export {
  isLoopback,
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from './reference-server.js';
export { type RunningServer, type ServeOptions, serve } from './serve.js';
