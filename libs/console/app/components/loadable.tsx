import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { Resource } from '../api/use-resource';
import { useI18n } from '../i18n/i18n';

/** What a page shows for a route this system does not serve yet: a plain panel, no crash. */
export const NotAvailable = ({ path }: { readonly path: string }) => {
  const { t } = useI18n();
  return (
    <div className="notice not-available" data-testid="not-available" role="status">
      <strong>{t('notAvailable.title')}</strong>
      <p>{t('notAvailable.body', { path })}</p>
    </div>
  );
};

export const ErrorNotice = ({
  error,
  retry,
}: {
  readonly error: Error;
  readonly retry?: () => void;
}) => {
  const { t } = useI18n();
  const message =
    error instanceof ApiError && error.status === 403
      ? t('forbidden', { message: error.message })
      : t('common.error', { message: error.message });
  return (
    <div className="notice error" role="alert" data-testid="error">
      <p>{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
};

export const Loading = () => {
  const { t } = useI18n();
  return (
    <p className="loading" aria-busy="true">
      {t('common.loading')}
    </p>
  );
};

/** Renders the data once it is there; loading, unavailable and failure in one place. */
export const Loadable = <T,>({
  resource,
  retry,
  children,
}: {
  readonly resource: Resource<T>;
  readonly retry?: () => void;
  readonly children: (data: T) => ReactNode;
}) => {
  switch (resource.status) {
    case 'loading':
      return <Loading />;
    case 'unavailable':
      return <NotAvailable path={resource.path} />;
    case 'error':
      return <ErrorNotice error={resource.error} {...(retry ? { retry } : {})} />;
    case 'ready':
      return <>{children(resource.data)}</>;
  }
};
