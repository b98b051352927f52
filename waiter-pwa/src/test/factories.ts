import type { Product } from '../features/menu/api';
import type { Order } from '../features/order/api';
import type { LicenseStatus, PrinterStatus } from '../features/status/api';

let nextId = 100;

/** A menu product as GET /api/products shows it; override what a test cares about. */
export function makeProduct(overrides: Partial<Product> = {}): Product {
  const id = overrides.id ?? nextId++;
  return {
    id,
    name: `Πιάτο ${id}`,
    category_id: 1,
    category: { id: 1, name: 'Ορεκτικά', color: '#e07a5f' },
    price_cents: 500,
    vat_rate_bp: 1300,
    vat_rate_override_bp: null,
    is_available: true,
    printer_id: 1,
    image_url: null,
    sort_order: 0,
    stock_remaining: null,
    options: [],
    ingredients: [],
    preference_sets: [],
    ...overrides,
  } as Product;
}

/** An order as GET /api/orders/{id} shows it. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    table_id: 3,
    table_label: '3',
    status: 'open',
    total_cents: 0,
    paid_cents: 0,
    unpaid_cents: 0,
    opened_at: new Date().toISOString(),
    opened_by: 2,
    closed_at: null,
    close_reason: null,
    waiters: [{ id: 2, username: 'nikos', full_name: 'Νίκος Γεωργίου' }],
    items: [],
    payments: [],
    ...overrides,
  } as Order;
}

/** The licence as GET /api/system/license (and `license.updated`) shows it: an enforced, active site. */
export function makeLicenseStatus(overrides: Partial<LicenseStatus> = {}): LicenseStatus {
  return {
    state: 'active',
    enforced: true,
    site_id: 'site-1',
    licensed: true,
    lock_reason: null,
    expires_at: null,
    grace_remaining_s: null,
    last_heartbeat_at: new Date().toISOString(),
    last_attempt_at: new Date().toISOString(),
    last_error: null,
    cloud_reachable: true,
    system_clock_behind: false,
    license_time: new Date().toISOString(),
    ...overrides,
  };
}

/** A printer as GET /api/printers/status (and `printer.updated`) shows it: up, nothing waiting. */
export function makePrinterStatus(overrides: Partial<PrinterStatus> = {}): PrinterStatus {
  const id = overrides.id ?? nextId++;
  return {
    id,
    name: `Εκτυπωτής ${id}`,
    online: true,
    queued: 0,
    oldest_queued_at: null,
    last_success_at: null,
    last_error: null,
    last_error_at: null,
    ...overrides,
  };
}
