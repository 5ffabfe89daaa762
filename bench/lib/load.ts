/**
 * The load generator, run in its own worker thread so it never shares the server's event loop:
 * autocannon against one or more base URLs, with every 2xx latency kept exactly (autocannon's own
 * histogram rounds to whole milliseconds, too coarse for sub-millisecond reads).
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { type LatencySummary, summarize } from './stats';

export interface HttpRequestSpec {
  method: string;
  path: string;
  body?: string;
}

export interface LoadJob {
  /** Base URLs (`http://127.0.0.1:port`); the connections are split evenly across them. */
  targets: string[];
  connections: number;
  durationSec: number;
  /** Sent with every request (cookie, CSRF token); `content-type` is added to those with a body. */
  headers: Record<string, string>;
  /** Each connection takes whole sequences in turn (a transition forward then back, on one project). */
  sequences: HttpRequestSpec[][];
}

export interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  elapsedSec: number;
  /** 2xx responses per second. */
  rps: number;
  latency: LatencySummary;
  statusCodes: Record<string, number>;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let counter = 0;
  let ok = 0;
  let non2xx = 0;
  const length = Math.max(...job.sequences.map((s) => s.length));
  type Context = { seq?: HttpRequestSpec[] };
  const requests = Array.from({ length }, (_, step) => ({
    setupRequest: (req: Record<string, unknown>, context: Context) => {
      if (step === 0) context.seq = job.sequences[counter++ % job.sequences.length];
      const spec = context.seq![step] ?? context.seq![0]!;
      const headers = spec.body === undefined ? job.headers : { ...job.headers, 'content-type': 'application/json' };
      return { ...req, method: spec.method, path: spec.path, body: spec.body, headers };
    },
  }));

  const started = process.hrtime.bigint();
  const instances = job.targets.map((url, i) => {
    const connections =
      Math.floor(job.connections / job.targets.length) + (i < job.connections % job.targets.length ? 1 : 0);
    const instance = autocannon({
      url,
      connections,
      duration: job.durationSec,
      headers: job.headers,
      requests: requests as never,
    });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) {
        ok++;
        samples.push(responseTime);
      } else non2xx++;
    });
    return instance;
  });
  const results = await Promise.all(instances);
  const elapsedSec = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    ok,
    non2xx,
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    elapsedSec,
    rps: ok / elapsedSec,
    latency: summarize(samples),
    statusCodes,
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData as LoadJob).then(
    (result) => port.postMessage(result),
    (err: unknown) => {
      throw err;
    },
  );
}
