import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** When given, a reason must be typed before confirming (voids, cancellations, write-offs). */
  reasonLabel?: string;
  /** A destructive action: the confirm button says so by its look. */
  danger?: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
};

/** A modal question with a confirm button named by its verb, and a reason field where the action needs one. */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, reasonLabel, danger = false, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const ready = reasonLabel === undefined || reason.trim().length > 0;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        className="dialog-panel"
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onConfirm(reason.trim());
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {reasonLabel !== undefined ? (
          <>
            <label htmlFor={reasonId}>{reasonLabel}</label>
            <textarea id={reasonId} value={reason} maxLength={500} required onChange={(event) => setReason(event.target.value)} />
          </>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="submit" className={danger ? 'button danger' : 'button primary'} disabled={!ready}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
