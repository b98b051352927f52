import { useQuery } from '../../shared/api/useQuery';
import { useMemo } from 'react';
import { ApiError } from '../../shared/api/queries';
import type { Product } from '../menu/api';
import { products as productsQuery } from '../menu/queries';
import { commandsFor, useOutbox } from '../outbox/store';
import { useSession } from '../session/store';
import { overlayOrder } from './overlay';
import { orderQuery } from './queries';

const NO_PRODUCTS: Product[] = [];

/** One order as the screens show it: the appliance's copy plus this phone's queued changes. */
export function useOrderView(orderId: string, tableId: number, tableLabel: string) {
  const userId = useSession((state) => state.user?.id);
  const allCommands = useOutbox((state) => state.commands);
  const { data: products = NO_PRODUCTS } = useQuery(productsQuery.query);
  const commands = useMemo(() => commandsFor(allCommands, userId, orderId), [allCommands, userId, orderId]);
  const opening = commands.some((command) => command.kind === 'open');
  // While this phone's own "open table" is still queued the appliance cannot know the order yet:
  // asking then would only fetch a 404. Ask once the opening has gone through.
  const server = useQuery({ ...orderQuery(orderId), enabled: !opening });

  const productMap = useMemo(() => new Map<number, Product>(products.map((product) => [product.id, product])), [products]);
  const view = useMemo(
    () => overlayOrder({ orderId, tableId, tableLabel, server: server.data, commands, products: productMap }),
    [orderId, tableId, tableLabel, server.data, commands, productMap],
  );
  const failure = server.error instanceof ApiError ? server.error.failure : undefined;
  // An order this phone is still opening is fully known from its queued commands.
  const loaded = server.data !== undefined || server.error !== null || opening;
  return { view, failure, loaded, opening, commands, products: productMap };
}
