import 'reflect-metadata';
import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { ValidateBy, type ValidationError } from 'class-validator';

/**
 * Request validation for every alerting route (issue 5 §5): unknown fields are refused, values
 * are converted to their DTO types, and every rejection is a 400 whose `fields` name each field
 * with its problems, so a client can put the message next to the input that caused it.
 */
export interface FieldProblems {
  readonly field: string;
  readonly problems: readonly string[];
}

export interface ValidationFailureBody {
  readonly statusCode: 400;
  readonly error: 'Bad Request';
  readonly message: readonly string[];
  readonly fields: readonly FieldProblems[];
}

/** Depth first, in report order; nested fields are written `a.b`, array elements `a[3]`. */
export const fieldProblemsOf = (
  errors: readonly ValidationError[],
  parent = '',
  inArray = false,
): FieldProblems[] =>
  errors.flatMap((error) => {
    const field = inArray
      ? `${parent}[${error.property}]`
      : parent === ''
        ? error.property
        : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {});
    const nested = fieldProblemsOf(error.children ?? [], field, Array.isArray(error.value));
    return own.length > 0 ? [{ field, problems: own }, ...nested] : nested;
  });

export const validationFailure = (fields: readonly FieldProblems[]): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.flatMap((f) => f.problems),
    fields,
  } satisfies ValidationFailureBody);

/** A 400 for one field found wrong after the DTO checks (an unreadable cursor, say). */
export const badField = (field: string, problem: string): BadRequestException =>
  validationFailure([{ field, problems: [problem] }]);

export const alertingValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationFailure(fieldProblemsOf(errors)),
  });

/** An instant with its offset, as events carry them: `2024-06-03T10:00:00+08:00`. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
      defaultMessage: () =>
        '$property must be an ISO-8601 date string with a time and an offset, such as 2024-06-03T10:00:00+08:00',
    },
  });

/** Instants are compared as strings in the domain: one form, UTC. */
export const utcInstant = (value: string): string => new Date(value).toISOString();

/** A string of `min..max` characters (code points: a Chinese name is as long as it looks). */
export const isText = (value: unknown, max: number, min = 1): value is string =>
  typeof value === 'string' && [...value].length >= min && [...value].length <= max;

/** Free text written by staff: one rule, one message naming the field and the bounds. */
export const Text = (max: number, min = 1): PropertyDecorator =>
  ValidateBy({
    name: 'isText',
    validator: {
      validate: (value: unknown) => isText(value, max, min),
      defaultMessage: () => `$property must be a string of ${min} to ${max} characters`,
    },
  });

/** Ids of staff, teams, alerts: 1..64 characters, as elsewhere in the system. */
export const MAX_ID_LENGTH = 64;
export const Id = (): PropertyDecorator => Text(MAX_ID_LENGTH);
