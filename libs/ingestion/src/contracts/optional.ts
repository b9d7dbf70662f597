import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out. Not class-validator's IsOptional, which also waves `null`
 * through: here `null` means "none" only where a contract says so (`Nullable`).
 */
export const Optional = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined);

/** A field that must be present and may be `null` ("no counterparty bank", "open-ended"). */
export const Nullable = (): PropertyDecorator => ValidateIf((_object, value) => value !== null);
