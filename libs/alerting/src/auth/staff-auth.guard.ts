import type { StaffRole } from '@churn/domain-alert';
import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ALERTING_CONFIG, type AlertingConfig } from '../ports/alerting-ports';
import { ROLES_KEY } from './roles.decorator';
import { principalOf, type StaffPrincipal } from './staff-principal';
import { StaffTokenRejected, StaffTokens } from './staff-tokens';

export interface StaffRequest extends Request {
  staff?: StaffPrincipal;
}

/**
 * 401 unless the request carries a valid token of somebody in the staff directory; then 403
 * unless their role (from the directory, not the token) is one the route is open to.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    @Inject(StaffTokens) private readonly tokens: StaffTokens,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<StaffRequest>();
    const staff = await this.authenticate(request, http.getResponse<Response>());
    request.staff = staff;
    const roles = this.reflector.getAllAndOverride<readonly StaffRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles !== undefined && !roles.includes(staff.role))
      throw new ForbiddenException(
        `this route needs the role ${oneOf(roles)}; ${staff.staffId} is ${staff.role}`,
      );
    return true;
  }

  private async authenticate(request: Request, response: Response): Promise<StaffPrincipal> {
    const refuse = (message: string, error: string) => {
      // RFC 6750 §3: tell the client which scheme, and whether the token was the problem.
      response.setHeader('WWW-Authenticate', `Bearer realm="alerting", error="${error}"`);
      return new UnauthorizedException(message);
    };
    const token = bearerToken(request.headers.authorization);
    if (token === null)
      throw refuse(
        'a bearer token is required: send Authorization: Bearer <token>',
        'invalid_request',
      );
    let staffId: string;
    try {
      staffId = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof StaffTokenRejected) throw refuse(error.message, 'invalid_token');
      throw error;
    }
    const staff = principalOf(this.config.directory, staffId);
    if (staff === null)
      throw refuse(`staff member ${staffId} is not in the staff directory`, 'invalid_token');
    return staff;
  }
}

const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer +([^ ]+) *$/i.exec(header ?? '');
  return match?.[1] ?? null;
};

/** `rm`, `rm or auditor`, `rm, supervisor or branch-head`. */
const oneOf = (roles: readonly string[]): string =>
  roles.length <= 1
    ? (roles[0] ?? 'none')
    : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
