import { useState } from 'react';
import { Sheet } from '@tavli/ui/Sheet';
import { queryClient } from '../../shared/api/queries';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { printerDraft, validatePrinter, type PrinterDraft } from './printerForm';
import { printersQuery, type Printer } from './queries';

/** Adds or edits a printer: address, port, code page, paper width, fallback and bill printer. */
export function PrinterEditor({ printer, printers, onClose }: { printer: Printer | undefined; printers: Printer[]; onClose(): void }) {
  const t = useT();
  const { busy, run } = useAction();
  const [draft, setDraft] = useState(() => printerDraft(printer));
  const [errors, setErrors] = useState<Partial<Record<keyof PrinterDraft, string>>>({});
  const set = <K extends keyof PrinterDraft>(key: K, value: PrinterDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const text = (key: Exclude<keyof PrinterDraft, 'is_bill_printer' | 'is_active'>, label: string, inputMode?: 'numeric') => (
    <label className="field">
      <span>{label}</span>
      <input value={draft[key]} inputMode={inputMode} onChange={(event) => set(key, event.target.value)} />
      {errors[key] ? <span className="field-error">{errors[key]}</span> : null}
    </label>
  );

  async function save() {
    const checked = validatePrinter(draft);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([key, message]) => [key, t(message)])));
      return;
    }
    setErrors({});
    const refresh = () => void queryClient.invalidateQueries({ queryKey: printersQuery.queryKey });
    const saved = printer
      ? await run(() => call(client.api.printers[':id'].$put, { param: { id: String(printer.id) }, json: checked.body }, 200), t('printers.saved'), refresh)
      : await run(() => call(client.api.printers.$post, { json: checked.body }, 201), t('printers.added'), refresh);
    if (saved) onClose();
  }

  return (
    <Sheet
      title={printer ? printer.name : t('printers.add')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <button type="button" className="button primary wide" disabled={busy} onClick={() => void save()}>
          {t('common.save')}
        </button>
      }
    >
      <div className="form">
        {text('name', t('printers.name'))}
        <div className="field-row">
          {text('ip_address', t('printers.address'))}
          {text('port', t('printers.port'), 'numeric')}
        </div>
        <div className="field-row">
          {text('code_page', t('printers.codePage'), 'numeric')}
          {text('encoding', t('printers.encoding'))}
          <label className="field">
            <span>{t('printers.paper')}</span>
            <select value={draft.columns} onChange={(event) => set('columns', event.target.value)}>
              <option value="48">{t('printers.paper80')}</option>
              <option value="32">{t('printers.paper58')}</option>
              {['48', '32'].includes(draft.columns) ? null : <option value={draft.columns}>{draft.columns}</option>}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('printers.fallback')}</span>
          <select value={draft.fallback_printer_id} onChange={(event) => set('fallback_printer_id', event.target.value)}>
            <option value="">{t('printers.noFallback')}</option>
            {printers
              .filter((other) => other.id !== printer?.id)
              .map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.is_bill_printer} onChange={(event) => set('is_bill_printer', event.target.checked)} />
          {t('printers.billPrinter')}
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.is_active} onChange={(event) => set('is_active', event.target.checked)} />
          {t('printers.active')}
        </label>
      </div>
    </Sheet>
  );
}
