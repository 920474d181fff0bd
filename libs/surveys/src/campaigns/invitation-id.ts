import { createHash } from 'node:crypto';

/**
 * The id of a worker's invitation to a campaign: the MD5 of `survey-invitation:<campaign>:<worker>`
 * written as a UUID. The same pair always has the same id, in Node and in SQL, so that a
 * distribution that runs twice (a retry, a worker killed mid-run, the sweep) finds its
 * invitations instead of making new ones. (Ids, not secrets: MD5 is only a stable spread.)
 */
export function invitationId(campaignId: string, workerId: string): string {
  const h = createHash('md5')
    .update(`survey-invitation:${campaignId.toLowerCase()}:${workerId.toLowerCase()}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The same id in SQL, from a campaign id and a worker id expression (both uuid). */
export const invitationIdSql = (campaign: string, worker: string): string =>
  `md5('survey-invitation:' || ${campaign}::text || ':' || ${worker}::text)::uuid`;
