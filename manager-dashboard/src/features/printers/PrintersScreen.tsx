import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { showToast } from '@tavli/ui/toast';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { queryClient } from '../../shared/api/queries';
import { useFormat } from '../../shared/format';
import { PrinterEditor } from './PrinterEditor';
import { jobsQuery, printersQuery, type Printer } from './queries';

const jobs = client.api.printers.jobs[':id'];

/** Each printer's live state, last error and queue; test print; the jobs with their text, retry and cancel. */
export default function PrintersScreen() {
  const t = useT();
  const format = useFormat();
  const { busy, run } = useAction();
  const printers = useQuery(printersQuery).data ?? [];
  const [editing, setEditing] = useState<Printer | 'new' | undefined>();
  const [jobsOf, setJobsOf] = useState<number | undefined>();
  const jobList = useQuery(jobsQuery(jobsOf)).data ?? [];
  const refreshJobs = () => void queryClient.invalidateQueries({ queryKey: ['printers'] });

  return (
    <div className="printers-screen">
      <div className="toolbar">
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          {t('printers.add')}
        </button>
      </div>
      <ul className="printer-cards">
        {printers.map((printer) => {
          const state = printer.online === null ? 'unknown' : printer.online ? 'online' : 'offline';
          return (
            <li key={printer.id} className={`printer-card printer-${state}`} aria-label={printer.name}>
              <h2>
                {printer.name} {printer.is_bill_printer ? <small className="muted">· {t('printers.billPrinter')}</small> : null}
              </h2>
              <p className="printer-state">
                {t(`printers.state.${state}`)} · {t('printers.queued', { count: printer.queued })}
              </p>
              <p className="muted">
                {printer.ip_address}:{printer.port} · {printer.encoding} ({printer.code_page}) · {printer.columns}
              </p>
              {printer.last_error ? (
                <p className="field-error">
                  {t('printers.lastError', { error: printer.last_error, at: printer.last_error_at ? format.dateTime(printer.last_error_at) : '' })}
                </p>
              ) : null}
              <div className="row-actions">
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => call(client.api.printers[':id'].test.$post, { param: { id: String(printer.id) } }, 200),
                      undefined,
                      (result) => {
                        refreshJobs();
                        showToast(result.printed ? 'success' : 'danger', result.printed ? t('printers.testPrinted') : t('printers.testFailed'));
                      },
                    )
                  }
                >
                  {t('printers.test')}
                </button>
                <button type="button" className="button" onClick={() => setEditing(printer)}>
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="button"
                  aria-pressed={jobsOf === printer.id}
                  onClick={() => setJobsOf(jobsOf === printer.id ? undefined : printer.id)}
                >
                  {t('printers.jobsOf')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="jobs-title">
        <h2 id="jobs-title">
          {jobsOf === undefined ? t('printers.allJobs') : t('printers.jobsFor', { name: printers.find((p) => p.id === jobsOf)?.name ?? '' })}
        </h2>
        <ul className="jobs">
          {jobList.map((job) => (
            <li key={job.id} className={`job job-${job.status}`}>
              <details>
                <summary>
                  #{job.id} · {t(`printers.kind.${job.kind}`)} · {t(`printers.jobStatus.${job.status}`)} · {format.time(job.created_at)}
                  {job.last_error ? <span className="field-error"> · {job.last_error}</span> : null}
                </summary>
                <pre className="preview">{job.preview_text}</pre>
              </details>
              {job.status === 'queued' ? (
                <span className="row-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void run(() => call(jobs.retry.$post, { param: { id: String(job.id) } }, 202), t('printers.retrying'), refreshJobs)}
                  >
                    {t('printers.retry')}
                  </button>
                  <button
                    type="button"
                    className="button danger"
                    disabled={busy}
                    onClick={() => void run(() => call(jobs.cancel.$post, { param: { id: String(job.id) } }, 200), t('printers.cancelled'), refreshJobs)}
                  >
                    {t('printers.cancelJob')}
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {editing ? <PrinterEditor printer={editing === 'new' ? undefined : editing} printers={printers} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
