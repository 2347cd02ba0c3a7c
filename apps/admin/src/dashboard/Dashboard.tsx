import ApartmentIcon from '@mui/icons-material/Apartment';
import GroupIcon from '@mui/icons-material/Group';
import PersonIcon from '@mui/icons-material/Person';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity } from 'react-admin';

import { MY_APPLICATIONS } from '../oauth-applications';
import { ApplicationFigures } from './ApplicationFigures';
import { CountCard } from './CountCard';

export const Dashboard = () => {
  const { identity } = useGetIdentity();

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Dashboard" />
      <Card sx={{ mb: 3, color: 'primary.contrastText', background: 'linear-gradient(120deg, #1e3a5f, #2a6f97)' }}>
        <CardContent sx={{ p: 3 }}>
          {/* The page's h1 is its title, "Dashboard" (PageHeader). */}
          <Typography variant="h5" component="h2" gutterBottom>
            Welcome, {identity?.fullName ?? '…'}
          </Typography>
          <Typography variant="body1" sx={{ opacity: 0.85 }}>
            What you may see in Keyhouse, at a glance.
          </Typography>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
        <CountCard resource="users" label="Users" icon={<PersonIcon />} />
        <CountCard resource="organizations" label="Organizations" icon={<ApartmentIcon />} />
        <CountCard resource="customer-users" label="Customer Users" icon={<GroupIcon />} />
        {/* Everyone's: the applications acting as them. */}
        <CountCard resource={MY_APPLICATIONS} label="My OAuth Applications" icon={<VpnKeyIcon />} />
        <ApplicationFigures />
      </Box>
    </Box>
  );
};
