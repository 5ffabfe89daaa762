import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors';
import type { Config } from './config';
import type { Database } from './db/client';
import { requireRouteAction, withDeclaredAction } from './lib/authorize';
import { CSRF_HEADER, SESSION_COOKIE } from './lib/http';
import { findUnsafeText, unsafeTextField } from './lib/input';
import { clientErrorResponse, pickLang, problemFrom, sendProblem, toProblem } from './lib/problem';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { assertSessionComplete, authenticate } from './modules/auth/service';
import { healthRoutes } from './modules/health/routes';
import { registerModules } from './modules';

export const APP_VERSION = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  .version as string;

export interface BuildOptions {
  database: Database;
  config: Config;
  /** Directory of the built web app; served with an index.html fallback when present. */
  webDir?: string;
  logger?: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    requestIdHeader: false,
    // Requests Node refuses before routing (a URL or headers past the header limit → 431) get problem+json.
    clientErrorHandler: (err, socket) => {
      if ((err as { code?: string }).code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(err));
      socket.destroy(err);
    },
    // Router-level refusals (an id past maxParamLength → 414, a malformed URL) answer problem+json too.
    frameworkErrors: (err, req, reply) =>
      sendProblem(reply as FastifyReply, toProblem(err, pickLang(req.headers['accept-language'])), req.id),
    // Only the listed proxies may name the client in X-Forwarded-For; without them req.ip is the socket's.
    trustProxy: config.TRUST_PROXY.length ? config.TRUST_PROXY : false,
  }).withTypeProvider<ZodTypeProvider>();

  // Text the database cannot store (U+0000, unpaired surrogates) is refused before zod runs, on every
  // route, whatever its schema says: 400 naming the field (`body.name`, `querystring.q`).
  app.setValidatorCompiler((route) => {
    const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
    const part = route.httpPart === 'querystring' ? 'querystring' : (route.httpPart ?? 'body');
    return (data) => {
      const field = findUnsafeText(data, part);
      if (field) return { error: new AppError('VALIDATION', { fields: [unsafeTextField(field)] }) };
      return validate(data);
    };
  });
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', { db: database.db, engine: database.engine, config, version: APP_VERSION });
  app.decorateRequest('auth', null as never);
  // Every route as registered, so a test can prove the OpenAPI document leaves none out.
  const routeList: Array<FastifyInstance['routeList'][number]> = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    const { action, public: isPublic } = route.config ?? {};
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url, action, public: isPublic });
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers carry personal and case data: no browser or proxy cache may keep a copy.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // The same check for a part a route declares no schema for, so a forgotten schema lets nothing through.
  app.addHook('preValidation', async (req) => {
    const schema = req.routeOptions.schema ?? {};
    const parts = [
      ['body', req.body, schema.body],
      ['querystring', req.query, schema.querystring],
      ['params', req.params, schema.params],
    ] as const;
    for (const [part, value, declared] of parts) {
      const field = declared ? null : findUnsafeText(value, part);
      if (field) throw new AppError('VALIDATION', { fields: [unsafeTextField(field)] });
    }
  });

  app.setErrorHandler((err, req, reply) => {
    const problem = toProblem(err, pickLang(req.headers['accept-language']));
    if (problem.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, 'request refused');
    if (problem.code === 'BUSY') void reply.header('retry-after', '1');
    return sendProblem(reply, problem, req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Zhaoshang 招商引资平台 API',
        description:
          'Investment attraction platform. Errors are RFC 9457 problem+json with zh-CN and en text. ' +
          'A write PostgreSQL still aborts for a deadlock after four attempts answers 503 (code BUSY, Retry-After: 1) and wrote nothing.',
        version: APP_VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: withDeclaredAction(jsonSchemaTransform),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Authenticate every API route unless it is marked public; mutations also need the CSRF header.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.routeOptions.config?.public) return;
    if (req.url.startsWith('/api/docs')) return;
    if (!req.routeOptions.url) return; // unknown route: let the 404 handler answer
    const token = req.cookies[SESSION_COOKIE];
    const auth = token ? await authenticate(database.db, token, config) : null;
    if (!auth) throw new AppError('UNAUTHENTICATED');
    if (MUTATING.has(req.method) && req.headers[CSRF_HEADER] !== auth.csrfToken) throw new AppError('CSRF');
    req.auth = auth;
    assertSessionComplete(auth, req.method, req.routeOptions.url);
    requireRouteAction(auth, req.routeOptions.config?.action);
  });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(auditRoutes);
  await registerModules(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  if (options.webDir && fs.existsSync(path.join(options.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(options.webDir), wildcard: false });
  }

  app.setNotFoundHandler((req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    if (req.method === 'GET' && !req.url.startsWith('/api/') && options.webDir) {
      const index = path.join(options.webDir, 'index.html');
      if (fs.existsSync(index)) return reply.type('text/html').send(fs.createReadStream(index));
    }
    const problem = problemFrom('ROUTE_NOT_FOUND', lang, {
      zh: `没有 ${req.method} ${req.url.split('?')[0]} 这个接口`,
      en: `No route ${req.method} ${req.url.split('?')[0]}`,
    });
    return sendProblem(reply, problem, req.id);
  });

  return app;
}
