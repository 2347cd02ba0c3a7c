import { SimpleFormIteratorClasses } from 'react-admin';

/**
 * `sx` for a SimpleFormIterator. react-admin shows a line's remove button only while
 * the pointer is over the line, and a hidden button takes no focus: keyboard users
 * could add lines but never remove one.
 */
export const LINE_ACTIONS_VISIBLE = { [`& .${SimpleFormIteratorClasses.action}`]: { visibility: 'visible' } };
