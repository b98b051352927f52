import { useQuery } from '../../../shared/api/useQuery';
import { useEffect, useMemo, useRef } from 'react';
import type { Table } from '../api';
import { navigate } from '../../../app/router';
import { useT } from '../../../i18n/i18n';
import { LanguageSwitch } from '@tavli/ui/LanguageSwitch';
import { useNow } from '@tavli/ui/useNow';
import { newUuid } from '../../../shared/uuid';
import { commandsFor, enqueue, useOutbox } from '../../outbox/store';
import { useSession } from '../../session/store';
import { overlayTables, type TableView } from '../overlay';
import { tables as tablesList } from '../queries';
import { useTables } from '../store';
import { GroupTabs } from './GroupTabs';
import { markInteractive } from '@tavli/ui/marks';
import { TableTile } from './TableTile';

const NO_TABLES: Table[] = [];

/** Every table by area, live; the waiter's own stand out and can be shown alone. */
export function TablesScreen() {
  const t = useT();
  const user = useSession((state) => state.user);
  const signOut = useSession((state) => state.signOut);
  const { groupId, onlyMine, showGroup, setOnlyMine } = useTables();
  const { data: tables = NO_TABLES } = useQuery(tablesList.query);
  const loaded = tables !== NO_TABLES;
  const commands = useOutbox((state) => state.commands);
  const now = useNow();

  useEffect(() => {
    if (loaded) markInteractive();
  }, [loaded]);

  const views = useMemo(() => overlayTables(tables, commandsFor(commands, user?.id), user), [tables, commands, user]);
  const groups = useMemo(() => {
    const seen = new Map<number, string>();
    for (const table of [...views].sort((a, b) => a.group_id - b.group_id)) seen.set(table.group_id, table.group_name);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [views]);
  const activeGroup = groups.some((group) => group.id === groupId) ? groupId : groups[0]?.id;
  const shown = onlyMine ? views.filter((table) => table.mine) : views.filter((table) => table.group_id === activeGroup);

  const opening = useRef(false);
  async function open(table: TableView) {
    const target = { tableId: table.id, tableLabel: table.label };
    if (table.state === 'available') {
      if (opening.current) return; // a double tap opens the table once
      opening.current = true;
      const orderId = newUuid();
      try {
        await enqueue({ kind: 'open', orderId, ...target, body: { table_id: table.id, id: orderId } });
      } finally {
        opening.current = false;
      }
      navigate({ name: 'order', orderId, ...target });
    } else if (table.order_id) {
      navigate({ name: 'order', orderId: table.order_id, ...target });
    }
  }

  return (
    <main className="screen tables" aria-labelledby="tables-title">
      <header className="screen-header">
        <h1 id="tables-title">{t('tables.title')}</h1>
        <span className="header-user">{user?.full_name.split(' ')[0]}</span>
        <LanguageSwitch />
        <button type="button" className="chip-button" onClick={signOut}>
          {t('tables.signOut')}
        </button>
      </header>
      <GroupTabs
        groups={groups}
        activeId={onlyMine ? undefined : activeGroup}
        onlyMine={onlyMine}
        onShowGroup={(id) => (setOnlyMine(false), showGroup(id))}
        onToggleMine={() => setOnlyMine(!onlyMine)}
      />
      <div className="scroll">
        {!loaded ? <p className="muted pad">{t('common.loading')}</p> : null}
        {loaded && shown.length === 0 ? <p className="muted pad">{onlyMine ? t('tables.noneMine') : t('tables.none')}</p> : null}
        <div className="table-grid">
          {shown.map((table) => (
            <TableTile key={table.id} table={table} now={now} onOpen={(target) => void open(target)} />
          ))}
        </div>
      </div>
    </main>
  );
}
