import { useT } from '../../../i18n/i18n';

type Props = {
  groups: Array<{ id: number; name: string }>;
  activeId: number | undefined;
  onlyMine: boolean;
  onShowGroup(id: number): void;
  onToggleMine(): void;
};

/** The restaurant's areas as tabs, and the "mine" filter beside them. */
export function GroupTabs({ groups, activeId, onlyMine, onShowGroup, onToggleMine }: Props) {
  const t = useT();
  return (
    <nav className="tab-row" aria-label={t('tables.groups')}>
      <button type="button" className="tab mine-filter" aria-pressed={onlyMine} onClick={onToggleMine}>
        ★ {t('tables.mine')}
      </button>
      <div className="tabs" role="tablist">
        {groups.map((group) => (
          <button key={group.id} type="button" role="tab" className="tab" aria-selected={group.id === activeId} onClick={() => onShowGroup(group.id)}>
            {group.name}
          </button>
        ))}
      </div>
    </nav>
  );
}
