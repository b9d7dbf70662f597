import { CUSTOMER_READERS, Id, StaffEndpoint } from '@churn/alerting';
import { applyDecorators } from '@nestjs/common';
import { ApiNotFoundResponse, ApiProperty } from '@nestjs/swagger';

/**
 * Every audit route: a staff token (401), a role that may read customer data (403: not the
 * operator), the alerting API's request validation (400 naming each field refused) and its
 * error mapping; a customer or alert out of the caller's scope is not found (404).
 */
export const AuditEndpoint = () =>
  applyDecorators(
    StaffEndpoint(...CUSTOMER_READERS),
    ApiNotFoundResponse({ description: 'No such customer or alert in your scope.' }),
  );

export class CustomerIdParams {
  @ApiProperty({ maxLength: 64, example: 'C000042' })
  @Id()
  customerId!: string;
}

export class AlertIdParams {
  @ApiProperty({ maxLength: 64 })
  @Id()
  alertId!: string;
}
