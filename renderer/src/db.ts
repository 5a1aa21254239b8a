import { QdaDatabase } from '../../src/db/database';

/** The one store for the whole app. */
export const db = new QdaDatabase('qda-studio');

