import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { SERIAL_PATTERN } from '../exams.rules';

@ApiSchema({ name: 'CertificateReasonDto' })
export class ReasonDto {
  @ApiProperty({ description: '原因 (reason)' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class CertificateLookupQuery {
  @ApiProperty({
    description: '证书编号，如 BJPX-2026-000123 (serial, exact)',
    example: 'BJPX-2026-000123',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(SERIAL_PATTERN, { message: 'serial must look like BJPX-2026-000123' })
  serial: string;
}

export class VerifyQuery {
  @ApiProperty({ description: '二维码中的查验码 (the code in the QR link)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{4,16}$/, { message: 'c must be the code of the QR link' })
  c: string;
}

export class CertificateDto {
  @ApiProperty({ description: '证书 ID (certificate id)' }) id: string;
  @ApiProperty({ description: '证书编号 (serial, e.g. BJPX-2026-000123)' }) serial: string;
  @ApiProperty({
    description: '状态：有效 / 已撤销 / 已被换发 (valid / revoked / superseded)',
    enum: ['valid', 'revoked', 'superseded'],
  })
  status: string;
  @ApiProperty({
    description: '第几代：1 为首次发证，换发依次加一 (generation; reissues count up)',
  })
  generation: number;
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)' }) enrollmentId: string;
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({ description: '社区工作者（持证人）(the holder)' }) workerId: string;
  @ApiProperty({ description: '持证人姓名，发证时所载 (holder’s name as issued)' })
  holderName: string;
  @ApiProperty({ description: '脱敏身份证号 (masked ID number)' }) idNumberMasked: string;
  @ApiProperty({ description: '培训项目名称（班次名称）(project title)' }) projectTitle: string;
  @ApiProperty({ description: '培训类型 (training type)' }) typeLabel: string;
  @ApiProperty({ description: '计入学时（半学时）(credited half hours)' }) halfHours: number;
  @ApiProperty({ description: '培训开始日期 (first session, YYYY-MM-DD)' }) startDate: string;
  @ApiProperty({ description: '培训结束日期 (last session, YYYY-MM-DD)' }) endDate: string;
  @ApiProperty({ description: '培训机构名称 (institution)' }) institutionName: string;
  @ApiProperty({ description: '发证单位 (issuing authorities)', type: [String] })
  issuers: string[];
  @ApiProperty({ description: '发证日期 (date issued, YYYY-MM-DD)' }) issuedOn: string;
  @ApiProperty({ description: 'PDF 已生成 (the PDF is stored)' }) ready: boolean;
  @ApiProperty({
    description: 'PDF 文件的 SHA-256，未生成为 null (SHA-256 of the PDF)',
    nullable: true,
    type: String,
  })
  sha256: string | null;
  @ApiProperty({ description: '撤销时间 (revoked at, ISO 8601)', nullable: true, type: String })
  revokedAt: string | null;
  @ApiProperty({ description: '撤销原因 (reason revoked)', nullable: true, type: String })
  revokeReason: string | null;
  @ApiProperty({
    description: '二维码查验链接，PDF 生成后才有 (verification URL of the QR code)',
    nullable: true,
    type: String,
  })
  verifyUrl: string | null;
}

export class IssueRequestDto {
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({ description: '符合条件的学员数 (eligible trainees)' }) eligible: number;
  @ApiProperty({ description: '已发证 (already issued)' }) alreadyIssued: number;
  @ApiProperty({ description: '本次排队发证 (jobs queued now)' }) queued: number;
  @ApiProperty({
    description:
      '不符合条件的人数，按原因 (not eligible, by reason: not_enrolled / hours_not_met / not_passed)',
  })
  notEligible: Record<string, number>;
}

export class IssueProgressDto {
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({ description: '合格学员 (trainees who passed)' }) passed: number;
  @ApiProperty({ description: '已分配编号 (serials allocated)' }) allocated: number;
  @ApiProperty({ description: '已生成证书 (certificates with their PDF)' }) issued: number;
  @ApiProperty({ description: '排队中 (jobs waiting or running)' }) queued: number;
  @ApiProperty({ description: '失败 (jobs failed)' }) failed: number;
}

export class BundleDto {
  @ApiProperty({ description: '证书压缩包 ID (bundle id)' }) id: string;
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({
    description: '状态：生成中 / 已生成 / 失败 (pending / ready / failed)',
    enum: ['pending', 'ready', 'failed'],
  })
  status: string;
  @ApiProperty({ description: '证书总数（有效证书）(certificates to add)' }) total: number;
  @ApiProperty({ description: '已加入的证书数 (certificates added)' }) done: number;
  @ApiProperty({
    description: 'ZIP 文件大小（字节），未生成为 null (size in bytes)',
    nullable: true,
    type: Number,
  })
  size: number | null;
  @ApiProperty({
    description: 'ZIP 文件的 SHA-256，未生成为 null (SHA-256 of the ZIP)',
    nullable: true,
    type: String,
  })
  sha256: string | null;
  @ApiProperty({ description: '队列名 (queue)' }) queue: string;
  @ApiProperty({ description: '任务 ID：用 GET /api/v1/jobs/{queue}/{jobId} 查询进度 (job id)' })
  jobId: string;
}

export class VerificationDto {
  @ApiProperty({
    description:
      '查验结果：有效 / 已撤销 / 已被换发 / 无法查验（编号或查验码不符，或尚未生成）(valid / revoked / superseded / unknown)',
    enum: ['valid', 'revoked', 'superseded', 'unknown'],
  })
  status: string;
  @ApiProperty({ description: '证书编号 (serial)', nullable: true, type: String })
  serial: string | null;
  @ApiProperty({ nullable: true, type: String, description: '脱敏姓名 (masked name)' })
  name: string | null;
  @ApiProperty({ description: '培训项目名称 (project title)', nullable: true, type: String })
  projectTitle: string | null;
  @ApiProperty({ description: '培训类型 (training type)', nullable: true, type: String })
  typeLabel: string | null;
  @ApiProperty({ description: '学时（半学时）(half hours)', nullable: true, type: Number })
  halfHours: number | null;
  @ApiProperty({
    description: '培训开始日期 (start date, YYYY-MM-DD)',
    nullable: true,
    type: String,
  })
  startDate: string | null;
  @ApiProperty({ description: '培训结束日期 (end date, YYYY-MM-DD)', nullable: true, type: String })
  endDate: string | null;
  @ApiProperty({ description: '发证单位 (issuing authorities)', type: [String] })
  issuers: string[];
  @ApiProperty({
    description: '发证日期 (date issued, YYYY-MM-DD)',
    nullable: true,
    type: String,
  })
  issuedOn: string | null;
  @ApiProperty({
    description: 'PDF 文件的 SHA-256，用于核对文件 (SHA-256 of the issued PDF)',
    nullable: true,
    type: String,
  })
  sha256: string | null;
  @ApiProperty({ description: '撤销日期 (revoked on, YYYY-MM-DD)', nullable: true, type: String })
  revokedOn: string | null;
  @ApiProperty({
    description: '换发后的新证书编号 (serial of the reissue that supersedes it)',
    nullable: true,
    type: String,
  })
  supersededBy: string | null;
}

export class PdfCheckDto {
  @ApiProperty({ description: '证书查验结果 (the certificate as verified)', type: VerificationDto })
  verification: VerificationDto;
  @ApiProperty({
    description:
      '上传的文件与颁发的 PDF 逐字节一致（证书无法查验时为 false）(the upload is the issued PDF, byte for byte)',
  })
  matches: boolean;
  @ApiProperty({ description: '上传文件的 SHA-256 (SHA-256 of the upload)' })
  sha256: string;
}
