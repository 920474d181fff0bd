import { ApiProperty } from '@nestjs/swagger';
import { JobRefDto } from '../campaigns/campaign.dto';

export type ReportFile = 'xlsx' | 'pdf';

export class ReportSummaryDto {
  @ApiProperty({ description: '报告版本 ID (report version id)', format: 'uuid' }) id: string;
  @ApiProperty({ description: '调查 ID (campaign id)', format: 'uuid' }) campaignId: string;
  @ApiProperty({ description: '版本号，每次汇总加一 (version number)' }) number: number;
  @ApiProperty({
    description: 'interim 中期（调查进行中）、final 最终（截止后）(kind)',
    enum: ['interim', 'final'],
  })
  kind: string;
  @ApiProperty({
    description:
      'pending 待汇总、aggregated 已汇总（文件生成中）、ready 可下载、failed 失败 (status)',
    enum: ['pending', 'aggregated', 'ready', 'failed'],
  })
  status: string;
  @ApiProperty({ description: '发起时间 (requested at)', format: 'date-time' }) requestedAt: Date;
  @ApiProperty({
    description: '统计截至（数据快照时间）(snapshot time)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  asOf: Date | null;
  @ApiProperty({ description: '提交人数 (respondents)', nullable: true, type: Number })
  respondents: number | null;
  @ApiProperty({ description: '邀请人数 (invited)', nullable: true, type: Number })
  invited: number | null;
  @ApiProperty({ description: '失败原因 (why it failed)', nullable: true, type: String })
  error: string | null;
  @ApiProperty({ description: '汇总与生成任务 (the job to poll)', type: JobRefDto }) job: JobRefDto;
}

export class ReportDto extends ReportSummaryDto {
  @ApiProperty({
    description:
      '汇总结果（匿名：人数与比例、排名、高频词、回收率、各区培训项目需求；结构见 libs/surveys/src/reports/report.types.ts）(the counts)',
    type: Object,
    nullable: true,
  })
  data: object | null;
}
