import type { ApplicationUsageDayDto } from '@keyhouse/shared-contracts';
import { Box, Stack, Typography, useTheme } from '@mui/material';
import { useId } from 'react';

import { useIsPhone, VISUALLY_HIDDEN } from '../common';
import { shortDay } from './usage';

/**
 * The drawing's width in the SVG's units, about the width it is shown at, so that its 11-unit
 * labels read as 11 px text: scaled from 720 units into a phone's 330 px they would shrink to 5.
 */
const WIDTH = 720;
const PHONE_WIDTH = 330;
const HEIGHT = 200;
// Room on the right for half of today's label, centred under its bar.
const PLOT = { top: 8, right: 16, bottom: 24, left: 40 };
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
/** Labels seven days apart (counted back from today, which always has one)... */
const LABEL_EVERY = 7;
/** ...or further apart where days are narrow: a label ("Dec 12") takes about this many units. */
const LABEL_SPACE = 48;

/** The top of the scale: four whole, round steps reaching the highest bar, so the gridlines read easily. */
function scaleTop(highest: number): number {
  if (highest <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(highest));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).filter(Number.isInteger);
  return 4 * (steps.find((step) => step * 4 >= highest) ?? 10 * magnitude);
}

const SERIES = [
  { key: 'tokensIssued', label: 'Tokens issued', color: 'primary' },
  { key: 'failedAuthentications', label: 'Failed authentications', color: 'error' },
] as const;

/**
 * Tokens issued and failed authentications per day, as paired bars: a plain SVG, so the console
 * needs no charting library. The figure is named and summed up for assistive technology, with
 * every day's numbers in a table it can read.
 */
export const UsageChart = ({ days }: { days: ApplicationUsageDayDto[] }) => {
  const theme = useTheme();
  const titleId = useId();
  const width = useIsPhone() ? PHONE_WIDTH : WIDTH;
  const plotWidth = width - PLOT.left - PLOT.right;
  const totals = {
    tokensIssued: days.reduce((sum, day) => sum + day.tokensIssued, 0),
    failedAuthentications: days.reduce((sum, day) => sum + day.failedAuthentications, 0),
  };
  const top = scaleTop(Math.max(...days.map((day) => Math.max(day.tokensIssued, day.failedAuthentications))));
  const slot = plotWidth / days.length;
  const labelEvery = Math.max(LABEL_EVERY, Math.ceil(LABEL_SPACE / slot));
  const barWidth = Math.max(1, slot * 0.36);
  const y = (value: number) => PLOT.top + PLOT_HEIGHT * (1 - value / top);
  const colors = { primary: theme.palette.primary.main, error: theme.palette.error.main };
  const title = `Tokens issued and failed authentications per day, last ${days.length} days`;

  return (
    <Box component="figure" aria-labelledby={titleId} sx={{ m: 0 }}>
      <Stack direction="row" component="figcaption" id={titleId} sx={{ gap: 3, flexWrap: 'wrap', mb: 1 }}>
        <Box component="span" sx={VISUALLY_HIDDEN}>
          {title}:{' '}
        </Box>
        {SERIES.map((series) => (
          <Stack key={series.key} direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <Box aria-hidden sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: colors[series.color] }} />
            <Typography variant="body2">
              {series.label}: <strong>{totals[series.key]}</strong>
            </Typography>
          </Stack>
        ))}
      </Stack>
      <Box
        component="svg"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        aria-hidden
        sx={{ width: '100%', height: 'auto', display: 'block', fontFamily: theme.typography.fontFamily, fontSize: 11 }}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((share) => (
          <g key={share}>
            <line x1={PLOT.left} x2={width - PLOT.right} y1={y(top * share)} y2={y(top * share)} stroke={theme.palette.divider} />
            <text x={PLOT.left - 6} y={y(top * share)} textAnchor="end" dominantBaseline="middle" fill={theme.palette.text.secondary}>
              {top * share}
            </text>
          </g>
        ))}
        {days.map((day, i) => {
          const x = PLOT.left + i * slot + (slot - 2 * barWidth) / 2;
          const labelled = (days.length - 1 - i) % labelEvery === 0;
          return (
            <g key={day.day}>
              <title>{`${shortDay(day.day)}: ${day.tokensIssued} tokens issued, ${day.failedAuthentications} failed authentications`}</title>
              {/* The whole slot answers the pointer, so the title shows even over a zero. */}
              <rect x={PLOT.left + i * slot} y={PLOT.top} width={slot} height={PLOT_HEIGHT} fill="transparent" />
              {SERIES.map((series, s) => (
                <rect
                  key={series.key}
                  x={x + s * barWidth}
                  y={y(day[series.key])}
                  width={barWidth}
                  height={PLOT.top + PLOT_HEIGHT - y(day[series.key])}
                  fill={colors[series.color]}
                />
              ))}
              {labelled && (
                <text x={PLOT.left + (i + 0.5) * slot} y={HEIGHT - 6} textAnchor="middle" fill={theme.palette.text.secondary}>
                  {shortDay(day.day)}
                </text>
              )}
            </g>
          );
        })}
      </Box>
      {/* Hidden by a box around it: a table grows to its content whatever its own width, and widened the page. */}
      <Box sx={VISUALLY_HIDDEN}>
        <table>
          <caption>{title} (UTC days)</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Tokens issued</th>
              <th scope="col">Failed authentications</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{shortDay(day.day)}</th>
                <td>{day.tokensIssued}</td>
                <td>{day.failedAuthentications}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Box>
  );
};
