import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ description: '原因 (reason)' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class VerifyQuery {
  @ApiProperty({ description: '二维码中的查验码 (the code in the QR link)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{4,16}$/, { message: 'c must be the code of the QR link' })
  c: string;
}

export class CertificateDto {
  @ApiProperty() id: string;
  @ApiProperty() serial: string;
  @ApiProperty({ enum: ['valid', 'revoked', 'superseded'] }) status: string;
  @ApiProperty() generation: number;
  @ApiProperty() enrollmentId: string;
  @ApiProperty() classId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() holderName: string;
  @ApiProperty({ description: '脱敏身份证号 (masked ID number)' }) idNumberMasked: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty() halfHours: number;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty() institutionName: string;
  @ApiProperty({ type: [String] }) issuers: string[];
  @ApiProperty() issuedOn: string;
  @ApiProperty({ description: 'PDF 已生成 (the PDF is stored)' }) ready: boolean;
  @ApiProperty({ nullable: true, type: String }) sha256: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokeReason: string | null;
  @ApiProperty({ nullable: true, type: String }) verifyUrl: string | null;
}

export class IssueRequestDto {
  @ApiProperty() classId: string;
  @ApiProperty({ description: '符合条件的学员数 (eligible trainees)' }) eligible: number;
  @ApiProperty({ description: '已发证 (already issued)' }) alreadyIssued: number;
  @ApiProperty({ description: '本次排队发证 (jobs queued now)' }) queued: number;
  @ApiProperty({ description: '不符合条件 (not eligible), by reason' })
  notEligible: Record<string, number>;
}

export class IssueProgressDto {
  @ApiProperty() classId: string;
  @ApiProperty({ description: '合格学员 (trainees who passed)' }) passed: number;
  @ApiProperty({ description: '已分配编号 (serials allocated)' }) allocated: number;
  @ApiProperty({ description: '已生成证书 (certificates with their PDF)' }) issued: number;
  @ApiProperty({ description: '排队中 (jobs waiting or running)' }) queued: number;
  @ApiProperty({ description: '失败 (jobs failed)' }) failed: number;
}

export class BundleDto {
  @ApiProperty() id: string;
  @ApiProperty() classId: string;
  @ApiProperty({ enum: ['pending', 'ready', 'failed'] }) status: string;
  @ApiProperty() total: number;
  @ApiProperty() done: number;
  @ApiProperty({ nullable: true, type: Number }) size: number | null;
  @ApiProperty({ nullable: true, type: String }) sha256: string | null;
  @ApiProperty() queue: string;
  @ApiProperty() jobId: string;
}

export class VerificationDto {
  @ApiProperty({ enum: ['valid', 'revoked', 'superseded', 'unknown'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) serial: string | null;
  @ApiProperty({ nullable: true, type: String, description: '脱敏姓名 (masked name)' })
  name: string | null;
  @ApiProperty({ nullable: true, type: String }) projectTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) typeLabel: string | null;
  @ApiProperty({ nullable: true, type: Number }) halfHours: number | null;
  @ApiProperty({ nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ type: [String] }) issuers: string[];
  @ApiProperty({ nullable: true, type: String }) issuedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) sha256: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) supersededBy: string | null;
}
