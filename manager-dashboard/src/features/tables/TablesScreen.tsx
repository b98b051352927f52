import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { call, client } from '../../shared/api/client';
import { useAction } from '../../shared/api/mutate';
import { queryClient } from '../../shared/api/queries';
import { groupsQuery, tables as tableList, type Table, type TableGroup } from '../floor/queries';
import { parseBatch } from './batch';

const api = client.api.tables;
const refreshGroups = () => void queryClient.invalidateQueries({ queryKey: groupsQuery.queryKey });

function GroupSection({ group, tables }: { group: TableGroup; tables: Table[] }) {
  const t = useT();
  const { busy, run } = useAction();
  const [batch, setBatch] = useState('');
  const [name, setName] = useState(group.name);
  const parsed = parseBatch(batch);
  const move = (table: Table, step: -1 | 1) => {
    const other = tables[tables.indexOf(table) + step];
    if (!other) return;
    void run(
      () => call(api[':id'].$put, { param: { id: String(table.id) }, json: { sort_order: other.sort_order } }, 200),
      undefined,
      () => void run(() => call(api[':id'].$put, { param: { id: String(other.id) }, json: { sort_order: table.sort_order } }, 200)),
    );
  };
  return (
    <section className="group-admin" aria-label={group.name}>
      <div className="toolbar">
        <label className="field">
          <span>{t('tables.groupName')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button
          type="button"
          className="button"
          disabled={busy || !name.trim() || name === group.name}
          onClick={() =>
            void run(
              () => call(api.groups[':id'].$put, { param: { id: String(group.id) }, json: { name: name.trim() } }, 200),
              t('common.saved'),
              refreshGroups,
            )
          }
        >
          {t('common.save')}
        </button>
        <label className="field">
          <span>{t('tables.batch')}</span>
          <input value={batch} placeholder="Β1–Β8" onChange={(event) => setBatch(event.target.value)} aria-invalid={batch !== '' && !parsed} />
        </label>
        <button
          type="button"
          className="button primary"
          disabled={busy || !parsed}
          onClick={() =>
            parsed &&
            void run(
              () => call(api.batch.$post, { json: { group_id: group.id, ...parsed } }, 201),
              t('tables.created', { count: parsed.count }),
              (created) => {
                created.forEach(tableList.apply);
                setBatch('');
              },
            )
          }
        >
          {t('tables.create')}
        </button>
      </div>
      <ol className="table-order">
        {tables.map((table, index) => (
          <li key={table.id}>
            <span>{table.label}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('tables.earlier', { label: table.label })}
              disabled={busy || index === 0}
              onClick={() => move(table, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('tables.later', { label: table.label })}
              disabled={busy || index === tables.length - 1}
              onClick={() => move(table, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('tables.remove', { label: table.label })}
              disabled={busy || table.state !== 'available'}
              onClick={() =>
                void run(
                  () => call(api[':id'].$delete, { param: { id: String(table.id) } }, 200),
                  t('common.deleted'),
                  () => tableList.remove(table.id),
                )
              }
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Groups and their tables: batch creation ("Β1–Β8"), order within a group, renaming and removing. */
export default function TablesScreen() {
  const t = useT();
  const { busy, run } = useAction();
  const groups = useQuery(groupsQuery).data ?? [];
  const tables = useQuery(tableList.query).data ?? [];
  const [name, setName] = useState('');
  return (
    <div className="tables-screen">
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim())
            void run(
              () => call(api.groups.$post, { json: { name: name.trim() } }, 201),
              t('common.saved'),
              () => (setName(''), refreshGroups()),
            );
        }}
      >
        <label className="field">
          <span>{t('tables.newGroup')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={busy || !name.trim()}>
          {t('tables.addGroup')}
        </button>
      </form>
      {groups.map((group) => (
        <GroupSection key={group.id} group={group} tables={tables.filter((table) => table.group_id === group.id)} />
      ))}
    </div>
  );
}
