import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useDataProvider } from 'react-admin';

import type { KeyhouseDataProvider, TemplateText } from '../providers/dataProvider';

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
const PREVIEW_DELAY_MS = 400;

/** `value` once it has stopped changing for `delayMs`. */
const useSettledValue = <T>(value: T, delayMs: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
};

/**
 * The server's rendering of unsaved template text, asked for when typing pauses.
 * The server renders it so that the preview and the emails sent can never differ.
 */
export const useTemplatePreview = (subject: string, body: string) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const text = useMemo<TemplateText>(() => ({ subject, body }), [subject, body]);
  const settledText = useSettledValue(text, PREVIEW_DELAY_MS);

  return useQuery({
    queryKey: ['email-templates', 'preview', settledText],
    queryFn: ({ signal }) => dataProvider.previewEmailTemplate(settledText, signal),
    // The last preview stays in place while the next one renders, instead of flickering away.
    placeholderData: keepPreviousData,
    // A refused text stays refused until it changes: asking again would only repeat the answer.
    retry: false,
  });
};
