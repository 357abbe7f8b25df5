// The load generator in a process of its own (bench/paced.ts `runPacedApart`): it gets its run over
// IPC, sends the requests in order (round robin once they run out) and answers with the result.
import { runPaced, type PacedRequest } from './paced.ts';

type Job = Omit<Parameters<typeof runPaced>[0], 'request'> & { requests: PacedRequest[] };

process.once('message', (job: Job) => {
  const { requests, ...opts } = job;
  let sent = 0;
  void runPaced({ ...opts, request: () => requests[sent++ % requests.length] as PacedRequest }).then((result) =>
    process.send?.(result, () => process.exit(0)),
  );
});
