export type OrderStatus = 'open' | 'partially_paid' | 'paid' | 'closed' | 'cancelled';
export type LineStatus = 'pending' | 'sent' | 'paid' | 'void';
export type PaymentMethod = 'cash' | 'card' | 'other';

export interface OrdersTable {
  id: string;
  table_id: number;
  status: OrderStatus;
  opened_by: number;
  opened_at: string;
  closed_at: string | null;
  closed_by: number | null;
  close_reason: string | null;
  merged_into: string | null;
}

export interface OrderWaitersTable {
  order_id: string;
  user_id: number;
  added_at: string;
}

export interface OrderItemsTable {
  id: string;
  seq: number;
  order_id: string;
  product_id: number;
  name: string;
  quantity: number;
  unit_price_cents: number;
  vat_rate_bp: number;
  options: string;
  preferences: string;
  removed_ingredients: string;
  note: string;
  status: LineStatus;
  printer_id: number | null;
  split_from: string | null;
  payment_id: string | null;
  created_by: number;
  created_at: string;
  void_reason: string | null;
  voided_by: number | null;
  voided_at: string | null;
}

export interface PaymentsTable {
  id: string;
  order_id: string;
  method: PaymentMethod;
  amount_cents: number;
  tip_cents: number;
  created_by: number;
  created_at: string;
}
