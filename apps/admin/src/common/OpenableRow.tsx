import { forwardRef, type KeyboardEvent } from 'react';
import { DataTableRow, type DataTableRowProps, useDataTableCallbacksContext, useResourceDefinition } from 'react-admin';

// Enter on the row itself, not on a button or link inside it, which answer Enter themselves.
const openOnEnter = (event: KeyboardEvent<HTMLTableRowElement>) => {
  if (event.key === 'Enter' && event.target === event.currentTarget) event.currentTarget.click();
};

/**
 * react-admin's grid row, reachable with Tab and opened with Enter wherever a click opens it
 * (the same rule react-admin applies to the pointer cursor): keyboard users need not go through
 * each row's menu. The theme makes it every grid's row.
 */
export const OpenableRow = forwardRef<HTMLTableRowElement, DataTableRowProps>(function OpenableRow(props, ref) {
  const { rowClick } = useDataTableCallbacksContext();
  const { hasShow, hasEdit } = useResourceDefinition();
  const opens = rowClick === undefined ? hasShow || hasEdit : rowClick !== false;
  return <DataTableRow ref={ref} {...props} {...(opens ? { tabIndex: 0, onKeyDown: openOnEnter } : {})} />;
});
