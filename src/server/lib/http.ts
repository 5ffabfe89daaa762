import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { RouteAction } from '../../domain/permissions';
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
    /** Every route with the permission it declares (`action`, or `public`); see src/server/lib/authorize.ts. */
    routeList: ReadonlyArray<{ method: string; url: string; action?: RouteAction; public?: boolean }>;
  }
  interface FastifyRequest {
    /** Set for every route not marked `config.public`. */
    auth: AuthContext;
  }
  interface FastifyContextConfig {
    /** No sign-in needed. */
    public?: boolean;
    /**
     * The action a signed-in caller's role must hold (src/domain/permissions.ts); the auth hook
     * answers 403 FORBIDDEN before validation otherwise. Every route declares this or `public`.
     */
    action?: RouteAction;
  }
}
