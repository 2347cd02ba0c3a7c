import { useEffect } from 'react';
import { useDefaultTitle } from 'react-admin';

/** Names the browser tab after the page, the product last: "Nightly export — OAuth Applications — Keyhouse". */
export function useDocumentTitle(parts: string[]): void {
  const product = useDefaultTitle();
  const title = [...parts, typeof product === 'string' ? product : 'Keyhouse'].join(' — ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
