import { sql } from 'kysely';

// What an order (aliased `o`) adds up to, for list queries that show many orders at once. Void
// lines count nowhere; pending and sent lines are still owed. Keep in step with order-view.ts.
export const orderItemCount = sql<number>`(SELECT coalesce(sum(i.quantity), 0) FROM order_items i WHERE i.order_id = o.id AND i.status <> 'void')`;
export const orderTotalCents = sql<number>`(SELECT coalesce(sum(i.quantity * i.unit_price_cents), 0) FROM order_items i WHERE i.order_id = o.id AND i.status <> 'void')`;
export const orderUnpaidCents = sql<number>`(SELECT coalesce(sum(i.quantity * i.unit_price_cents), 0) FROM order_items i WHERE i.order_id = o.id AND i.status IN ('pending','sent'))`;
