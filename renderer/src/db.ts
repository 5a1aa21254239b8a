import { QdaDatabase } from '@core/db/database';

/** The one store for the whole app. */
export const db = new QdaDatabase('qda-studio');
