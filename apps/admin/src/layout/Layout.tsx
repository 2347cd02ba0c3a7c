import { type ReactNode, Suspense } from 'react';
import { Layout as RaLayout, Loading } from 'react-admin';

import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { PageHeader } from './PageHeader';

// The page's own Suspense boundary: while a page's code loads, its breadcrumbs stay in place.
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu}>
    <PageHeader />
    <Suspense fallback={<Loading />}>{children}</Suspense>
  </RaLayout>
);
