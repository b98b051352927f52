import { useT } from '../../i18n/i18n';
import type { SiteStatus } from './queries';

/** A status as a word on its colour: never the colour alone. */
export function StatusBadge({ status }: { status: SiteStatus }) {
  const t = useT();
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}
