import type { ReactNode } from 'react';

export const Panel = ({
  title,
  children,
  testId,
  actions,
}: {
  readonly title: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
  readonly actions?: ReactNode;
}) => (
  <section className="panel" data-testid={testId}>
    <header className="panel-head">
      <h2>{title}</h2>
      {actions}
    </header>
    <div className="panel-body">{children}</div>
  </section>
);

/** Label–value pairs. */
export const Fields = ({
  rows,
}: {
  readonly rows: readonly (readonly [label: ReactNode, value: ReactNode])[];
}) => (
  <dl className="fields">
    {rows.map(([label, value], i) => (
      <div key={i} className="field">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ))}
  </dl>
);

export const Stat = ({
  label,
  value,
  testId,
}: {
  readonly label: ReactNode;
  readonly value: ReactNode;
  readonly testId?: string;
}) => (
  <div className="stat" data-testid={testId}>
    <div className="stat-value">{value}</div>
    <div className="stat-label">{label}</div>
  </div>
);
