import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { unwrap } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { rangeQuery, reportCsv, type ShiftReport } from './report';
import { ReportView } from './ReportView';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The shift report for the current business day or any range: totals, VAT, waiters, products, voids, open orders, sales by hour. */
export default function ReportsScreen() {
  const t = useT();
  const format = useFormat();
  const { busy, run } = useAction();
  const today = format.businessDay(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const query = rangeQuery(from, to);
  const report = useQuery({ queryKey: ['shift', query.from, query.to], queryFn: () => unwrap(call(client.api.reports.shift.$get, { query }, 200)) });

  const exportCsv = (data: ShiftReport) =>
    download(
      `tavli-${from}${to === from ? '' : `-${to}`}.csv`,
      reportCsv(data, {
        section: (name) => t(`reports.csv.${name}` as MessageKey),
        method: (method) => t(`order.method.${method}` as MessageKey),
        kind: (kind) => t(`reports.kind.${kind}` as MessageKey),
      }),
    );

  return (
    <div className="reports-screen">
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t('reports.from')}</span>
          <input type="date" value={from} max={today} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('reports.to')}</span>
          <input type="date" value={to} min={from} onChange={(event) => event.target.value && setTo(event.target.value)} />
        </label>
        <button type="button" className="button" disabled={!report.data} onClick={() => report.data && exportCsv(report.data)}>
          {t('reports.exportCsv')}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void run(() => call(client.api.reports.shift.print.$post, { query, json: {} }, 202), t('reports.zQueued'))}
        >
          {t('reports.printZ')}
        </button>
      </form>
      {report.data ? <ReportView report={report.data} format={format} /> : <p className="muted">{t('common.loading')}</p>}
    </div>
  );
}
