import {
  getMetadataStorage,
  ValidationTypes,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

/**
 * The accept path of class-validator for a flat DTO: the constraints its decorators registered,
 * run without class-validator's executor, which looks the DTO's rules up, groups them and builds
 * an error object per field on every call (half of decoding a posting). It answers only "every
 * rule holds": a message it does not pass is validated again by `validateSync`, so every refusal
 * and its reason still come from class-validator, the validator of record. It mirrors
 * `validateSync` with `whitelist` + `forbidNonWhitelisted` and no groups: a field without rules is
 * refused; a field's `ValidateIf` conditions must all hold for its rules to run; each rule's
 * constraint must return true. A DTO using anything else (nested DTOs, `each`, `IsDefined`,
 * groups, `always`, async rules) gets no check and always takes `validateSync`. A property test
 * compares its verdict with class-validator's on mutated messages of every contract.
 */
export type AcceptCheck = (instance: object) => boolean;

/** What class-validator's metadata records per rule (its `ValidationMetadata`, the parts read here). */
interface RuleMetadata {
  readonly type: string;
  readonly propertyName: string;
  readonly constraints: unknown[];
  readonly constraintCls: new (...args: never[]) => unknown;
  readonly each?: boolean;
  readonly always?: boolean;
  readonly groups?: readonly string[];
}

interface ConstraintMetadata {
  readonly async: boolean;
  readonly instance: ValidatorConstraintInterface;
}

interface Rule {
  readonly constraints: unknown[];
  readonly validate: ValidatorConstraintInterface['validate'];
}

interface FieldRules {
  readonly property: string;
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  readonly rules: readonly Rule[];
}

interface MetadataStorageView {
  getTargetValidationMetadatas(
    target: DtoClass,
    schema: string,
    always: boolean,
    strictGroups: boolean,
  ): RuleMetadata[];
  getTargetValidatorConstraints(target: RuleMetadata['constraintCls']): ConstraintMetadata[];
}

/** A DTO class (abstract ones included: a base class may carry rules). */
type DtoClass = abstract new (...args: never[]) => object;

const checks = new WeakMap<DtoClass, AcceptCheck | null>();

/** The DTO class's accept check, built on first use; null when the DTO uses a rule it does not mirror. */
export const acceptCheckOf = (dto: DtoClass): AcceptCheck | null => {
  let check = checks.get(dto);
  if (check === undefined) {
    check = buildAcceptCheck(dto);
    checks.set(dto, check);
  }
  return check;
};

const buildAcceptCheck = (dto: DtoClass): AcceptCheck | null => {
  const storage = getMetadataStorage() as unknown as MetadataStorageView;
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false);
  if (metadatas.length === 0) return null;
  const byField = new Map<
    string,
    { conditions: FieldRules['conditions'][number][]; rules: Rule[] }
  >();
  for (const metadata of metadatas) {
    if (
      metadata.each === true ||
      metadata.always !== undefined ||
      (metadata.groups?.length ?? 0) > 0
    )
      return null;
    let field = byField.get(metadata.propertyName);
    if (field === undefined) {
      field = { conditions: [], rules: [] };
      byField.set(metadata.propertyName, field);
    }
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      field.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
    } else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return null;
        const { instance } = constraint;
        field.rules.push({
          constraints: metadata.constraints,
          validate: instance.validate.bind(instance),
        });
      }
    } else return null;
  }
  const fields: FieldRules[] = [...byField].map(([property, f]) => ({ property, ...f }));
  const known = new Set(byField.keys());
  return (instance) => accepts(instance, fields, known, dto.name);
};

const accepts = (
  instance: object,
  fields: readonly FieldRules[],
  known: ReadonlySet<string>,
  targetName: string,
): boolean => {
  for (const key of Object.keys(instance)) if (!known.has(key)) return false;
  const object = instance as Record<string, unknown>;
  for (const { property, conditions, rules } of fields) {
    const value = object[property];
    if (!conditions.every((holds) => holds(object, value))) continue;
    for (const { constraints, validate } of rules) {
      const args: ValidationArguments = { targetName, property, object, value, constraints };
      const verdict: unknown = validate(value, args);
      if (verdict !== true) return false;
    }
  }
  return true;
};
