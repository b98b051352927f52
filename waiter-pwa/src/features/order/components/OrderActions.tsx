import { useQuery } from '../../../shared/api/useQuery';
import { useEffect, useState } from 'react';
import { Sheet } from '@tavli/ui/Sheet';
import { showToast } from '@tavli/ui/toast';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';
import type { ApiResult } from '../../../shared/api/client';
import { failureText } from '../../outbox/describe';
import { fetchStaff, type StaffMember } from '../../session/api';
import { currentUserId } from '../../session/store';
import { tables as tableList } from '../../tables/queries';
import { corrections } from '../corrections';
import { refreshOrder } from '../queries';
import { ManagerApproval } from './ManagerApproval';

type Props = { orderId: string; tableId: number; tableLabel: string; onClose(): void };
type Step = 'menu' | 'move' | 'merge' | 'assist' | 'cancel';

/** What a waiter can correct on a table once sent: move it, merge another in, add a colleague, cancel it (with a manager's PIN). */
export function OrderActions({ orderId, tableId, tableLabel, onClose }: Props) {
  const t = useT();
  const [step, setStep] = useState<Step>('menu');
  const [busy, setBusy] = useState(false);
  const tables = useQuery(tableList.query).data ?? [];
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    if (step !== 'assist') return;
    void fetchStaff().then((result) => result.ok && setStaff(result.data));
  }, [step]);

  async function run<T>(pending: Promise<ApiResult<T>>, done: string, after: (data: T) => void) {
    setBusy(true);
    const result = await pending;
    setBusy(false);
    if (!result.ok) {
      showToast('danger', failureText(t, result.failure), 6_000);
      return;
    }
    showToast('success', done);
    after(result.data);
    onClose();
  }

  if (step === 'cancel') {
    return (
      <ManagerApproval
        title={t('actions.cancelTitle', { table: tableLabel })}
        confirmLabel={t('actions.cancel')}
        onApprove={(reason, approval) => corrections.cancel(orderId, reason, approval)}
        onDone={() => {
          showToast('success', t('actions.cancelled', { table: tableLabel }));
          onClose();
          navigate({ name: 'tables' });
        }}
        onClose={onClose}
      />
    );
  }

  const choices =
    step === 'move'
      ? tables.filter((table) => table.state === 'available').map((table) => ({ key: table.id, label: `${table.label} · ${table.group_name}`, table }))
      : step === 'merge'
        ? tables
            .filter((table) => table.order_id && table.id !== tableId)
            .map((table) => ({ key: table.id, label: `${table.label} · ${table.group_name}`, table }))
        : [];

  return (
    <Sheet
      title={step === 'menu' ? t('actions.title', { table: tableLabel }) : t(`actions.${step}Title`, { table: tableLabel })}
      closeLabel={t('common.close')}
      onClose={onClose}
    >
      {step === 'menu' ? (
        <div className="action-list">
          <button type="button" className="button wide" onClick={() => setStep('move')}>
            {t('actions.move')}
          </button>
          <button type="button" className="button wide" onClick={() => setStep('merge')}>
            {t('actions.merge')}
          </button>
          <button type="button" className="button wide" onClick={() => setStep('assist')}>
            {t('actions.assist')}
          </button>
          <button type="button" className="button danger wide" onClick={() => setStep('cancel')}>
            {t('actions.cancel')}
          </button>
        </div>
      ) : null}
      {step === 'move' || step === 'merge' ? (
        <div className="action-list">
          {choices.length === 0 ? <p className="muted">{t(step === 'move' ? 'actions.noFreeTable' : 'actions.noOtherOrder')}</p> : null}
          {choices.map(({ key, label, table }) => (
            <button
              key={key}
              type="button"
              className="button wide"
              disabled={busy}
              onClick={() =>
                step === 'move'
                  ? void run(corrections.move(orderId, table.id), t('actions.moved', { table: table.label }), () =>
                      navigate({ name: 'order', orderId, tableId: table.id, tableLabel: table.label }, { replace: true }),
                    )
                  : void run(corrections.merge(orderId, table.order_id!), t('actions.merged', { table: table.label }), () => void refreshOrder(orderId))
              }
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
      {step === 'assist' ? (
        <div className="action-list">
          {staff
            .filter((member) => member.id !== currentUserId())
            .map((member) => (
              <button
                key={member.id}
                type="button"
                className="button wide"
                disabled={busy}
                onClick={() =>
                  void run(corrections.addWaiter(orderId, member.id), t('actions.assisted', { name: member.full_name }), () => void refreshOrder(orderId))
                }
              >
                {member.full_name}
              </button>
            ))}
        </div>
      ) : null}
    </Sheet>
  );
}
