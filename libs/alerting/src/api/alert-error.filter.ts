import { AlertError, type AlertErrorCode } from '@churn/domain-alert';
import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/**
 * The one place alert error codes become HTTP (STYLE.md): a missing alert is 404, acting without
 * authority 403, a value the rules refuse 422, and the rest are conflicts with the alert's state.
 */
const STATUS_BY_CODE: Partial<Record<AlertErrorCode, HttpStatus>> = {
  'alert-not-found': HttpStatus.NOT_FOUND,
  'not-holder-or-superior': HttpStatus.FORBIDDEN,
  'not-staff': HttpStatus.FORBIDDEN,
  'snooze-in-past': HttpStatus.UNPROCESSABLE_ENTITY,
  'snooze-too-long': HttpStatus.UNPROCESSABLE_ENTITY,
  'reason-text-required': HttpStatus.UNPROCESSABLE_ENTITY,
  'unknown-recipient': HttpStatus.UNPROCESSABLE_ENTITY,
  'same-holder': HttpStatus.UNPROCESSABLE_ENTITY,
};

const ERROR_NAMES: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Unprocessable Entity',
  [HttpStatus.CONFLICT]: 'Conflict',
};

export const httpStatusOf = (code: AlertErrorCode): HttpStatus =>
  STATUS_BY_CODE[code] ?? HttpStatus.CONFLICT;

export interface AlertErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: AlertErrorCode;
  readonly message: string;
}

export const alertErrorBody = (error: AlertError): AlertErrorBody => {
  const statusCode = httpStatusOf(error.code);
  return {
    statusCode,
    error: ERROR_NAMES[statusCode] ?? 'Conflict',
    code: error.code,
    message: error.message,
  };
};

@Catch(AlertError)
export class AlertErrorFilter implements ExceptionFilter<AlertError> {
  catch(error: AlertError, host: ArgumentsHost): void {
    const body = alertErrorBody(error);
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }
}
