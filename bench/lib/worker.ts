import { Worker } from 'node:worker_threads';

/**
 * Starts a TypeScript module in a worker thread. tsx does not hook workers by itself, so the
 * worker first registers tsx's loader, then imports the module.
 */
export function startTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Runs a worker that posts one message and ends; resolves with that message. */
export function runTsWorker<T>(moduleUrl: URL, workerData: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startTsWorker(moduleUrl, workerData);
    let settled = false;
    worker.once('message', (message: T) => {
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker ${moduleUrl.pathname} exited with code ${code} before answering`));
    });
  });
}
