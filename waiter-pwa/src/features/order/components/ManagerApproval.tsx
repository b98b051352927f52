import { useCallback, useEffect, useId, useState } from 'react';
import { PinPad } from '@tavli/ui/PinPad';
import { Sheet } from '@tavli/ui/Sheet';
import { useT } from '../../../i18n/i18n';
import type { ApiResult } from '../../../shared/api/client';
import { failureText } from '../../outbox/describe';
import { fetchStaff, type StaffMember } from '../../session/api';
import type { Approval } from '../corrections';

type Props = {
  title: string;
  confirmLabel: string;
  onApprove(reason: string, approval: Approval): Promise<ApiResult<unknown>>;
  onDone(): void;
  onClose(): void;
};

/**
 * A void or a cancellation on the waiter's phone: the waiter writes why, a manager picks their
 * name and types their PIN on the same phone. The PIN goes with this one request; nothing of the
 * manager stays on the phone.
 */
export function ManagerApproval({ title, confirmLabel, onApprove, onDone, onClose }: Props) {
  const t = useT();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [managers, setManagers] = useState<StaffMember[]>([]);
  const [manager, setManager] = useState<StaffMember | undefined>();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void fetchStaff().then((result) => {
      if (live && result.ok) setManagers(result.data.filter((member) => member.role !== 'waiter'));
    });
    return () => {
      live = false;
    };
  }, []);

  const onDigit = useCallback((digit: string) => {
    setError(undefined);
    setPin((current) => (current.length < 8 ? current + digit : current));
  }, []);
  const onDelete = useCallback(() => setPin((current) => current.slice(0, -1)), []);
  const ready = reason.trim() !== '' && manager !== undefined && pin.length >= 4;
  const submit = useCallback(async () => {
    if (!ready || busy || !manager) return;
    setBusy(true);
    const result = await onApprove(reason.trim(), { username: manager.username, pin });
    setBusy(false);
    setPin('');
    if (result.ok) onDone();
    else if (result.failure.kind === 'http' && result.failure.code === 'approval_refused') setError(t('approval.wrongPin'));
    else if (result.failure.kind === 'http' && result.failure.status === 429) setError(t('approval.lockedOut'));
    else setError(failureText(t, result.failure));
  }, [ready, busy, manager, onApprove, reason, pin, onDone, t]);

  return (
    <Sheet title={title} closeLabel={t('common.close')} onClose={onClose}>
      <label htmlFor={reasonId}>{t('approval.reason')}</label>
      <textarea id={reasonId} className="note-field" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
      <fieldset className="choice-group">
        <legend>{t('approval.manager')}</legend>
        {managers.map((member) => (
          <button key={member.id} type="button" className="chip-button" aria-pressed={manager?.id === member.id} onClick={() => setManager(member)}>
            {member.full_name}
          </button>
        ))}
      </fieldset>
      {manager ? (
        <section className="pin-entry" aria-label={t('approval.pinFor', { name: manager.full_name })}>
          <p className="pin-error" role="alert">
            {error ?? '\u00a0'}
          </p>
          <PinPad
            length={pin.length}
            disabled={busy}
            labels={{ pin: t('approval.pinFor', { name: manager.full_name }), delete: t('login.delete'), submit: confirmLabel }}
            onDigit={onDigit}
            onDelete={onDelete}
            onSubmit={() => void submit()}
          />
        </section>
      ) : null}
    </Sheet>
  );
}
