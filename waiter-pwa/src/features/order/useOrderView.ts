import { useEffect, useMemo } from 'react';
import type { Product } from '../menu/api';
import { useMenu } from '../menu/store';
import { commandsFor, useOutbox } from '../outbox/store';
import { useSession } from '../session/store';
import { overlayOrder } from './overlay';
import { loadOrder, useOrders } from './store';

/** One order as the screens show it: the appliance's copy plus this phone's queued changes. */
export function useOrderView(orderId: string, tableId: number, tableLabel: string) {
  const userId = useSession((state) => state.user?.id);
  const server = useOrders((state) => state.server[orderId]);
  const allCommands = useOutbox((state) => state.commands);
  const products = useMenu((state) => state.products);

  const productMap = useMemo(() => new Map<number, Product>(products.map((product) => [product.id, product])), [products]);
  const commands = useMemo(() => commandsFor(allCommands, userId, orderId), [allCommands, userId, orderId]);
  const view = useMemo(
    () => overlayOrder({ orderId, tableId, tableLabel, server: server?.order, commands, products: productMap }),
    [orderId, tableId, tableLabel, server?.order, commands, productMap],
  );
  const opening = commands.some((command) => command.kind === 'open');

  // While this phone's own "open table" is still queued the appliance cannot know the order yet:
  // asking then would only fetch a 404. Ask once the opening has gone through.
  useEffect(() => {
    if (!opening) void loadOrder(orderId);
  }, [orderId, opening]);
  // An order this phone is still opening is fully known from its queued commands.
  return { view, failure: server?.failure, loaded: server !== undefined || opening, opening, commands, products: productMap };
}
