import { describeErrorTranslations } from '@tavli/test-kit/translations';
import { ERROR_CODES } from './errors.js';

describeErrorTranslations(ERROR_CODES);
