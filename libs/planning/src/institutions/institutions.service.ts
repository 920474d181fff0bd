import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  ErrorCode,
  localYear,
  NotFoundError,
  AppConfig,
  illegalTransition,
  requireFile,
  uploadedFileName,
  FileStore,
  StoredFile,
  maskPhone,
  PiiCipher,
} from '@peixun/core';
import { OrgUnit, regionOfUnit } from '@peixun/org';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import {
  DocumentDto,
  FiledInstitutionDto,
  InstitutionDto,
  ReviewDto,
  ReviewQueueDto,
  SaveApplicationDto,
} from './institution.dto';
import { InstitutionDocument, InstitutionProfile, InstitutionReview } from './institution.entity';
import {
  filingNumber,
  InstitutionAction,
  institutionTransition,
  isCommissionable,
  validCreditCode,
} from './institution.rules';

/** Names the documents may have; their bytes are checked by the file store (kind institution-document). */
const DOCUMENT_NAME = /\.(pdf|jpe?g|png)$/i;
const FILING_LOCK_KEY = 727_002;

/** The field sealed phone numbers of institution contacts are bound to. */
const CONTACT_PHONE = 'institution_profile.contact_phone';

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
    private readonly files: FileStore,
  ) {}

  // -- institution staff -------------------------------------------------------

  async mine(actor: Actor): Promise<InstitutionDto> {
    return this.present(
      this.ds.manager,
      await this.ensureProfile(this.ds.manager, this.ownUnitId(actor)),
    );
  }

  async saveApplication(actor: Actor, dto: SaveApplicationDto): Promise<InstitutionDto> {
    if (!validCreditCode(dto.creditCode)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'creditCode: 统一社会信用代码校验位错误 (bad check character)',
        400,
        [{ field: 'creditCode', problems: ['bad check character'] }],
      );
    }
    return this.ds.transaction(async (em) => {
      const profile = await this.lockProfile(em, this.ownUnitId(actor), true);
      if (!institutionTransition(profile.status, 'edit'))
        throw illegalTransition('edit', profile.status);
      const other = await em.findOneBy(InstitutionProfile, { creditCode: dto.creditCode });
      if (other && other.orgUnitId !== profile.orgUnitId) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'creditCode: 该信用代码已被其他机构使用 (credit code in use)',
          409,
          [{ field: 'creditCode', problems: ['taken'] }],
        );
      }
      await em.update(
        InstitutionProfile,
        { orgUnitId: profile.orgUnitId },
        {
          legalName: dto.legalName.trim(),
          creditCode: dto.creditCode,
          kind: dto.kind,
          address: dto.address.trim(),
          contactName: dto.contactName.trim(),
          contactPhoneEnc: this.cipher.seal(CONTACT_PHONE, dto.contactPhone.trim()),
          contactPhoneMasked: maskPhone(dto.contactPhone),
          annualCapacity: dto.annualCapacity,
          description: dto.description ?? null,
        },
      );
      await this.audit.record(em, actor, {
        action: 'institution.application_saved',
        entityType: 'institution',
        entityId: profile.orgUnitId,
      });
      return this.present(
        em,
        await em.findOneByOrFail(InstitutionProfile, { orgUnitId: profile.orgUnitId }),
      );
    });
  }

  async addDocument(actor: Actor, file: Express.Multer.File | undefined): Promise<DocumentDto> {
    const upload = requireFile(file, '证明材料');
    const name = uploadedFileName(upload);
    if (!DOCUMENT_NAME.test(name)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'file: 只接受 PDF、JPG 或 PNG (only PDF, JPG or PNG)',
        400,
        [{ field: 'file', problems: ['must be .pdf, .jpg or .png'] }],
      );
    }
    const stored = await this.files.put(upload.buffer, 'institution-document', { fileName: name });
    try {
      return await this.saveDocument(actor, name, stored);
    } catch (err) {
      await this.files.discard(stored.key);
      throw err;
    }
  }

  private saveDocument(actor: Actor, name: string, stored: StoredFile): Promise<DocumentDto> {
    return this.ds.transaction(async (em) => {
      const profile = await this.lockProfile(em, this.ownUnitId(actor), true);
      if (!institutionTransition(profile.status, 'edit'))
        throw illegalTransition('edit', profile.status);
      const doc = await em.save(
        em.create(InstitutionDocument, {
          institutionId: profile.orgUnitId,
          fileName: name.slice(0, 200),
          mimeType: stored.mime,
          sizeBytes: stored.size,
          fileKey: stored.key,
          fileSha256: stored.sha256,
          uploadedBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'institution.document_added',
        entityType: 'institution',
        entityId: profile.orgUnitId,
        data: {
          documentId: doc.id,
          fileName: doc.fileName,
          sizeBytes: doc.sizeBytes,
          sha256: doc.fileSha256,
        },
      });
      return {
        id: doc.id,
        fileName: doc.fileName,
        mimeType: doc.mimeType,
        sizeBytes: doc.sizeBytes,
        uploadedAt: doc.uploadedAt,
      };
    });
  }

  async removeDocument(actor: Actor, documentId: string): Promise<void> {
    const fileKey = await this.ds.transaction(async (em) => {
      const profile = await this.lockProfile(em, this.ownUnitId(actor), true);
      if (!institutionTransition(profile.status, 'edit'))
        throw illegalTransition('edit', profile.status);
      const doc = await em.findOneBy(InstitutionDocument, {
        id: documentId,
        institutionId: profile.orgUnitId,
      });
      if (!doc) throw new NotFoundError('证明材料', documentId);
      await em.delete(InstitutionDocument, { id: doc.id });
      await this.audit.record(em, actor, {
        action: 'institution.document_removed',
        entityType: 'institution',
        entityId: profile.orgUnitId,
        data: { documentId },
      });
      return doc.fileKey;
    });
    // only once the row is gone for good
    await this.files.discard(fileKey);
  }

  async submit(actor: Actor): Promise<InstitutionDto> {
    return this.ds.transaction(async (em) => {
      const profile = await this.lockProfile(em, this.ownUnitId(actor), true);
      const to = institutionTransition(profile.status, 'submit');
      if (!to) throw illegalTransition('submit', profile.status);
      const missing = (
        [
          'legalName',
          'creditCode',
          'kind',
          'address',
          'contactName',
          'contactPhoneEnc',
          'annualCapacity',
        ] as const
      )
        .filter((k) => profile[k] === null)
        .map((k) => (k === 'contactPhoneEnc' ? 'contactPhone' : k));
      const documents = await em.countBy(InstitutionDocument, { institutionId: profile.orgUnitId });
      if (missing.length || documents === 0) {
        throw new DomainError(
          'APPLICATION_INCOMPLETE',
          `申请不完整，不能提交 (incomplete): ${[...missing, ...(documents ? [] : ['documents'])].join(', ')}`,
          400,
          [...missing, ...(documents ? [] : ['documents'])].map((field) => ({
            field,
            problems: ['required'],
          })),
        );
      }
      await this.step(em, actor, profile, 'submit', to, null, { submittedAt: new Date() });
      return this.present(
        em,
        await em.findOneByOrFail(InstitutionProfile, { orgUnitId: profile.orgUnitId }),
      );
    });
  }

  // -- municipal bureau --------------------------------------------------------

  /** Applications waiting for the municipal bureau, oldest first. */
  async queue(): Promise<ReviewQueueDto> {
    const rows = await this.ds
      .getRepository(InstitutionProfile)
      .createQueryBuilder('p')
      .innerJoin(OrgUnit, 'u', 'u.id = p.org_unit_id')
      .select(['p.org_unit_id as id', 'u.name as name', 'p.submitted_at as "submittedAt"'])
      .where(`p.status = 'pending'`)
      .orderBy('p.submitted_at', 'ASC')
      .getRawMany<{ id: string; name: string; submittedAt: Date }>();
    const now = Date.now();
    return {
      count: rows.length,
      items: rows.map((r) => ({
        ...r,
        daysWaiting: Math.floor((now - new Date(r.submittedAt).getTime()) / 86_400_000),
      })),
    };
  }

  async review(actor: Actor, id: string, dto: ReviewDto): Promise<InstitutionDto> {
    return this.ds.transaction(async (em) => {
      const profile = await this.lockProfile(em, id, false);
      const to = institutionTransition(profile.status, dto.decision);
      if (!to) throw illegalTransition(dto.decision, profile.status);
      let extra: Partial<InstitutionProfile> = {};
      if (dto.decision === 'approve') {
        await em.query('select pg_advisory_xact_lock($1)', [FILING_LOCK_KEY]);
        const year = localYear(new Date(), this.config.timezone);
        const prefix = await this.filingPrefix(em, id);
        const [{ n }] = await em.query<{ n: number }[]>(
          `select count(*)::int as n from institution_profile where filing_number like $1`,
          [`${prefix}培备〔${year}〕%`],
        );
        extra = { filingNumber: filingNumber(prefix, year, n + 1), filedAt: new Date() };
      }
      await this.step(em, actor, profile, dto.decision, to, dto.reason ?? null, extra);
      return this.present(em, await em.findOneByOrFail(InstitutionProfile, { orgUnitId: id }));
    });
  }

  async suspend(
    actor: Actor,
    id: string,
    reason: string,
    action: 'suspend' | 'reinstate',
  ): Promise<InstitutionDto> {
    return this.ds.transaction(async (em) => {
      const profile = await this.lockProfile(em, id, false);
      const to = institutionTransition(profile.status, action);
      if (!to) throw illegalTransition(action, profile.status);
      await this.step(em, actor, profile, action, to, reason, {});
      return this.present(em, await em.findOneByOrFail(InstitutionProfile, { orgUnitId: id }));
    });
  }

  // -- reading -----------------------------------------------------------------

  /** The municipal bureau and district bureaus (who commission) see any institution; staff their own. */
  async get(actor: Actor, id: string): Promise<InstitutionDto> {
    if ((actor.role === 'institution_staff' || actor.role === 'teacher') && actor.orgId !== id) {
      throw new NotFoundError('培训机构', id);
    }
    const unit = await this.ds.getRepository(OrgUnit).findOneBy({ id, kind: 'institution' });
    if (!unit) throw new NotFoundError('培训机构', id);
    const profile = await this.ds.getRepository(InstitutionProfile).findOneBy({ orgUnitId: id });
    // districts commission filed institutions; applications in progress are between the institution and the bureau
    if (
      actor.role === 'district_admin' &&
      !['approved', 'suspended'].includes(profile?.status ?? 'draft')
    ) {
      throw new NotFoundError('培训机构', id);
    }
    return this.present(this.ds.manager, profile ?? this.blank(id));
  }

  async document(
    actor: Actor,
    id: string,
    documentId: string,
  ): Promise<{ content: Readable; fileName: string; mimeType: string; sizeBytes: number }> {
    if (actor.role !== 'municipal_admin' && actor.orgId !== id)
      throw new NotFoundError('证明材料', documentId);
    const doc = await this.ds
      .getRepository(InstitutionDocument)
      .findOneBy({ id: documentId, institutionId: id });
    if (!doc) throw new NotFoundError('证明材料', documentId);
    return {
      content: await this.files.get(doc.fileKey),
      fileName: doc.fileName,
      mimeType: doc.mimeType,
      sizeBytes: doc.sizeBytes,
    };
  }

  /** The public list of filed (approved, not suspended) institutions; or the suspended ones. */
  async filed(status: 'approved' | 'suspended' = 'approved'): Promise<FiledInstitutionDto[]> {
    return this.ds
      .getRepository(InstitutionProfile)
      .createQueryBuilder('p')
      .innerJoin(OrgUnit, 'u', 'u.id = p.org_unit_id')
      .select([
        'p.org_unit_id as id',
        'u.name as name',
        'p.filing_number as "filingNumber"',
        'p.kind as kind',
        'p.address as address',
        'p.filed_at as "filedAt"',
      ])
      .where(`p.status = :status and u.active`, { status })
      .orderBy('p.filing_number')
      .getRawMany<FiledInstitutionDto>();
  }

  /** For the planning workflow: may this institution be commissioned now? */
  async commissionable(em: EntityManager, id: string): Promise<boolean> {
    // FOR SHARE: a suspension committing meanwhile waits for (or is seen by) the caller's transaction
    const [row] = await em.query<{ status: string; active: boolean }[]>(
      `select p.status, u.active from institution_profile p join org_unit u on u.id = p.org_unit_id
        where p.org_unit_id = $1 for share of p`,
      [id],
    );
    return !!row && row.active && isCommissionable(row.status as InstitutionProfile['status']);
  }

  // -- helpers -------------------------------------------------------------------

  private ownUnitId(actor: Actor): string {
    if (actor.role !== 'institution_staff' || !actor.orgId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_SCOPE,
        '只有培训机构账号可以办理 (institution accounts only)',
        403,
      );
    }
    return actor.orgId;
  }

  private blank(id: string): InstitutionProfile {
    return Object.assign(new InstitutionProfile(), {
      orgUnitId: id,
      status: 'draft',
      legalName: null,
      creditCode: null,
      kind: null,
      address: null,
      contactName: null,
      contactPhoneEnc: null,
      contactPhoneMasked: null,
      annualCapacity: null,
      description: null,
      filingNumber: null,
      filedAt: null,
      submittedAt: null,
      lastReason: null,
    });
  }

  private async ensureProfile(em: EntityManager, id: string): Promise<InstitutionProfile> {
    await em
      .createQueryBuilder()
      .insert()
      .into(InstitutionProfile)
      .values({ orgUnitId: id })
      .orIgnore()
      .execute();
    return em.findOneByOrFail(InstitutionProfile, { orgUnitId: id });
  }

  /** Locks the profile row (creating it first for the institution's own staff). */
  private async lockProfile(
    em: EntityManager,
    id: string,
    create: boolean,
  ): Promise<InstitutionProfile> {
    if (create) await this.ensureProfile(em, id);
    const profile = await em.findOne(InstitutionProfile, {
      where: { orgUnitId: id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!profile) throw new NotFoundError('培训机构', id);
    return profile;
  }

  private async step(
    em: EntityManager,
    actor: Actor,
    profile: InstitutionProfile,
    action: InstitutionAction,
    to: InstitutionProfile['status'],
    reason: string | null,
    extra: Partial<InstitutionProfile>,
  ): Promise<void> {
    await em.update(
      InstitutionProfile,
      { orgUnitId: profile.orgUnitId },
      {
        status: to,
        ...(reason !== null && action !== 'submit' ? { lastReason: reason } : {}),
        ...extra,
      },
    );
    await em.insert(InstitutionReview, {
      institutionId: profile.orgUnitId,
      action,
      fromStatus: profile.status,
      toStatus: to,
      reason,
      actorAccountId: actor.accountId,
    });
    await this.audit.record(em, actor, {
      action: `institution.${action}`,
      entityType: 'institution',
      entityId: profile.orgUnitId,
      data: {
        from: profile.status,
        to,
        reason,
        ...(extra.filingNumber ? { filingNumber: extra.filingNumber } : {}),
      },
    });
  }

  /** The region's filing-number prefix (北京 → 京, 沈阳 → 沈); REGION_UNSUPPORTED when the table does not know it. */
  private async filingPrefix(em: EntityManager, id: string): Promise<string> {
    return (await regionOfUnit(em, id)).filingPrefix;
  }

  private async present(em: EntityManager, p: InstitutionProfile): Promise<InstitutionDto> {
    const unit = await em.findOneByOrFail(OrgUnit, { id: p.orgUnitId });
    const documents = await em.find(InstitutionDocument, {
      where: { institutionId: p.orgUnitId },
      order: { uploadedAt: 'ASC' },
    });
    const history = await em.find(InstitutionReview, {
      where: { institutionId: p.orgUnitId },
      order: { at: 'ASC' },
    });
    return {
      id: p.orgUnitId,
      name: unit.name,
      status: p.status,
      legalName: p.legalName,
      creditCode: p.creditCode,
      kind: p.kind,
      address: p.address,
      contactName: p.contactName,
      // present() serves the institution itself, the bureau and commissioning districts
      contactPhone: p.contactPhoneEnc ? this.cipher.open(CONTACT_PHONE, p.contactPhoneEnc) : null,
      annualCapacity: p.annualCapacity,
      description: p.description,
      filingNumber: p.filingNumber,
      filedAt: p.filedAt,
      submittedAt: p.submittedAt,
      lastReason: p.lastReason,
      commissionable: isCommissionable(p.status) && unit.active,
      documents: documents.map((d) => ({
        id: d.id,
        fileName: d.fileName,
        mimeType: d.mimeType,
        sizeBytes: d.sizeBytes,
        uploadedAt: d.uploadedAt,
      })),
      history: history.map((h) => ({
        action: h.action,
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        reason: h.reason,
        actorAccountId: h.actorAccountId,
        at: h.at,
      })),
    };
  }
}
