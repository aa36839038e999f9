export { createApp, type CreateAppOptions } from './app';
export { loadConfig, ConfigError, type ServerConfig } from './config';
export { createContext, openContext, type AppContext } from './context';
export { startServer, type RunningServer, type StartServerOptions } from './serve';
