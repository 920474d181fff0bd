import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import {
  getMetadataStorage,
  validateSync,
  ValidationTypes,
  ValidatorOptions,
} from 'class-validator';

type Dto = new () => object;

const STRIPPED = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Nest's ValidationPipe (the one validation of every body, query and path parameter), with a
 * shorter way to the same answer for the common request: a JSON body or a query whose every
 * field is a plain value (string, number, boolean or null) named by a rule of a "flat" DTO —
 * one whose class-transformer would copy each field as it is (no @Type, @Transform, @Expose
 * or @Exclude) and whose class-validator rules are all synchronous and none nested.
 *
 * For such a value class-transformer's `plainToInstance` is `new Dto()` plus the fields, and
 * class-validator's `validate` is `validateSync` wrapped in a promise; the pipe does exactly
 * that, synchronously. Anything else — a nested or array field, a field no rule names, a class
 * that is not flat, and every value that fails validation (so the error is built one way
 * only) — goes through ValidationPipe itself. Values of custom decorators (the caller) are
 * returned as they are, as ValidationPipe does without `validateCustomDecorators`.
 *
 * Why: on a small request (a check-in) the transformer's walk over the class's metadata and
 * the promises around the validator were about a tenth of the API's CPU.
 */
export class DtoValidationPipe extends ValidationPipe {
  /** Per DTO class: the names of its fields when it is flat, null when it is not. */
  private readonly flat = new WeakMap<object, ReadonlySet<string> | null>();
  private readonly syncOptions: ValidatorOptions;
  private readonly passesCustom: boolean;

  constructor(options: ValidationPipeOptions = {}) {
    super(options);
    this.passesCustom = !options.validateCustomDecorators;
    // as ValidationPipe passes them to the validator
    this.syncOptions = {
      ...this.validatorOptions,
      validationError: { target: false, ...this.validatorOptions.validationError },
    };
  }

  // ValidationPipe's transform returns a promise; a pipe may return the value itself (Nest
  // awaits either), which spares the request a turn of the microtask queue
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the base class says Promise<any>
  override transform(value: unknown, metadata: ArgumentMetadata): any {
    if (metadata.type === 'custom' && this.passesCustom) return value;
    return this.quickly(value, metadata) ?? super.transform(value, metadata);
  }

  /** The validated instance, or null when ValidationPipe must decide. */
  private quickly(value: unknown, metadata: ArgumentMetadata): object | null {
    if (!this.isTransformEnabled || (metadata.type !== 'body' && metadata.type !== 'query')) {
      return null;
    }
    const metatype = metadata.metatype as Dto | undefined;
    if (!metatype || !this.toValidate(metadata)) return null;
    if (typeof value !== 'object' || value === null) return null;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return null;
    const fields = this.fieldsOf(metatype);
    if (!fields) return null;
    const entity = new metatype() as Record<string, unknown>;
    const source = value as Record<string, unknown>;
    for (const key of Object.keys(source)) {
      const v = source[key];
      if (!fields.has(key) || (v !== null && typeof v === 'object') || typeof v === 'function') {
        return null;
      }
      entity[key] = v;
    }
    if (validateSync(entity, this.syncOptions).length > 0) return null;
    return entity;
  }

  private fieldsOf(metatype: Dto): ReadonlySet<string> | null {
    let fields = this.flat.get(metatype);
    if (fields === undefined) {
      fields = flatFields(metatype);
      this.flat.set(metatype, fields);
    }
    return fields;
  }
}

/** The fields of a flat DTO class (see DtoValidationPipe), or null when it is not flat. */
export function flatFields(metatype: Dto): ReadonlySet<string> | null {
  const storage = getMetadataStorage();
  const rules = storage.getTargetValidationMetadatas(metatype, '', false, false);
  if (rules.length === 0) return null;
  const fields = new Set<string>();
  for (const rule of rules) {
    if (
      rule.type === ValidationTypes.NESTED_VALIDATION ||
      rule.type === ValidationTypes.PROMISE_VALIDATION ||
      rule.each ||
      (rule.type === ValidationTypes.CUSTOM_VALIDATION &&
        rule.constraintCls &&
        storage.getTargetValidatorConstraints(rule.constraintCls).some((c) => c.async))
    ) {
      return null;
    }
    // keys that ValidationPipe strips from every value before the transformer sees it
    if (STRIPPED.has(rule.propertyName)) return null;
    fields.add(rule.propertyName);
  }
  const t = defaultMetadataStorage;
  if (
    t.getStrategy(metatype) !== 'none' ||
    t.getExposedMetadatas(metatype).length > 0 ||
    t.getExcludedMetadatas(metatype).length > 0
  ) {
    return null;
  }
  for (const field of fields) {
    if (
      t.findTypeMetadata(metatype, field) ||
      t.findTransformMetadatas(metatype, field, TransformationType.PLAIN_TO_CLASS).length > 0
    ) {
      return null;
    }
    // class-transformer leaves alone a field that the class defines as a getter or a method
    const descriptor = Object.getOwnPropertyDescriptor(metatype.prototype, field);
    if (descriptor) return null;
  }
  return fields;
}
