import type { EntityManager } from 'typeorm';

/** A column holding sealed personal data: `<name>_enc bytea`, bound to the field `<table>.<name>`. */
export interface SealedColumn {
  table: string;
  column: string;
  primaryKey: string;
  /** The AAD the values were sealed with. */
  field: string;
}

/**
 * Every sealed column of the schema, found by convention (bytea columns named
 * `*_enc`), so a feature that adds one is rotated without registering it.
 */
export async function sealedColumns(em: EntityManager): Promise<SealedColumn[]> {
  const rows = await em.query<{ table: string; column: string; pk: string | null }[]>(
    `select c.table_name as "table", c.column_name as "column",
            (select a.attname from pg_index i
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
              where i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                and i.indisprimary and i.indnatts = 1) as pk
       from information_schema.columns c
       join information_schema.tables t
         on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema() and c.data_type = 'bytea' and c.column_name like '%\\_enc'
      order by 1, 2`,
  );
  return rows.map((r) => {
    if (!r.pk)
      throw new Error(
        `sealed column ${r.table}.${r.column}: the table needs a one-column primary key`,
      );
    return {
      table: r.table,
      column: r.column,
      primaryKey: r.pk,
      field: `${r.table}.${r.column.replace(/_enc$/, '')}`,
    };
  });
}
