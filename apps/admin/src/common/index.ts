export { ListEmpty } from './ListEmpty';
