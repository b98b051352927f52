import type { Generated } from 'kysely';

export interface TableGroupsTable {
  id: Generated<number>;
  name: string;
  sort_order: Generated<number>;
  is_active: Generated<number>;
}

export interface TablesTable {
  id: Generated<number>;
  label: string;
  group_id: number;
  sort_order: Generated<number>;
  is_active: Generated<number>;
}
