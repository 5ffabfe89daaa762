import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { AuthContext } from './auth-context';

export const SESSION_COOKIE = 'zs_session';
export const CSRF_HEADER = 'x-csrf-token';

/** What every module gets from the app: the database and the configuration, nothing else. */
export interface AppDeps {
  db: Db;
  engine: Database['engine'];
  config: Config;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeList: ReadonlyArray<{ method: string; url: string }>;
  }
  interface FastifyRequest {
    /** Set for every route not marked `config.public`. */
    auth: AuthContext;
  }
  interface FastifyContextConfig {
    /** No sign-in needed. */
    public?: boolean;
  }
}
