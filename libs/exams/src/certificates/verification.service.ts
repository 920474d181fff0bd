import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, DomainError, ErrorCode, localDate, PlatformRedis } from '@peixun/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { VerificationDto } from '../dto/certificates.dto';
import { maskName, SERIAL_PATTERN } from '../exams.rules';
import { Certificate } from './certificate.entity';

const UNKNOWN: VerificationDto = {
  status: 'unknown',
  serial: null,
  name: null,
  projectTitle: null,
  typeLabel: null,
  halfHours: null,
  startDate: null,
  endDate: null,
  issuers: [],
  issuedOn: null,
  sha256: null,
  revokedOn: null,
  supersededBy: null,
};

/**
 * Public verification of a certificate by its serial and the code of its QR link: valid,
 * revoked (with the date), superseded by a reissue, or unknown (no such serial, a wrong
 * code, or no PDF yet: the answer does not tell which). Rate-limited per client address.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly redis: PlatformRedis,
    private readonly config: AppConfig,
  ) {}

  /** 429 RATE_LIMITED beyond VERIFY_RATE_LIMIT per address per minute (counted in Redis). */
  async limit(ip: string): Promise<void> {
    const minute = Math.floor(Date.now() / 60_000);
    const key = `${this.config.queue.prefix}:verify:${ip}:${minute}`;
    const redis = await this.redis.get();
    const n = await redis.incr(key);
    if (n === 1) await redis.expire(key, 120);
    if (n > this.config.auth.verifyRateLimit) {
      const retry = 60 - Math.floor((Date.now() / 1000) % 60);
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `查验过于频繁，请 ${retry} 秒后再试 (too many verifications; retry in ${retry} s)`,
        429,
        { retryAfterSeconds: retry },
      );
    }
  }

  async verify(serial: string, code: string): Promise<VerificationDto> {
    if (!SERIAL_PATTERN.test(serial)) return UNKNOWN;
    const cert = await this.ds.manager.findOne(Certificate, { where: { serial } });
    if (!cert || !cert.fileKey || !sameCode(cert.verifyCode, code)) return UNKNOWN;
    let supersededBy: string | null = null;
    if (cert.status === 'superseded') {
      const next = await this.ds.manager.findOne(Certificate, {
        select: { serial: true },
        where: { supersedesId: cert.id },
      });
      supersededBy = next?.serial ?? null;
    }
    return {
      status: cert.status,
      serial: cert.serial,
      name: maskName(cert.holderName),
      projectTitle: cert.projectTitle,
      typeLabel: cert.typeLabel,
      halfHours: cert.halfHours,
      startDate: cert.startDate,
      endDate: cert.endDate,
      issuers: cert.issuers,
      issuedOn: cert.issuedOn,
      sha256: cert.fileSha256,
      revokedOn: cert.revokedAt ? localDate(cert.revokedAt, this.config.timezone) : null,
      supersededBy,
    };
  }

  /** Whether the uploaded bytes are exactly the certificate's PDF (SHA-256 of the whole file). */
  async check(
    serial: string,
    code: string,
    pdf: Buffer,
  ): Promise<{ verification: VerificationDto; matches: boolean; sha256: string }> {
    const verification = await this.verify(serial, code);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return {
      verification,
      sha256,
      matches: verification.status !== 'unknown' && verification.sha256 === sha256,
    };
  }
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
