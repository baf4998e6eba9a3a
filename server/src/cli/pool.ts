import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Checker } from './checkFile';
import { runTask, type Task, type TaskResult } from './tasks';

/**
 * Below this many files a run stays in one thread: each worker loads its own dictionaries, a
 * second or two of work that only pays off over many files.
 */
export const FILES_PER_WORKER = 40;

/** As many threads as cores, each with files enough to pay for its dictionaries; 1 is this thread alone. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

/** The worker bundle beside the CLI bundle (server/out); running from source, the last build's. */
function workerFile(): string | undefined {
  return [join(__dirname, 'check-worker.js'), join(__dirname, '..', '..', 'out', 'check-worker.js')].find((file) => existsSync(file));
}

export interface Runner {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Files checked one after another, in this thread. */
class InProcess implements Runner {
  readonly #checker = new Checker();

  run(task: Task): Promise<TaskResult> {
    return runTask(this.#checker, task);
  }

  async close(): Promise<void> {}
}

/**
 * Files shared among worker threads, each given the next file when it is done with one, so a
 * large file holds up one thread only. A worker that dies fails what it had; the run reports it.
 */
class Workers implements Runner {
  readonly #idle: Worker[] = [];
  readonly #live = new Set<Worker>();
  readonly #queue: { task: Task; done: (result: TaskResult) => void }[] = [];
  readonly #pending = new Map<Worker, { id: number; done: (result: TaskResult) => void }>();
  #nextId = 0;
  #closing = false;

  constructor(file: string, count: number) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(file);
      worker.on('message', ({ id, result }: { id: number; result: TaskResult }) => {
        const pending = this.#pending.get(worker);
        if (pending?.id !== id) return;
        this.#pending.delete(worker);
        this.#idle.push(worker);
        pending.done(result);
        this.#next();
      });
      const fail = (error: Error) => {
        if (this.#closing || !this.#live.delete(worker)) return;
        const stopped = { kind: 'error' as const, error: `the checker thread stopped: ${error.message}` };
        this.#pending.get(worker)?.done(stopped);
        this.#pending.delete(worker);
        if (this.#idle.includes(worker)) this.#idle.splice(this.#idle.indexOf(worker), 1);
        if (this.#live.size === 0) for (const { done } of this.#queue.splice(0)) done(stopped);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
      this.#live.add(worker);
      this.#idle.push(worker);
    }
  }

  run(task: Task): Promise<TaskResult> {
    if (this.#live.size === 0) return Promise.resolve({ kind: 'error', error: 'no checker thread is left' });
    return new Promise((done) => {
      this.#queue.push({ task, done });
      this.#next();
    });
  }

  #next(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const { task, done } = this.#queue.shift()!;
      const id = this.#nextId++;
      this.#pending.set(worker, { id, done });
      worker.postMessage({ id, task });
    }
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all([...this.#live].map((worker) => worker.terminate()));
  }
}

export function createRunner(jobs: number): Runner {
  const file = jobs > 1 ? workerFile() : undefined;
  return file ? new Workers(file, jobs) : new InProcess();
}
