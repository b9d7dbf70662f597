import type { StaffRole } from '@churn/domain-alert';
import { applyDecorators, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { AlertErrorFilter } from './alert-error.filter';
import { ValidationFailureDoc } from './dto/alert-responses.dto';
import { alertingValidationPipe } from './validation';

/**
 * What every alerting controller has: the request validation (scoped to these controllers, so
 * other modules composed into the process keep their own rules) and the alert error mapping.
 */
export const AlertingValidation = () =>
  applyDecorators(
    UsePipes(alertingValidationPipe()),
    UseFilters(AlertErrorFilter),
    ApiBadRequestResponse({
      type: ValidationFailureDoc,
      description: 'Names every field refused.',
    }),
  );

/** A route for authenticated staff in one of `roles` (401 without a valid token, 403 otherwise). */
export const StaffEndpoint = (...roles: readonly StaffRole[]) =>
  applyDecorators(
    AlertingValidation(),
    UseGuards(StaffAuthGuard),
    Roles(...roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'No token, an invalid or expired one, or unknown staff.',
    }),
    ApiForbiddenResponse({
      description: 'Your role may not use this route, or may not act on this alert.',
    }),
  );
