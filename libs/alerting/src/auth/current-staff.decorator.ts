import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { StaffPrincipal } from './staff-principal';
import type { StaffRequest } from './staff-auth.guard';

/** The authenticated caller, as `StaffAuthGuard` found them in the staff directory. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
    if (staff === undefined) throw new Error('CurrentStaff used on a route without StaffAuthGuard');
    return staff;
  },
);
