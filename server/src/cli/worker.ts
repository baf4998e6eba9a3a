/**
 * A checker thread for `star-notes check` and `fix` on many files (bundled as
 * server/out/check-worker.js): each loads its own dictionaries and takes files one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { Checker } from './checkFile';
import { runTask, type Task } from './tasks';

const port = parentPort!;
const checker = new Checker();

port.on('message', ({ id, task }: { id: number; task: Task }) => {
  runTask(checker, task).then(
    (result) => port.postMessage({ id, result }),
    (error: unknown) => port.postMessage({ id, result: { kind: 'error', error: error instanceof Error ? error.message : String(error) } }),
  );
});
