import { Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { Link, useCanAccess, useGetList } from 'react-admin';

interface CountCardProps {
  resource: string;
  label: string;
  icon: ReactElement;
}

/**
 * How many records a resource holds, read from the list total; links to the list. Only for those
 * who may list it: nobody else gets the card, nor its request.
 */
export const CountCard = ({ resource, label, icon }: CountCardProps) => {
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  // One record is enough: the total comes from the Content-Range header.
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 } }, { enabled: canAccess === true });
  const labelId = `count-${resource}`;
  if (!canAccess) return null;

  return (
    <Card variant="outlined" component="section" aria-labelledby={labelId}>
      <CardActionArea component={Link} to={`/${resource}`} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Stack sx={{ color: 'primary.main', bgcolor: 'action.hover', borderRadius: 2, p: 1.5 }}>{icon}</Stack>
            <div>
              <Typography id={labelId} variant="body2" color="text.secondary">
                {label}
              </Typography>
              <Typography variant="h4" component="p" sx={{ fontWeight: 600 }}>
                {isPending ? <Skeleton width={48} /> : error ? '—' : total}
              </Typography>
            </div>
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
