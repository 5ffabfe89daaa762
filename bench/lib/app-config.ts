import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/server/config';

/**
 * The app's configuration for a bench: no log lines, no scheduler, and a login limit the bench's
 * few sign-ins never meet. Everything else is the defaults `npm start` uses.
 */
export function benchConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    SEED_DEMO: 'false',
    // The bench signs in as admin with a password alone; two-factor is on by default on PostgreSQL.
    MFA_REQUIRED: 'false',
    LOGIN_RATE_LIMIT: '1000',
    ...overrides,
  });
}

/**
 * Counts the requests an app is still working on. A load run that stops leaves up to 50 requests
 * queued in the server; the next run must wait for them, or it measures their backlog.
 */
export function trackInflight(app: FastifyInstance): () => number {
  // Counted down when the handler has produced its answer (onSend), not when the client got it:
  // an aborted connection never fires onResponse, but its database work still has to finish.
  const pending = new WeakSet<object>();
  let inflight = 0;
  const done = async (req: object) => {
    if (pending.delete(req)) inflight--;
  };
  app.addHook('onRequest', async (req) => {
    pending.add(req);
    inflight++;
  });
  app.addHook('onSend', async (req) => done(req));
  app.addHook('onResponse', async (req) => done(req));
  // A request whose client left before the answer gets neither onSend nor onResponse.
  app.addHook('onRequestAbort', async (req) => done(req));
  return () => inflight;
}

/** Resolves once `inflight()` reports nothing in progress. */
export async function drain(inflight: () => number | Promise<number>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await inflight()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}
