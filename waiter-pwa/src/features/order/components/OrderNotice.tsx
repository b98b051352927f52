import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';
import type { ApiFailure } from '../../../shared/api/client';
import type { Table } from '../../tables/api';
import type { OrderView } from '../overlay';

export type OrderBlock = 'forbidden' | 'not_found' | 'closed';

/** Why this order cannot be worked on from this phone, if it cannot. */
export function orderBlock(view: OrderView, failure: ApiFailure | undefined, opening: boolean): OrderBlock | undefined {
  if (view.status === 'closed' || view.status === 'cancelled') return 'closed';
  if (view.known || opening || failure?.kind !== 'http') return undefined;
  if (failure.status === 403) return 'forbidden';
  if (failure.status === 404) return 'not_found';
  return undefined;
}

type Props = { block: OrderBlock; waiters: Table['waiters'] };

export function OrderNotice({ block, waiters }: Props) {
  const t = useT();
  const text =
    block === 'closed'
      ? t('order.closed')
      : block === 'not_found'
        ? t('order.notFound')
        : waiters.length
          ? t('order.forbidden', { names: waiters.map((waiter) => waiter.full_name).join(', ') })
          : t('order.forbiddenNoName');
  return (
    <div className="scroll pad">
      <p className="notice" role="alert">
        {text}
      </p>
      <button type="button" className="button wide" onClick={() => navigate({ name: 'tables' })}>
        {t('tables.title')}
      </button>
    </div>
  );
}
