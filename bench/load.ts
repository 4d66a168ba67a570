// The load generator of bench/run.ts. It runs in its own process (run.ts forks it), so autocannon does not
// share an event loop with the server it measures. Receives the options as one message, answers with one.
import autocannon from 'autocannon';

export type LoadOptions = { url: string; cookie: string; connections: number; seconds: number };
export type LoadResult = {
  /** Every response time in ms (autocannon's own percentiles have no p95). */
  latencies: number[];
  requestsPerSecond: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

process.once('message', async (options: LoadOptions) => {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: { cookie: options.cookie },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const answer: LoadResult = {
    latencies,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.send!(answer, () => process.exit(0));
});
