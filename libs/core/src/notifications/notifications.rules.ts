import { maskSensitiveText } from '../logging/mask';

/**
 * Pure rules of the notification outbox: kinds and their channels, the retry
 * schedule, what may go into a notification, and the list's keyset cursor.
 */

/** The channel every notification goes through: the recipient's list in the app. */
export const IN_APP_CHANNEL = 'in_app';

/**
 * Kinds the platform sends, named `<area>.<event>` (lower case, snake_case
 * words). A feature adds its kinds here; a kind that is not listed is still
 * accepted when it has that shape (it then goes in-app only, unless routed).
 */
export const NotificationKind = {
  /** A session of a class changed after enrolment opened (libs/classes). */
  ClassSessionChanged: 'class.session_changed',
  /** A waitlisted worker is offered a place, with a deadline to accept (libs/enrollment). */
  EnrollmentPlaceOffered: 'enrollment.place_offered',
  /** The bureau refused an advanced-study nomination (libs/enrollment). */
  NominationRefused: 'nomination.refused',
  /** A session a trainee attended has ended: its post-class evaluation is open (libs/evaluations). */
  EvaluationOpen: 'evaluation.open',
  /** A worker is invited to the year-end training-needs survey (libs/surveys). */
  SurveyInvited: 'survey.invited',
  /** A reminder to an invited worker who has not submitted the survey yet (libs/surveys). */
  SurveyReminder: 'survey.reminder',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** Channels a kind uses besides in-app (e.g. `{ 'enrollment.place_offered': ['sms'] }`). */
export type NotificationRoutes = Readonly<Record<string, readonly string[]>>;

/**
 * The routing table. Every kind goes in-app; a kind listed here also goes
 * through the channels it names, each of which needs an adapter in the worker
 * (the worker refuses to start otherwise). No SMS or e-mail adapter exists yet.
 */
export const NOTIFICATION_ROUTES: NotificationRoutes = {};

const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const CHANNEL = /^[a-z][a-z0-9_]{0,19}$/;

export function isNotificationKind(kind: string): boolean {
  return kind.length <= 80 && KIND.test(kind);
}

export function isChannelName(name: string): boolean {
  return CHANNEL.test(name);
}

/** The channels of a kind: in-app first, then the routed ones, each once. */
export function channelsFor(kind: string, routes: NotificationRoutes): string[] {
  return [...new Set([IN_APP_CHANNEL, ...(routes[kind] ?? [])])];
}

// ---------------------------------------------------------------- delivery retries

/** Attempts per delivery before it is marked failed. */
export const DELIVERY_MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 10_000;
const RETRY_FACTOR = 3;
const RETRY_CAP_MS = 3_600_000;

/**
 * What follows the failure of attempt `attempt` (1-based): a retry after a
 * delay (10 s, 30 s, 90 s, … ×3, at most an hour), or, after the last
 * attempt, the end (the delivery is marked failed).
 */
export function afterFailedAttempt(
  attempt: number,
  maxAttempts = DELIVERY_MAX_ATTEMPTS,
): { final: true } | { final: false; delayMs: number } {
  if (attempt >= maxAttempts) return { final: true };
  const delayMs = Math.min(
    RETRY_CAP_MS,
    RETRY_BASE_MS * RETRY_FACTOR ** (Math.max(attempt, 1) - 1),
  );
  return { final: false, delayMs };
}

// ---------------------------------------------------------------- content

export const TITLE_MAX = 100;
export const BODY_MAX = 1000;
export const ERROR_MAX = 200;
const DATA_MAX_JSON = 2000;
const DATA_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export type NotificationData = Record<string, string | number | boolean | null>;

/**
 * Text as it is stored: ID and phone numbers masked (a reason typed by a user
 * may hold one), surrounding blanks trimmed, cut to `max` characters (code
 * points, as PostgreSQL counts them) with an ellipsis.
 */
export function notificationText(text: string, max: number): string {
  const chars = [...maskSensitiveText(text).trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/** A delivery error as it is stored: masked, one line, at most ERROR_MAX characters. */
export function deliveryError(err: unknown): string {
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return notificationText(raw.replace(/\s+/g, ' '), ERROR_MAX);
}

/**
 * Checks the deep-link data of a notification: flat (string, number, boolean
 * or null values), short keys, at most 2,000 characters as JSON; strings are
 * masked like the text. Throws on a programming error.
 */
export function notificationData(data: NotificationData | undefined): NotificationData {
  const out: NotificationData = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (!DATA_KEY.test(key)) throw new Error(`notification data key "${key}" is not a short name`);
    if (typeof value === 'string') out[key] = maskSensitiveText(value);
    else if (
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    )
      out[key] = value;
    else throw new Error(`notification data "${key}" must be a string, number, boolean or null`);
  }
  if (JSON.stringify(out).length > DATA_MAX_JSON)
    throw new Error(`notification data is longer than ${DATA_MAX_JSON} characters as JSON`);
  return out;
}

// ---------------------------------------------------------------- keyset cursor

/** `<created_at as microseconds since 1970>_<id>`: exact, unlike a JavaScript Date. */
export const CURSOR_PATTERN =
  /^(\d{1,16})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(createdMicros: string, id: string): string {
  return `${createdMicros}_${id}`;
}

export function decodeCursor(cursor: string): { createdMicros: string; id: string } | null {
  const m = CURSOR_PATTERN.exec(cursor);
  return m ? { createdMicros: m[1], id: m[2] } : null;
}
