import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'keyhouse:public';

/** Opts a route out of back-office authentication (health checks, sign-in, protocol endpoints). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
