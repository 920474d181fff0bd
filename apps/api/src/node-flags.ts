/**
 * Node (V8) options of the API process. They must be on its command line — V8 sizes its heap
 * when the process starts — so each place that starts the API names them: package.json's
 * `start` and `start:api`, the Docker image's command and docker/compose.yml (a test checks
 * that they agree with this list); the copies of a cluster (API_WORKERS) inherit them from the
 * primary, and the benches start the API with them.
 *
 * `--max-semi-space-size=64` (MB; Node 20's default is 16): the young generation is collected
 * (scavenged) when a semi-space fills, and each scavenge copies what is still alive — under
 * load, mostly the requests in flight, which wait on the database. Four times fewer scavenges
 * copy them a quarter as often. Measured on the check-in bench (bench/RESULTS.md): main-thread
 * GC per check-in 17–31 → about 10 µs; the young generation's reserve grows by about 150 MB.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
