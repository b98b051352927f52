import { call, client } from '../../shared/api/client';

/** Prints the customer's check on the bill printer (queued: 202 means the job waits for the printer). */
export const printBill = (orderId: string) => call(client.api.orders[':id'].bill.$post, { param: { id: orderId }, json: {} }, 202);
