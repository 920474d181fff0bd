import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { INSTITUTION_KINDS, InstitutionKind } from './institution.entity';

export class SaveApplicationDto {
  @ApiProperty({ description: '法人名称 (legal name)', example: '北京社会管理职业学院' })
  @IsString()
  @Length(2, 100)
  legalName: string;

  @ApiProperty({
    description: '统一社会信用代码，18 位 (unified social credit code)',
    example: '12100000400000624D',
  })
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, {
    message: 'creditCode must be 18 characters of the credit-code alphabet',
  })
  creditCode: string;

  @ApiProperty({ description: '机构类别 (kind)', enum: INSTITUTION_KINDS })
  @IsIn(INSTITUTION_KINDS)
  kind: InstitutionKind;

  @ApiProperty({ description: '地址 (address)' })
  @IsString()
  @Length(2, 200)
  address: string;

  @ApiProperty({ description: '联系人 (contact)' })
  @IsString()
  @Length(1, 50)
  contactName: string;

  @ApiProperty({ description: '联系电话 (contact phone)' })
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'contactPhone must be 5-20 digits' })
  contactPhone: string;

  @ApiProperty({ description: '年培训能力（人次）(training places a year)', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  annualCapacity: number;

  @ApiPropertyOptional({ description: '机构简介、师资与场地 (description: teachers, premises)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class ReviewDto {
  @ApiProperty({
    description: '审核决定 (decision)',
    enum: ['approve', 'reject', 'request_changes'],
  })
  @IsIn(['approve', 'reject', 'request_changes'])
  decision: 'approve' | 'reject' | 'request_changes';

  @ApiPropertyOptional({
    description: '理由；驳回和要求修改时必填 (reason; required unless approving)',
  })
  @ValidateIf((o: ReviewDto) => o.decision !== 'approve' || o.reason !== undefined)
  @IsString()
  @Length(2, 500)
  reason?: string;
}

export class ReasonDto {
  @ApiProperty({ description: '理由 (reason)' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class DocumentDto {
  @ApiProperty({ description: 'ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '文件名 (file name)' }) fileName: string;
  @ApiProperty({ description: '类型 (MIME type)' }) mimeType: string;
  @ApiProperty({ description: '大小（字节）(size)' }) sizeBytes: number;
  @ApiProperty({ description: '上传时间', format: 'date-time' }) uploadedAt: Date;
}

export class ReviewStepDto {
  @ApiProperty({ description: '操作 (action)' }) action: string;
  @ApiProperty({ description: '原状态 (from)' }) fromStatus: string;
  @ApiProperty({ description: '新状态 (to)' }) toStatus: string;
  @ApiProperty({ description: '理由 (reason)', nullable: true, type: String }) reason:
    string | null;
  @ApiProperty({ description: '操作人 (by)' }) actorAccountId: string;
  @ApiProperty({ description: '时间', format: 'date-time' }) at: Date;
}

export class InstitutionDto {
  @ApiProperty({ description: '机构 ID（组织 ID）(institution = org unit id)', format: 'uuid' })
  id: string;
  @ApiProperty({ description: '名称 (name)' }) name: string;
  @ApiProperty({
    description: '状态 draft / pending / changes_requested / rejected / approved / suspended',
  })
  status: string;
  @ApiProperty({ description: '法人名称', nullable: true, type: String }) legalName: string | null;
  @ApiProperty({ description: '统一社会信用代码', nullable: true, type: String }) creditCode:
    string | null;
  @ApiProperty({ description: '类别', nullable: true, type: String }) kind: string | null;
  @ApiProperty({ description: '地址', nullable: true, type: String }) address: string | null;
  @ApiProperty({ description: '联系人', nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ description: '联系电话', nullable: true, type: String }) contactPhone:
    string | null;
  @ApiProperty({ description: '年培训能力', nullable: true, type: Number }) annualCapacity:
    number | null;
  @ApiProperty({ description: '简介', nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: '备案号 (filing number)', nullable: true, type: String })
  filingNumber: string | null;
  @ApiProperty({ description: '备案时间', nullable: true, type: String, format: 'date-time' })
  filedAt: Date | null;
  @ApiProperty({ description: '提交时间', nullable: true, type: String, format: 'date-time' })
  submittedAt: Date | null;
  @ApiProperty({ description: '最近一次驳回/要求修改/暂停的理由', nullable: true, type: String })
  lastReason: string | null;
  @ApiProperty({ description: '可否委托办班 (may be commissioned)' }) commissionable: boolean;
  @ApiProperty({ description: '证明材料 (documents)', type: [DocumentDto] })
  documents: DocumentDto[];
  @ApiProperty({ description: '审核记录，旧的在前 (workflow history)', type: [ReviewStepDto] })
  history: ReviewStepDto[];
}

export class FiledInstitutionDto {
  @ApiProperty({ description: '机构 ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '名称' }) name: string;
  @ApiProperty({ description: '备案号' }) filingNumber: string;
  @ApiProperty({ description: '类别' }) kind: string;
  @ApiProperty({ description: '地址' }) address: string;
  @ApiProperty({ description: '备案时间', format: 'date-time' }) filedAt: Date;
}

export class QueueItemDto {
  @ApiProperty({ description: '机构 ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '名称' }) name: string;
  @ApiProperty({ description: '提交时间', format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ description: '已等待天数 (days waiting)' }) daysWaiting: number;
}

export class ReviewQueueDto {
  @ApiProperty({ description: '待审数量 (pending count)' }) count: number;
  @ApiProperty({ description: '待审申请，最早提交的在前 (oldest first)', type: [QueueItemDto] })
  items: QueueItemDto[];
}
