import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FileStore, HandlesJob, JobHandler, JobName, JobPayloads } from '@peixun/core';
import type { Job } from 'bullmq';
import { Readable } from 'node:stream';
import { DataSource, IsNull, Not } from 'typeorm';
import { Certificate, CertificateBundle } from './certificate.entity';
import { ZipWriter } from './zip-writer';

type Payload = JobPayloads[typeof JobName.CertificateBundle];

/**
 * A class's valid certificates in one ZIP (`<serial>-<name>.pdf`), streamed from the file
 * store into a new stored file; progress on the bundle row (and the job) as files are added.
 * A re-run builds the ZIP again and keeps one: the row points at the first that committed.
 */
@Injectable()
@HandlesJob(JobName.CertificateBundle)
export class CertificateBundleJob implements JobHandler<typeof JobName.CertificateBundle> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly files: FileStore,
  ) {}

  async handle(job: Job<Payload>): Promise<{ bundleId: string; files: number; size: number }> {
    const bundle = await this.ds.manager.findOneBy(CertificateBundle, { id: job.data.bundleId });
    if (!bundle) return { bundleId: job.data.bundleId, files: 0, size: 0 };
    if (bundle.status === 'ready')
      return { bundleId: bundle.id, files: bundle.total, size: bundle.fileSize ?? 0 };
    const certs = await this.ds.manager.find(Certificate, {
      where: { classId: bundle.classId, status: 'valid', fileKey: Not(IsNull()) },
      order: { seq: 'ASC' },
    });
    await this.ds.manager.update(CertificateBundle, bundle.id, { total: certs.length, done: 0 });
    const zip = new ZipWriter();
    const files = this.files;
    const ds = this.ds;
    async function* parts(): AsyncGenerator<Buffer> {
      let done = 0;
      for (const c of certs) {
        const pdf = await files.getBuffer(c.fileKey!);
        yield zip.entry(`${c.serial}-${c.holderName}.pdf`, pdf, c.createdAt);
        done++;
        if (done % 25 === 0 || done === certs.length) {
          await ds.manager.update(CertificateBundle, bundle!.id, { done });
          await job.updateProgress({ done, total: certs.length });
        }
      }
      yield zip.finish();
    }
    const stored = await this.files.put(Readable.from(parts()), 'certificate-bundle', {
      fileName: 'certificates.zip',
    });
    const res = await this.ds.manager
      .createQueryBuilder()
      .update(CertificateBundle)
      .set({
        status: 'ready',
        fileKey: stored.key,
        fileSha256: stored.sha256,
        fileSize: stored.size,
        done: certs.length,
      })
      .where('id = :id and status = :pending', { id: bundle.id, pending: 'pending' })
      .execute();
    if (!res.affected) await this.files.discard(stored.key);
    return { bundleId: bundle.id, files: certs.length, size: stored.size };
  }
}
