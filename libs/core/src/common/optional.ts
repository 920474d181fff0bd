import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when it is sent it must be valid: unlike
 * @IsOptional(), `null` is checked (and refused) rather than let through to a
 * NOT NULL column.
 */
export const OptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_o, value) => value !== undefined);
