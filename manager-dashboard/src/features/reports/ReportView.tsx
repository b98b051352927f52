import { useT } from '../../i18n/i18n';
import type { Format } from '../../shared/format';
import { headline, hourlySales, type ShiftReport } from './report';

/** The report on screen: each headline figure above the parts it adds up. */
export function ReportView({ report, format }: { report: ShiftReport; format: Format }) {
  const t = useT();
  const figures = headline(report);
  const hours = hourlySales(report, format.time);
  return (
    <div className="report">
      <dl className="summary" aria-label={t('reports.totals')}>
        <div>
          <dt>{t('reports.gross')}</dt>
          <dd data-testid="report-gross">{format.money(figures.gross)}</dd>
        </div>
        {figures.byMethod.map((row) => (
          <div key={row.method}>
            <dt>{t(`order.method.${row.method}`)}</dt>
            <dd data-testid={`report-${row.method}`}>{format.money(row.cents)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('reports.tips')}</dt>
          <dd data-testid="report-tips">{format.money(figures.tips)}</dd>
        </div>
        <div>
          <dt>{t('reports.unpaid')}</dt>
          <dd>{format.money(figures.unpaid)}</dd>
        </div>
      </dl>

      <section aria-labelledby="chart-title" className="report-section">
        <h2 id="chart-title">{t('reports.byHour')}</h2>
        {hours.length === 0 ? (
          <p className="muted">{t('reports.noSales')}</p>
        ) : (
          <ol className="bars">
            {hours.map((hour) => (
              <li key={hour.label} aria-label={`${hour.label}: ${format.money(hour.cents)}`}>
                <span className="bar" style={{ blockSize: `${Math.max(2, hour.share * 100)}%` }} />
                <span className="bar-label">{hour.label}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="vat-title" className="report-section">
        <h2 id="vat-title">{t('reports.vat')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.rate')}</th>
              <th scope="col" className="num">
                {t('reports.gross')}
              </th>
              <th scope="col" className="num">
                {t('reports.vatIncluded')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.vat.map((rate) => (
              <tr key={rate.rate_bp}>
                <td>{rate.rate_bp / 100} %</td>
                <td className="num">{format.money(rate.gross_cents)}</td>
                <td className="num">{format.money(rate.vat_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="waiters-title" className="report-section">
        <h2 id="waiters-title">{t('reports.byWaiter')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.waiter')}</th>
              <th scope="col" className="num">
                {t('order.method.cash')}
              </th>
              <th scope="col" className="num">
                {t('order.method.card')}
              </th>
              <th scope="col" className="num">
                {t('reports.tips')}
              </th>
              <th scope="col" className="num">
                {t('reports.handIn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.by_waiter.map((waiter) => (
              <tr key={waiter.user_id}>
                <td>{waiter.full_name}</td>
                <td className="num">{format.money(waiter.by_method.cash)}</td>
                <td className="num">{format.money(waiter.by_method.card)}</td>
                <td className="num">{format.money(waiter.tips_cents)}</td>
                <td className="num">{format.money(waiter.gross_cents + waiter.tips_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="products-title" className="report-section">
        <h2 id="products-title">{t('reports.topProducts')}</h2>
        <table className="data-table">
          <tbody>
            {report.by_product.slice(0, 20).map((product) => (
              <tr key={product.product_id}>
                <td>{product.name}</td>
                <td className="num">{product.quantity}</td>
                <td className="num">{format.money(product.revenue_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="voids-title" className="report-section">
        <h2 id="voids-title">{t('reports.voids')}</h2>
        {report.voids.length === 0 ? <p className="muted">{t('reports.none')}</p> : null}
        <ul className="plain-list">
          {report.voids.map((entry, index) => (
            <li key={index}>
              {format.time(entry.at)} · {t(`reports.kind.${entry.kind}`)} · {entry.table_label}
              {entry.item_name ? ` · ${entry.quantity} × ${entry.item_name}` : ''} · {format.money(entry.amount_cents)} · «{entry.reason}» ·{' '}
              {entry.by.full_name}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="open-title" className="report-section">
        <h2 id="open-title">{t('reports.openOrders')}</h2>
        {report.open_orders.length === 0 ? <p className="muted">{t('reports.none')}</p> : null}
        <ul className="plain-list">
          {report.open_orders.map((order) => (
            <li key={order.id}>
              {order.table_label} · {format.time(order.opened_at)} · {format.money(order.unpaid_cents)} · {order.waiters.join(', ')}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
