import simpleRestProvider from 'ra-data-simple-rest';

import { apiUrl, httpClient } from './httpClient';

/** The API follows ra-data-simple-rest's contract (`Content-Range`, `filter`/`sort`/`range`). */
export const dataProvider = simpleRestProvider(apiUrl, httpClient);
