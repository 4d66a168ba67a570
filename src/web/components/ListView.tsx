import type { ReactNode } from 'react';
import { Button, Group, NativeSelect, Table, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField.tsx';
import { PagedResults } from './Feedback.tsx';
import { Pager } from './Pager.tsx';
import { ScrollTable } from './ScrollTable.tsx';
import { useDebouncedSearch, useUrlFilters } from './useUrlFilters.ts';

type Option = { value: string; label: string };

/**
 * One filter above a list, kept in the address bar under `key`. A select offers "all" (`allLabel`, the empty
 * value) unless it has a `fallback`: the option shown when the address has none, which choosing clears again.
 * A `hidden` filter keeps its value from the address but shows no field (nothing to choose from).
 */
type FilterBase<K extends string> = { key: K; label: string; width?: number; hidden?: boolean };
export type ListFilter<K extends string> = FilterBase<K> &
  (
    | { kind: 'search'; description?: string }
    | { kind: 'select'; options: Option[]; allLabel?: string; fallback?: string }
    | { kind: 'date' }
  );

export type UrlFilters<K extends string> = ReturnType<typeof useUrlFilters<K>>;
type Changes<K extends string> = Parameters<UrlFilters<K>['set']>[0];

/** One column: its header and what a row shows in it. A `rowHeader` cell names the row for screen readers. */
export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  rowHeader?: boolean;
  noWrap?: boolean;
};

function SearchFilter<K extends string>({
  filter,
  state,
}: {
  filter: Extract<ListFilter<K>, { kind: 'search' }>;
  state: UrlFilters<K>;
}) {
  const [text, setText] = useDebouncedSearch(state.values[filter.key], (value) =>
    state.set({ [filter.key]: value } as Changes<K>),
  );
  return (
    <TextInput
      type="search"
      label={filter.label}
      description={filter.description}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      w={{ base: '100%', xs: filter.width ?? 260 }}
    />
  );
}

/** The filters of a list in one row (wrapping on a phone), and "clear filters" once one is set. */
export function FilterBar<K extends string>({
  filters,
  state,
}: {
  filters: ListFilter<K>[];
  state: UrlFilters<K>;
}) {
  const { t } = useTranslation();
  const set = (key: K, value: string) => state.set({ [key]: value } as Changes<K>);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {filters.map((filter) => {
        if (filter.hidden) return null;
        if (filter.kind === 'search') return <SearchFilter key={filter.key} filter={filter} state={state} />;
        if (filter.kind === 'date')
          return (
            <DateField
              key={filter.key}
              label={filter.label}
              value={state.values[filter.key]}
              onChange={(value) => set(filter.key, value)}
              w={{ base: '100%', xs: filter.width ?? 170 }}
            />
          );
        const { fallback } = filter;
        return (
          <NativeSelect
            key={filter.key}
            label={filter.label}
            value={state.values[filter.key] || (fallback ?? '')}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set(filter.key, value === fallback ? '' : value);
            }}
            data={
              fallback === undefined
                ? [{ value: '', label: filter.allLabel ?? t('filters.all') }, ...filter.options]
                : filter.options
            }
            w={{ base: '100%', xs: filter.width ?? 200 }}
          />
        );
      })}
      {state.active && (
        <Button variant="subtle" onClick={state.clear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}

/** A dense table of rows by columns, scrolling sideways inside its own box on a phone. */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  minWidth,
}: {
  label: string;
  columns: (Column<T> | false | null | undefined)[];
  rows: T[];
  rowKey: (row: T, index: number) => string | number;
  minWidth?: number;
}) {
  const shown = columns.filter((column): column is Column<T> => !!column);
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table.Thead>
        <Table.Tr>
          {shown.map((column, index) => (
            <Table.Th key={index}>{column.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={rowKey(row, index)}>
            {shown.map((column, columnIndex) => {
              const style = column.noWrap ? { whiteSpace: 'nowrap' as const } : undefined;
              return column.rowHeader ? (
                <Table.Th key={columnIndex} scope="row" fw={600} style={style}>
                  {column.cell(row)}
                </Table.Th>
              ) : (
                <Table.Td key={columnIndex} style={style}>
                  {column.cell(row)}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A paged list: filters kept in the address bar, the rows as a table, and a pager. `query` turns the filters
 * that are set (dates only once complete) and the page into the query to run; the previous page stays on screen
 * while the next one loads.
 */
export function ListView<K extends string, T>({
  label,
  filters,
  query,
  columns,
  rowKey,
  empty,
  pageSize,
  minWidth,
  notice,
}: {
  label: string;
  filters: ListFilter<K>[];
  query: (
    filters: Partial<Record<K, string>>,
    page: { limit: number; offset: number },
  ) => { queryKey: QueryKey; queryFn: () => Promise<{ items: T[]; total: number }> };
  columns: (Column<T> | false | null | undefined)[];
  rowKey: (row: T) => string | number;
  empty: string;
  pageSize: number;
  minWidth?: number;
  /** Shown between the filters and the list, e.g. the outcome of an action on a row. */
  notice?: ReactNode;
}) {
  const state = useUrlFilters(filters.map((filter) => filter.key));
  const set: Partial<Record<K, string>> = {};
  for (const filter of filters) {
    const value = state.values[filter.key];
    if (value !== '' && (filter.kind !== 'date' || isDate(value))) set[filter.key] = value;
  }
  const list = useQuery({
    ...query(set, { limit: pageSize, offset: state.offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <FilterBar filters={filters} state={state} />
      {notice}
      <PagedResults query={list} empty={empty}>
        {(data) => (
          <>
            <DataTable
              label={label}
              columns={columns}
              rows={data.items}
              rowKey={rowKey}
              minWidth={minWidth}
            />
            <Pager
              offset={state.offset}
              limit={pageSize}
              total={data.total}
              onChange={(offset) => state.set({ offset } as Changes<K>)}
            />
          </>
        )}
      </PagedResults>
    </>
  );
}
