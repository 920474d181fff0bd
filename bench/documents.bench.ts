/**
 * Trainee documents (issue 9, Art. 13): the attendance sheet (考勤表) of a 300-trainee,
 * 12-session class and the one-page training notice (培训通知单), each rendered RUNS times in
 * one process, as the worker renders them (no database: the renderers are pure). Target: the
 * 300-trainee sheet in under 2 s.
 *
 *   npm run bench:documents        RUNS=50 TRAINEES=1000 SESSIONS=20 npm run bench:documents
 */
import {
  renderAttendanceSheet,
  renderTrainingNotice,
  type ClassDocumentInput,
} from '../libs/core/src/documents';
import { sampleClassInput } from '../libs/core/src/documents/testing/sample-class';

const RUNS = Number(process.env.RUNS ?? 20);
const TRAINEES = Number(process.env.TRAINEES ?? 300);
const SESSIONS = Number(process.env.SESSIONS ?? 12);

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Result {
  name: string;
  first: number;
  times: number[];
  bytes: number;
  pages: number;
}

async function measure(
  name: string,
  render: (i: ClassDocumentInput) => Promise<Buffer>,
  input: ClassDocumentInput,
  peak: { rss: number },
): Promise<Result> {
  const times: number[] = [];
  let first = 0;
  let pdf = Buffer.alloc(0);
  for (let i = 0; i <= RUNS; i++) {
    const t0 = process.hrtime.bigint();
    pdf = await render(input);
    const t = ms(t0);
    if (i === 0) first = t;
    else times.push(t);
    peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
  }
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return { name, first, times, bytes: pdf.length, pages };
}

async function main(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const peak = { rss: rssBefore };
  const big = sampleClassInput({ trainees: TRAINEES, sessions: SESSIONS });
  const results = [
    await measure(
      `考勤表 ${TRAINEES} trainees × ${SESSIONS} sessions`,
      renderAttendanceSheet,
      big,
      peak,
    ),
    await measure('培训通知单 (1 page)', renderTrainingNotice, sampleClassInput(), peak),
  ];
  console.log(`\n${RUNS} runs each after a first (cold) one; Node ${process.version}`);
  for (const r of results) {
    console.log(
      `${r.name}: first ${r.first.toFixed(0)} ms, median ${pct(r.times, 0.5).toFixed(0)} ms, ` +
        `p95 ${pct(r.times, 0.95).toFixed(0)} ms, ${(r.bytes / 1024).toFixed(0)} KB, ${r.pages} pages`,
    );
  }
  console.log(`RSS: ${mb(rssBefore)} before, ${mb(peak.rss)} peak (fonts parsed once, shared)`);
  const sheet = results[0];
  const ok = pct(sheet.times, 0.95) < 2000 && sheet.first < 2000;
  console.log(ok ? 'target met: the sheet renders in under 2 s' : 'TARGET MISSED: 2 s');
  if (!ok) process.exitCode = 1;
}

void main();
